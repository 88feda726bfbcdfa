import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type DecodedUpdate, decodeClientMessage, encodeSyncUpdate } from '../../../../server/rooms/sync-messages';
import { addsNothing as addsNothingDecoded } from '../../../../server/rooms/update-novelty';

/** The update as the room has it: decoded once from the client's message. */
function decoded(update: Uint8Array): DecodedUpdate {
  const result = decodeClientMessage(encodeSyncUpdate(update), 1 << 20);
  if (!result.ok || result.message.type !== 'sync-update') throw new Error('not a sync update');
  return result.message.update;
}

const addsNothing = (doc: Y.Doc, update: Uint8Array) => addsNothingDecoded(doc, decoded(update));

function twoCopies() {
  const server = new Y.Doc();
  const client = new Y.Doc();
  client.getText('t').insert(0, 'Tumbuhan membuat makanan sendiri');
  client.getText('t').delete(0, 9);
  Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
  return { server, client };
}

/** What the stock client answers to the server's step 1. */
const step2 = (client: Y.Doc, server: Y.Doc) => Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));

describe('telling a no-op update from a change', () => {
  it("a reconnecting client's step 2 with nothing new (only deletions the server has) adds nothing", () => {
    const { server, client } = twoCopies();
    const update = step2(client, server);
    expect(Y.decodeUpdate(update).ds.clients.size).toBe(1);
    expect(addsNothing(server, update)).toBe(true);
  });

  it('deleting text the server still has is a change, even without new items', () => {
    const { server, client } = twoCopies();
    client.getText('t').delete(0, 5);
    expect(addsNothing(server, step2(client, server))).toBe(false);
  });

  it('deleting partly already-deleted text is a change', () => {
    const { server, client } = twoCopies();
    client.getText('t').delete(0, 1); // next to the 9 already deleted
    expect(addsNothing(server, Y.encodeStateAsUpdate(client))).toBe(false);
  });

  it('new items are a change, and so are deletions of items the server has never seen', () => {
    const { server, client } = twoCopies();
    client.getText('t').insert(0, 'Daun ');
    expect(addsNothing(server, step2(client, server))).toBe(false);
    const stranger = new Y.Doc();
    stranger.getText('t').insert(0, 'abc');
    stranger.getText('t').delete(0, 1);
    const onlyDeletions = Y.encodeStateAsUpdate(stranger, Y.encodeStateVector(stranger));
    expect(addsNothing(server, onlyDeletions)).toBe(false);
  });

  it('the ends decoding found are those Yjs reads from the update, Skips included', () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    for (const word of ['Daun ', 'hijau ', 'menyerap cahaya']) doc.getText('t').insert(0, word);
    const [first, , third] = updates as [Uint8Array, Uint8Array, Uint8Array];
    const gapped = Y.mergeUpdates([first, third]);
    expect(Y.decodeUpdate(gapped).structs.some((struct) => struct instanceof Y.Skip)).toBe(true);
    const { to } = Y.parseUpdateMeta(gapped);
    expect(new Map(decoded(gapped).ends)).toEqual(to);
  });
});
