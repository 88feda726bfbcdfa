import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { estimatedBytes, type Struct } from '../../shared/sync/update-structs';

/** The structs of a document's own update, as a server or the editor reads them. */
function structsOf(doc: Y.Doc): Struct[] {
  return Y.decodeUpdate(Y.encodeStateAsUpdate(doc)).structs;
}

describe('the size of a struct in an update, estimated', () => {
  it('text counts its UTF-8 bytes: ASCII, accented, CJK and emoji', () => {
    for (const text of ['murid membaca', 'pecahan é à', '分数 ½', 'kue 🍰🍰 dibagi']) {
      const doc = new Y.Doc();
      doc.getText('t').insert(0, text);
      const [item] = structsOf(doc);
      expect(estimatedBytes(item as Struct)).toBe(Buffer.byteLength(text) + 32);
    }
  });

  it("a photo's data URL in an attribute counts about its length, as it is written in the update", () => {
    const doc = new Y.Doc();
    const image = new Y.XmlElement('image');
    const src = `data:image/jpeg;base64,${'QUJD'.repeat(75_000)}`;
    image.setAttribute('src', src);
    doc.getXmlFragment('default').insert(0, [image]);
    const attribute = structsOf(doc).find((struct) => struct instanceof Y.Item && struct.parentSub === 'src');
    const estimate = estimatedBytes(attribute as Struct);
    expect(estimate).toBeGreaterThanOrEqual(src.length);
    expect(estimate).toBeLessThan(src.length + 64);
  });
});
