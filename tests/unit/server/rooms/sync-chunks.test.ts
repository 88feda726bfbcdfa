import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeSyncAnswer } from '../../../../server/rooms/sync-chunks';
import { applyServerMessages, describeMessage } from '../../../support/room-test-support';

const CHUNK = 16 * 1024;

/** Three writers, long text with emoji, a map, formatting, deletions: what a real draft holds. */
function bigDraft(): Y.Doc {
  const doc = new Y.Doc();
  for (let writer = 1; writer <= 3; writer += 1) {
    const other = new Y.Doc();
    other.clientID = writer;
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const text = other.getText('t');
    text.insert(text.length, `Bab ${writer} 🌱🌿 `.repeat(4000));
    text.format(0, 10, { bold: true });
    text.delete(100 * writer, 500);
    other.getMap('m').set(`judul-${writer}`, { nama: 'Fotosintesis', nomor: writer });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
  }
  return doc;
}

describe('answering sync step 1 in pieces', () => {
  it('a small document is answered with one step 2, as before', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'Tumbuhan');
    expect(encodeSyncAnswer(doc, Y.encodeStateVector(new Y.Doc()), CHUNK).map(describeMessage)).toEqual(['sync-step2']);
  });

  it('a large document arrives as updates no larger than a piece, then a step 2, and the copy is identical', () => {
    const doc = bigDraft();
    const messages = encodeSyncAnswer(doc, Y.encodeStateVector(new Y.Doc()), CHUNK);
    expect(messages.length).toBeGreaterThan(10);
    expect(messages.slice(0, -1).every((message) => describeMessage(message) === 'sync-update')).toBe(true);
    expect(describeMessage(messages.at(-1)!)).toBe('sync-step2');
    expect(Math.max(...messages.map((message) => message.byteLength))).toBeLessThanOrEqual(CHUNK + 64);

    const copy = new Y.Doc();
    applyServerMessages(copy, messages);
    expect(copy.getText('t').toString()).toBe(doc.getText('t').toString());
    expect(copy.getText('t').toDelta()).toEqual(doc.getText('t').toDelta());
    expect(copy.getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
    expect(Y.equalSnapshots(Y.snapshot(copy), Y.snapshot(doc))).toBe(true);
  });

  it('a peer that has part of the document gets only the rest, still in pieces', () => {
    const doc = bigDraft();
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(new Y.Doc())));
    const known = Y.encodeStateVector(peer);
    doc.getText('t').insert(0, 'Pendahuluan. '.repeat(3000));
    const messages = encodeSyncAnswer(doc, known, CHUNK);
    applyServerMessages(peer, messages);
    expect(peer.getText('t').toString()).toBe(doc.getText('t').toString());
    expect(messages.length).toBeGreaterThan(2);
  });

  it('a peer that has the first part of one long text item gets the rest of it, cut from a copy, and the document is unchanged', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'a'.repeat(20_000));
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    // Typed on by the same writer: Yjs merges it into the same item, which the peer has a part of.
    doc.getText('t').insert(20_000, 'b'.repeat(50_000));
    expect(doc.store.clients.get(doc.clientID)).toHaveLength(1);
    const before = Y.encodeStateAsUpdate(doc);

    const messages = encodeSyncAnswer(doc, Y.encodeStateVector(peer), CHUNK);
    expect(messages.length).toBeGreaterThan(3);
    expect(Math.max(...messages.map((message) => message.byteLength))).toBeLessThanOrEqual(CHUNK + 64);
    applyServerMessages(peer, messages);
    expect(peer.getText('t').toString()).toBe(doc.getText('t').toString());
    expect(Buffer.from(Y.encodeStateAsUpdate(doc)).equals(before)).toBe(true);
  });
});
