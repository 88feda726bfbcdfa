import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { decodeClientMessage, encodeSyncStep2, MessageType, SyncType } from '../../../../server/rooms/sync-messages';
import { CloseCode } from '../../../../shared/protocol/close-codes';
import { clientSyncStep1, clientUpdate, textUpdate } from '../../../support/room-test-support';

const LIMIT = 1024 * 1024;

function frame(...parts: (number | Uint8Array)[]): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const part of parts) {
    if (typeof part === 'number') encoding.writeVarUint(encoder, part);
    else encoding.writeVarUint8Array(encoder, part);
  }
  return encoding.toUint8Array(encoder);
}

function awarenessUpdate(state: Record<string, unknown>): Uint8Array {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  awareness.setLocalState(state);
  const update = encodeAwarenessUpdate(awareness, [doc.clientID]);
  awareness.destroy();
  return update;
}

/** A valid-looking update with no structs that deletes zero items of client 5. */
function zeroLengthDeletion(): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const part of [0, 1, 5, 1, 0, 0]) encoding.writeVarUint(encoder, part);
  return encoding.toUint8Array(encoder);
}

describe('decoding what the stock y-websocket client sends', () => {
  it('sync step 1 carries the client state vector', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'hi');
    const result = decodeClientMessage(clientSyncStep1(doc), LIMIT);
    expect(result).toEqual({ ok: true, message: { type: 'sync-step1', stateVector: Y.encodeStateVector(doc) } });
  });

  it('a live edit is an update that is not empty', () => {
    const update = textUpdate('Fotosintesis');
    expect(decodeClientMessage(clientUpdate(update), LIMIT)).toMatchObject({
      ok: true,
      message: { type: 'sync-update', update: { bytes: update, empty: false } },
    });
  });

  it('a fresh client answering step 1 sends an empty step 2, marked empty so nothing is stored', () => {
    const server = new Y.Doc();
    const fresh = new Y.Doc();
    const step2 = encodeSyncStep2(fresh, Y.encodeStateVector(server));
    const result = decodeClientMessage(step2, LIMIT);
    expect(result.ok && result.message).toMatchObject({ type: 'sync-step2', update: { empty: true } });
  });

  it('awareness and query-awareness messages are recognised', () => {
    const update = awarenessUpdate({ user: { name: 'Bu Sari' } });
    expect(decodeClientMessage(frame(MessageType.Awareness, update), LIMIT)).toEqual({
      ok: true,
      message: { type: 'awareness', update },
    });
    expect(decodeClientMessage(frame(MessageType.QueryAwareness), LIMIT)).toEqual({
      ok: true,
      message: { type: 'query-awareness' },
    });
  });
});

describe('refusing messages that are not the protocol', () => {
  const valid = clientUpdate(textUpdate('Fotosintesis'));
  const refusals: [string, Uint8Array][] = [
    ['an empty frame', new Uint8Array()],
    ['garbage bytes', new Uint8Array([0xff, 0xfe, 0xfd, 0xfc])],
    ['an unknown message type', frame(7, new Uint8Array([1, 2]))],
    ['an auth message (server to client only)', frame(MessageType.Auth, 0)],
    ['an unknown sync type', frame(MessageType.Sync, 9, new Uint8Array([0, 0]))],
    ['a truncated update message', valid.slice(0, valid.length - 3)],
    ['trailing bytes after a message', new Uint8Array([...valid, 0])],
    ['an update payload Yjs cannot decode', frame(MessageType.Sync, SyncType.Update, new Uint8Array([1, 2, 3]))],
    ['a state vector that does not decode', frame(MessageType.Sync, SyncType.Step1, new Uint8Array([5, 1]))],
    ['query-awareness with a payload', frame(MessageType.QueryAwareness, 1)],
    ['awareness whose state is not JSON', frame(MessageType.Awareness, awarenessWithState('{not json'))],
    // Both decode, and Yjs threw applying them (found by the hostile-messages fuzz test).
    ['an update deleting a range of length 0', frame(MessageType.Sync, SyncType.Update, zeroLengthDeletion())],
    [
      'an update whose item points forward in its own history',
      Buffer.from(
        '00022d0103080001010174028408410876337e4d7844227e2801016d017801770a5d2176337e4d7844227e0108010002',
        'hex',
      ),
    ],
  ];

  for (const [what, bytes] of refusals) {
    it(`${what} is refused as invalid-message (4422)`, () => {
      const result = decodeClientMessage(bytes, LIMIT);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.closeCode).toBe(CloseCode.InvalidMessage);
    });
  }

  it('a message over the size limit is refused as message-too-large (4413) before it is parsed', () => {
    const big = clientUpdate(textUpdate('x'.repeat(2000)));
    const result = decodeClientMessage(big, 1024);
    expect(result).toMatchObject({ ok: false, closeCode: CloseCode.MessageTooLarge });
  });

  it('the payload is copied, so a stored update does not keep the socket buffer alive', () => {
    const pool = new Uint8Array(4096);
    pool.set(valid, 100);
    const view = pool.subarray(100, 100 + valid.length);
    const result = decodeClientMessage(view, LIMIT);
    expect(result.ok && result.message.type === 'sync-update' && result.message.update.bytes.buffer).not.toBe(
      pool.buffer,
    );
  });
});

function awarenessWithState(state: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, 42);
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarString(encoder, state);
  return encoding.toUint8Array(encoder);
}
