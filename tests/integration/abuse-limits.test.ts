/** Limits an operator configures: a flooding connection is closed as rate-limited, a slow reader as too slow; teachers carry on. */
import { afterEach, describe, expect, it } from 'vitest';
import { clientUpdate, textUpdate } from '../../server/rooms/room-test-support';
import { CloseCode, TooSlowClose } from '../../shared/protocol/close-codes';
import { connectClient, destroyAllClients, openRawSocket } from './support/sync-client';
import { startTestServer, type TestServer } from './support/test-server';
import { waitFor } from './support/wait-for';

let server: TestServer;

afterEach(async () => {
  destroyAllClients();
  await server.dispose();
});

async function serverWith(env: Record<string, string>) {
  server = await startTestServer({ env });
  const { token } = await server.addUser('Bu Sari');
  const { id: room } = await server.createDraft(token, 'Fotosintesis');
  return { token, room };
}

describe('per-connection rate limits', () => {
  it('a connection sending more messages per second than allowed is closed as rate-limited (4429); a teacher typing is not', async () => {
    const { token, room } = await serverWith({
      DAMPINGI_RATE_MESSAGES_PER_SECOND: '50',
      DAMPINGI_RATE_BURST_SECONDS: '1',
    });
    const teacher = connectClient(server.url(), room, token);
    await teacher.whenSynced();
    const flooder = await openRawSocket(server.url(), room, token);
    for (let index = 0; index < 200; index += 1) flooder.ws.send(new Uint8Array([3])); // query-awareness
    expect(await flooder.closed).toEqual({ code: CloseCode.RateLimited, reason: 'rate-limited' });

    // A fast typist, 25 keys a second (half the limit). This paces the input, it waits for nothing:
    // a busy machine only types slower, which the limit allows all the more.
    for (let index = 0; index < 20; index += 1) {
      teacher.doc.getText('t').insert(0, 'a');
      await new Promise((done) => setTimeout(done, 40));
    }
    const witness = connectClient(server.url(), room, token);
    await waitFor(() => witness.doc.getText('t').length === 20, 'every keystroke to arrive');
    expect(teacher.provider.wsconnected).toBe(true);
  });

  it('a connection sending more bytes per second than allowed is closed as rate-limited (4429)', async () => {
    const { token, room } = await serverWith({
      DAMPINGI_MAX_MESSAGE_BYTES: String(64 * 1024),
      DAMPINGI_RATE_BYTES_PER_SECOND: String(64 * 1024),
      DAMPINGI_RATE_BURST_SECONDS: '1',
    });
    const sender = await openRawSocket(server.url(), room, token);
    for (let index = 0; index < 4; index += 1) sender.ws.send(clientUpdate(textUpdate('x'.repeat(40_000))));
    expect(await sender.closed).toEqual({ code: CloseCode.RateLimited, reason: 'rate-limited' });
  });
});

describe('slow readers', () => {
  it('a client that stops reading is closed as too slow (4504) once its backlog passes the limit; the writer carries on', async () => {
    const { token, room } = await serverWith({ DAMPINGI_MAX_BUFFERED_BYTES: String(64 * 1024) });
    const slow = await openRawSocket(server.url(), room, token);
    slow.ws.pause(); // reads nothing more, so the server's send buffer for it only grows
    const writer = connectClient(server.url(), room, token);
    await writer.whenSynced();
    const chunk = 'x'.repeat(50_000);
    for (let index = 0; index < 200; index += 1) writer.doc.getText('t').insert(0, chunk);
    // Reading again soon after the server gave up on it, so the close frame arrives within its grace time.
    await waitFor(
      async () => (await (await fetch(`${server.url()}/metrics`)).text()).includes('reason="too-slow"'),
      'the server to find the reader too slow',
      20_000,
    );
    slow.ws.resume();
    expect(await slow.closed).toEqual({ code: TooSlowClose.code, reason: TooSlowClose.reason });

    const witness = connectClient(server.url(), room, token);
    await waitFor(() => witness.doc.getText('t').length === 200 * chunk.length, 'every edit to be stored', 20_000);
    expect(writer.provider.wsconnected).toBe(true);
  }, 30_000);
});
