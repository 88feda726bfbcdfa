/**
 * The same hostile messages as hostile-messages.test.ts, 2,000 of them over real WebSockets to the
 * real server: each is refused with a named code or answered, and collaborators never notice.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol/close-codes';
import { clientSyncStep1, describeMessage } from '../support/room-test-support';
import { type HostileMessage, hostileMessage } from './support/hostile-messages';
import { connectClient, destroyAllClients, openRawSocket } from './support/sync-client';
import { startTestServer, type TestServer } from './support/test-server';
import { waitFor } from './support/wait-for';

const MESSAGES = 2_000;
const PARALLEL = 8;

let server: TestServer;
let token: string;
let room: string;

beforeEach(async () => {
  // Thousands of short connections of one account: its rate allowance is not what this test is about.
  server = await startTestServer({
    env: { DAMPINGI_MAX_MESSAGE_BYTES: String(64 * 1024), DAMPINGI_RATE_USER_MESSAGES_PER_SECOND: '1000000' },
  });
  token = (await server.addUser('Bu Sari')).token;
  room = (await server.createDraft(token, 'Fotosintesis')).id;
});

afterEach(async () => {
  destroyAllClients();
  await server.dispose();
});

type Outcome = { refused: number } | { answered: true };

/** Sends one hostile message, then a step 1: the server either closes the socket or answers the step 1. */
async function sendOne(message: HostileMessage): Promise<Outcome> {
  const raw = await openRawSocket(server.url(), room, token);
  raw.ws.send(message.bytes);
  raw.ws.send(clientSyncStep1(new Y.Doc()));
  const answered = waitFor(() => raw.received.map(describeMessage).includes('sync-step2'), 'a step 2').then(
    () => ({ answered: true }) as const,
  );
  const outcome = await Promise.race([raw.closed.then(({ code }) => ({ refused: code })), answered]);
  raw.ws.terminate();
  return outcome;
}

describe('hostile messages over real WebSockets', () => {
  it('2,000 broken messages are each refused with a named code, and two teachers keep editing together', async () => {
    const writer = connectClient(server.url(), room, token);
    const reader = connectClient(server.url(), room, token);
    await Promise.all([writer.whenSynced(), reader.whenSynced()]);
    writer.doc.getText('t').insert(0, 'Sebelum. ');

    const messages = fc.sample(hostileMessage, { numRuns: MESSAGES, seed: 20_261_123 });
    const codes = new Map<number | 'answered', number>();
    const started = Date.now();
    for (let start = 0; start < messages.length; start += PARALLEL) {
      const outcomes = await Promise.all(messages.slice(start, start + PARALLEL).map(sendOne));
      for (const outcome of outcomes) {
        const key = 'refused' in outcome ? outcome.refused : 'answered';
        codes.set(key, (codes.get(key) ?? 0) + 1);
      }
    }
    console.info(`hostile messages over WebSocket: ${MESSAGES} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const refusedWith = [...codes.keys()].filter((key) => key !== 'answered');
    expect(refusedWith.every((code) => code === CloseCode.InvalidMessage || code === CloseCode.MessageTooLarge)).toBe(
      true,
    );
    expect(codes.get(CloseCode.InvalidMessage)).toBeGreaterThan(MESSAGES / 2);

    // Neither teacher was disconnected, and an edit still travels both ways.
    expect(writer.provider.wsconnected && reader.provider.wsconnected).toBe(true);
    writer.doc.getText('t').insert(writer.doc.getText('t').length, 'Sesudah.');
    reader.doc.getMap('m').set('title', 'Fotosintesis');
    await waitFor(
      () =>
        reader.doc.getText('t').toString().includes('Sebelum. ') &&
        reader.doc.getText('t').toString().includes('Sesudah.'),
      'the reader to see both edits',
    );
    await waitFor(() => writer.doc.getMap('m').get('title') === 'Fotosintesis', 'the writer to see the title');

    // And the stored draft holds exactly what the teachers see.
    destroyAllClients();
    await server.stop();
    const stored = await server.storedDocument(room);
    const fromStore = new Y.Doc();
    if (stored?.snapshot) Y.applyUpdate(fromStore, stored.snapshot);
    for (const { update } of stored?.updates ?? []) Y.applyUpdate(fromStore, update);
    await server.start();
    const fresh = connectClient(server.url(), room, token);
    await fresh.whenSynced();
    const roundTripped = new Y.Doc();
    Y.applyUpdate(roundTripped, Y.encodeStateAsUpdate(fromStore));
    expect(Y.equalSnapshots(Y.snapshot(roundTripped), Y.snapshot(fresh.doc))).toBe(true);
    expect(fresh.doc.getText('t').toString()).toContain('Sesudah.');
  }, 60_000);
});
