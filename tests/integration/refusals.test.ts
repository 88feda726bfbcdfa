/** What the server refuses, and how: named close codes the editor can explain, and no harm to anyone else. */
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol/close-codes';
import { connectClient, destroyAllClients, openRawSocket } from './support/sync-client';
import { startTestServer, type TestServer } from './support/test-server';
import { nextEvent, waitFor } from './support/wait-for';

let server: TestServer;
let token: string;
let room: string;

beforeEach(async () => {
  server = await startTestServer({ env: { DAMPINGI_MAX_MESSAGE_BYTES: String(64 * 1024) } });
  token = (await server.addUser('Bu Sari')).token;
  room = (await server.createDraft(token, 'Fotosintesis')).id;
});

afterEach(async () => {
  destroyAllClients();
  await server.dispose();
});

function closedEvent(client: ReturnType<typeof connectClient>) {
  return nextEvent<{ code: number; reason: string }>(
    (listener) => client.provider.on('closed', listener),
    'the server to close the connection for good',
  );
}

function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

describe('connections the server refuses at the door', () => {
  it('a wrong token is refused with unauthorized (4401) and the client stops retrying', async () => {
    const client = connectClient(server.url(), room, 'not-a-real-token');
    expect(await closedEvent(client)).toEqual({ code: CloseCode.Unauthorized, reason: 'unauthorized' });
    expect(client.provider.shouldConnect).toBe(false);
  });

  it('no token at all is refused with unauthorized (4401)', async () => {
    const client = connectClient(server.url(), room, '');
    expect((await closedEvent(client)).code).toBe(CloseCode.Unauthorized);
  });

  it('a room that is no draft is refused with not-found (4404)', async () => {
    for (const name of ['tidak-ada-draf-ini', '..%2F..%2Fetc', 'abcdefgh.unknown']) {
      const client = connectClient(server.url(), name, token);
      expect(await closedEvent(client), name).toEqual({ code: CloseCode.NotFound, reason: 'not-found' });
    }
  });
});

describe('bad messages close only the connection that sent them', () => {
  it('garbage bytes close that connection with invalid-message (4422); the other editor and the stored draft are unaffected', async () => {
    const teacher = connectClient(server.url(), room, token);
    const mentor = connectClient(server.url(), room, token);
    await Promise.all([teacher.whenSynced(), mentor.whenSynced()]);
    teacher.doc.getText('t').insert(0, 'Fotosintesis');
    await waitFor(() => mentor.doc.getText('t').toString() === 'Fotosintesis', 'the mentor to see the first edit');
    const storedBefore = await server.storedDocument(room);

    const attacker = await openRawSocket(server.url(), room, token);
    attacker.ws.send(new Uint8Array([0x00, 0x02, 0xff, 0xff, 0xff, 0x07]));
    expect(await attacker.closed).toEqual({ code: CloseCode.InvalidMessage, reason: 'invalid-message' });
    expect(await server.storedDocument(room)).toEqual(storedBefore);

    teacher.doc.getText('t').insert(12, ' dan respirasi');
    await waitFor(
      () => mentor.doc.getText('t').toString() === 'Fotosintesis dan respirasi',
      'the mentor to keep receiving edits',
    );
    expect(teacher.provider.wsconnected && mentor.provider.wsconnected).toBe(true);
  });

  it('a text frame is not the protocol and is refused with invalid-message (4422)', async () => {
    const attacker = await openRawSocket(server.url(), room, token);
    attacker.ws.send('halo');
    expect((await attacker.closed).code).toBe(CloseCode.InvalidMessage);
  });

  it('an update over the size limit is refused with message-too-large (4413) and is not stored', async () => {
    const attacker = await openRawSocket(server.url(), room, token);
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'x'.repeat(100 * 1024));
    attacker.ws.send(updateMessage(Y.encodeStateAsUpdate(doc)));
    expect(await attacker.closed).toEqual({ code: CloseCode.MessageTooLarge, reason: 'message-too-large' });
    expect(await server.storedDocument(room)).toBeNull();
  });
});
