import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addsNothing } from '../../../../server/rooms/update-novelty';

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
});
