/** A large update stored in slices: each slice is a valid update, and applied in order they make the same document. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeClientMessage, encodeSyncUpdate } from '../../../server/rooms/sync-messages';
import { updateSlices } from '../../../server/rooms/update-slices';

function decoded(update: Uint8Array) {
  const result = decodeClientMessage(encodeSyncUpdate(update), 1 << 30);
  if (!result.ok || result.message.type !== 'sync-update') throw new Error('not an update');
  return result.message.update;
}

describe('updateSlices', () => {
  it('a backlog of paragraphs, a long text, photos and deletions is sliced into updates of about the slice size that rebuild it exactly', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('default');
    for (let index = 0; index < 200; index += 1) {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(`Paragraf ${index} tentang pecahan. `.repeat(20))]);
      fragment.insert(fragment.length, [paragraph]);
      if (index % 50 === 0) {
        const image = new Y.XmlElement('image');
        image.setAttribute('src', `data:image/jpeg;base64,${'QUJD'.repeat(20_000)}`);
        fragment.insert(fragment.length, [image]);
      }
    }
    doc.getText('long').insert(0, 'x'.repeat(300_000));
    fragment.delete(3, 10);
    doc.getText('long').delete(1000, 5000);
    const update = Y.encodeStateAsUpdate(doc);

    const slices = [...updateSlices(decoded(update), 64 * 1024)];
    expect(slices.length).toBeGreaterThan(update.byteLength / (64 * 1024));
    for (const slice of slices) expect(slice.byteLength).toBeLessThan(2 * 64 * 1024);
    const rebuilt = new Y.Doc();
    for (const slice of slices) Y.applyUpdate(rebuilt, slice);
    expect(rebuilt.store.pendingStructs).toBeNull();
    expect(rebuilt.store.pendingDs).toBeNull();
    // Compared as buffers: a deep equality over 700 KB of bytes takes seconds.
    expect(Buffer.from(Y.encodeStateAsUpdate(rebuilt)).equals(Y.encodeStateAsUpdate(doc))).toBe(true);
    expect(rebuilt.getXmlFragment('default').toString()).toBe(fragment.toString());
  });

  it('an update no larger than the slice size is stored as it came', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'Tumbuhan membuat makanan sendiri.');
    const update = Y.encodeStateAsUpdate(doc);
    const received = decoded(update);
    expect([...updateSlices(received, 64 * 1024)]).toEqual([received.bytes]);
  });
});
