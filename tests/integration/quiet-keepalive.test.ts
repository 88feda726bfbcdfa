/**
 * A teacher alone in her draft, her connection quiet: the server still speaks to it now and then
 * (an empty presence update), so her stock y-websocket client — which drops a connection silent for
 * 30 s, also while it uploads a long backlog — stays connected, and nothing in the draft or in who
 * is present changes. The quiet period is shortened here; it is 10 s by default.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_PRESENCE_MESSAGE } from '../../server/transport/quiet-keepalive';
import { connectClient, destroyAllClients, openRawSocket } from './support/sync-client';
import { startTestServer, type TestServer } from './support/test-server';
import { waitFor } from './support/wait-for';

let server: TestServer;

beforeEach(async () => {
  server = await startTestServer({ env: { DAMPINGI_KEEPALIVE_MS: '200' } });
});

afterEach(async () => {
  destroyAllClients();
  await server.dispose();
});

const isKeepalive = (message: Uint8Array) =>
  message.length === EMPTY_PRESENCE_MESSAGE.length &&
  message.every((byte, index) => byte === EMPTY_PRESENCE_MESSAGE[index]);

describe('a quiet connection is kept alive', () => {
  it("a teacher alone in her draft keeps hearing from the server; her stock client's last-message clock moves on, her text and presence stay", async () => {
    const { token } = await server.addUser('Bu Sari');
    const { id: room } = await server.createDraft(token, 'Fotosintesis');
    const teacher = connectClient(server.url(), room, token);
    await teacher.whenSynced();
    teacher.doc.getText('t').insert(0, 'Tumbuhan membuat makanan sendiri.');
    teacher.provider.awareness.setLocalStateField('name', 'Bu Sari');

    // What the server sends a connection nobody speaks to: only keepalives, again and again.
    const listener = await openRawSocket(server.url(), room, token);
    await waitFor(() => listener.received.filter(isKeepalive).length >= 3, 'three keepalives on a quiet socket');

    const heardAt = teacher.provider.wsLastMessageReceived;
    await waitFor(() => teacher.provider.wsLastMessageReceived > heardAt, 'the teacher to hear from the server again');
    expect(teacher.provider.wsconnected).toBe(true);
    expect(teacher.doc.getText('t').toString()).toBe('Tumbuhan membuat makanan sendiri.');
    expect([...teacher.provider.awareness.getStates().values()].map((state) => state.name).filter(Boolean)).toEqual([
      'Bu Sari',
    ]);
    listener.ws.close();
  });
});
