/**
 * fast-check arbitraries for hostile sync traffic: valid y-websocket messages (sync step 1/2,
 * update, awareness, query-awareness), then broken the ways a bug or an attacker breaks them.
 */
import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { MessageType, SyncType } from '../../../server/rooms/sync-messages';

/** A message before framing: its type, sync type (for sync messages) and single payload. */
interface MessageShape {
  type: number;
  syncType: number | null;
  payload: Uint8Array | null;
}

function frame(shape: MessageShape, declaredLength?: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, shape.type);
  if (shape.syncType !== null) encoding.writeVarUint(encoder, shape.syncType);
  if (shape.payload) {
    encoding.writeVarUint(encoder, declaredLength ?? shape.payload.byteLength);
    encoding.writeUint8Array(encoder, shape.payload);
  }
  return encoding.toUint8Array(encoder);
}

/**
 * Real edits, made once up front (creating a Y.Doc per case would dominate the run): 64 clients,
 * four successive edits each (text, a map entry, a deletion), so later ones depend on earlier ones.
 */
const editPool: Uint8Array[] = Array.from({ length: 64 }, (_, index) => {
  const doc = new Y.Doc();
  doc.clientID = index + 1;
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const text = doc.getText('t');
  text.insert(0, `tulisan ${index}`);
  doc.getMap('m').set(['title', 'stage', 'x'][index % 3]!, `nilai ${index}`);
  text.delete(0, 1 + (index % 3));
  text.insert(text.length, ' akhir');
  doc.destroy();
  return updates;
}).flat();
const validUpdate: fc.Arbitrary<Uint8Array> = fc.constantFrom(...editPool);

const stateVector: fc.Arbitrary<Uint8Array> = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 2 ** 31 }), fc.nat({ max: 1000 })), { maxLength: 4 })
  .map((entries) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, entries.length);
    for (const [client, clock] of entries) {
      encoding.writeVarUint(encoder, client);
      encoding.writeVarUint(encoder, clock);
    }
    return encoding.toUint8Array(encoder);
  });

const awarenessPool: Uint8Array[] = Array.from({ length: 32 }, (_, index) => {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  awareness.setLocalState({ user: { name: `Guru ${index}` }, cursor: index % 2 ? null : { anchor: index } });
  const update = encodeAwarenessUpdate(awareness, [doc.clientID]);
  awareness.destroy();
  doc.destroy();
  return update;
});
const awarenessUpdate: fc.Arbitrary<Uint8Array> = fc.constantFrom(...awarenessPool);

/** Update-shaped bytes with absurd counts, clocks and lengths: they frame correctly, the payload lies. */
const liarUpdate: fc.Arbitrary<Uint8Array> = fc
  .record({
    clients: fc.constantFrom(1, 2, 2 ** 31, 2 ** 53 - 1),
    structs: fc.constantFrom(1, 1000, 2 ** 32, 2 ** 53 - 1),
    clientId: fc.integer({ min: 0, max: 2 ** 31 }),
    clock: fc.constantFrom(0, 1, 2 ** 32, 2 ** 53 - 1),
    info: fc.integer({ min: 0, max: 255 }),
    length: fc.constantFrom(1, 2 ** 31, 2 ** 53 - 1),
    tail: fc.uint8Array({ maxLength: 24 }),
  })
  .map((liar) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, liar.clients);
    encoding.writeVarUint(encoder, liar.structs);
    encoding.writeVarUint(encoder, liar.clientId);
    encoding.writeVarUint(encoder, liar.clock);
    encoding.writeUint8(encoder, liar.info);
    encoding.writeVarUint(encoder, liar.length);
    encoding.writeUint8Array(encoder, liar.tail);
    return encoding.toUint8Array(encoder);
  });

/** A valid update with no structs that deletes a range, possibly enormous, of some client. */
const deletionOnlyUpdate: fc.Arbitrary<Uint8Array> = fc
  .record({
    clientId: fc.integer({ min: 0, max: 2 ** 31 }),
    clock: fc.constantFrom(0, 5, 2 ** 40),
    length: fc.constantFrom(1, 1000, 2 ** 40, 2 ** 53 - 1),
  })
  .map(({ clientId, clock, length }) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0); // no structs
    encoding.writeVarUint(encoder, 1); // one client in the delete set
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarUint(encoder, length);
    return encoding.toUint8Array(encoder);
  });

const validShape: fc.Arbitrary<MessageShape> = fc.oneof(
  stateVector.map((payload) => ({ type: MessageType.Sync, syncType: SyncType.Step1, payload })),
  fc
    .tuple(fc.constantFrom(SyncType.Step2, SyncType.Update), validUpdate)
    .map(([syncType, payload]) => ({ type: MessageType.Sync, syncType, payload })),
  awarenessUpdate.map((payload) => ({ type: MessageType.Awareness, syncType: null, payload })),
  fc.constant({ type: MessageType.QueryAwareness, syncType: null, payload: null }),
);

const bytes = (maxLength: number) => fc.uint8Array({ maxLength });

/** A valid message, mutated one way: what reaches the server. `kind` names the mutation for reports. */
export interface HostileMessage {
  kind: string;
  bytes: Uint8Array;
}

const mutated: fc.Arbitrary<HostileMessage> = validShape.chain((shape) => {
  const valid = frame(shape);
  return fc.oneof(
    fc.nat({ max: Math.max(0, valid.length - 1) }).map((end) => ({ kind: 'truncated', bytes: valid.slice(0, end) })),
    fc
      .array(fc.tuple(fc.nat({ max: valid.length - 1 }), fc.nat({ max: 7 })), { minLength: 1, maxLength: 4 })
      .map((flips) => {
        const copy = valid.slice();
        for (const [index, bit] of flips) copy[index]! ^= 1 << bit;
        return { kind: 'bit-flipped', bytes: copy };
      }),
    fc
      .integer({ min: 0, max: 4096 })
      .filter((length) => length !== (shape.payload?.byteLength ?? -1))
      .map((length) => ({
        kind: 'wrong-length',
        bytes: frame({ ...shape, payload: shape.payload ?? new Uint8Array() }, length),
      })),
    fc.constantFrom(2 ** 31, 2 ** 32 - 1, 2 ** 53 - 1).map((length) => ({
      kind: 'huge-length',
      bytes: frame({ ...shape, payload: shape.payload ?? new Uint8Array() }, length),
    })),
    bytes(16).map((tail) => ({ kind: 'trailing-bytes', bytes: new Uint8Array([...valid, ...tail, 0]) })),
    fc.tuple(fc.nat({ max: valid.length }), bytes(8)).map(([at, inserted]) => ({
      kind: 'spliced',
      bytes: new Uint8Array([...valid.slice(0, at), ...inserted, ...valid.slice(at)]),
    })),
  );
});

const garbage: fc.Arbitrary<HostileMessage> = fc.oneof(
  fc
    .tuple(fc.constantFrom(SyncType.Step2, SyncType.Update), fc.oneof(bytes(64), liarUpdate))
    .map(([syncType, payload]) => ({ kind: 'garbage-update', bytes: frame({ type: 0, syncType, payload }) })),
  fc
    .tuple(fc.constantFrom(SyncType.Step2, SyncType.Update), deletionOnlyUpdate)
    .map(([syncType, payload]) => ({ kind: 'deletion-only', bytes: frame({ type: 0, syncType, payload }) })),
  bytes(32).map((payload) => ({ kind: 'garbage-state-vector', bytes: frame({ type: 0, syncType: 0, payload }) })),
  bytes(48).map((payload) => ({ kind: 'garbage-awareness', bytes: frame({ type: 1, syncType: null, payload }) })),
  fc
    .tuple(fc.integer({ min: 3, max: 2 ** 32 }), bytes(16))
    .map(([syncType, payload]) => ({ kind: 'unknown-sync-type', bytes: frame({ type: 0, syncType, payload }) })),
  fc
    .tuple(fc.oneof(fc.constant(MessageType.Auth), fc.integer({ min: 4, max: 2 ** 32 })), bytes(16))
    .map(([type, tail]) => ({
      kind: 'unknown-type',
      bytes: new Uint8Array([...frame({ type, syncType: null, payload: null }), ...tail]),
    })),
  bytes(96).map((random) => ({ kind: 'random-bytes', bytes: random })),
);

/** Mostly broken messages; about one in twenty is a valid one, which the room must accept. */
export const hostileMessage: fc.Arbitrary<HostileMessage> = fc.oneof(
  { arbitrary: mutated, weight: 12 },
  { arbitrary: garbage, weight: 7 },
  { arbitrary: validShape.map((shape) => ({ kind: 'valid', bytes: frame(shape) })), weight: 1 },
);
