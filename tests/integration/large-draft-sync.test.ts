/**
 * A large draft (8 MB here; the piece size is configurable, production default 4 MiB) reaches a
 * new stock y-websocket client in pieces no larger than the configured size, and it reports synced.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { clientSyncStep1, describeMessage } from '../support/room-test-support';
import { connectClient, destroyAllClients, openRawSocket } from './support/sync-client';
import { startTestServer, type TestServer } from './support/test-server';
import { waitFor } from './support/wait-for';

const MiB = 1024 * 1024;
const CHUNK_BYTES = MiB;
const PARTS = 4;
const PART_CHARS = 2 * MiB;

let server: TestServer;
let token: string;
let room: string;

beforeEach(async () => {
  server = await startTestServer({ env: { DAMPINGI_SYNC_CHUNK_BYTES: String(CHUNK_BYTES) } });
  token = (await server.addUser('Bu Sari')).token;
  room = (await server.createDraft(token, 'Modul besar')).id;
});

afterEach(async () => {
  destroyAllClients();
  await server.dispose();
});

async function storedBytes(): Promise<number> {
  const stored = await server.storedDocument(room);
  return (stored?.updates ?? []).reduce((sum, { update }) => sum + update.byteLength, 0);
}

describe('a large draft syncs to a new client', () => {
  it('an 8 MB draft arrives in pieces of at most 1 MiB and the stock client reports synced with all of it', async () => {
    const writer = connectClient(server.url(), room, token);
    await writer.whenSynced();
    for (let part = 0; part < PARTS; part += 1) {
      writer.doc.getText('t').insert(writer.doc.getText('t').length, String(part).repeat(PART_CHARS));
    }
    await waitFor(async () => (await storedBytes()) >= PARTS * PART_CHARS, 'the whole draft to be stored', 20_000);
    writer.destroy();

    // What goes over the wire: only pieces under the limit, the step 2 last.
    const raw = await openRawSocket(server.url(), room, token);
    raw.ws.send(clientSyncStep1(new Y.Doc()));
    await waitFor(() => raw.received.map(describeMessage).includes('sync-step2'), 'the step 2', 20_000);
    const answer = raw.received.filter((message) => describeMessage(message) !== 'sync-step1');
    expect(answer.length).toBeGreaterThanOrEqual(PARTS * 2);
    expect(Math.max(...answer.map((message) => message.byteLength))).toBeLessThanOrEqual(CHUNK_BYTES + 64);
    expect(describeMessage(answer.at(-1)!)).toBe('sync-step2');
    raw.ws.terminate();

    const started = Date.now();
    const reader = connectClient(server.url(), room, token);
    await waitFor(() => reader.provider.synced, 'the stock client to report synced', 20_000);
    const seconds = (Date.now() - started) / 1000;
    const text = reader.doc.getText('t').toString();
    expect(text.length).toBe(PARTS * PART_CHARS);
    for (let part = 0; part < PARTS; part += 1) expect(text[part * PART_CHARS + 1]).toBe(String(part));
    console.info(`large draft: ${(PARTS * PART_CHARS) / MiB} MiB in ${answer.length} messages, synced in ${seconds} s`);
  }, 60_000);
});
