/**
 * A room fed 100,000 broken or hostile messages (fast-check) neither crashes nor stores any of the
 * refused ones, what it stored is exactly what it holds, and an honest writer in the room is unaffected.
 */
import fc from 'fast-check';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DocumentRoom } from '../../server/rooms/document-room';
import { contentPolicy } from '../../server/rooms/policies/content-policy';
import { CloseCode } from '../../shared/protocol/close-codes';
import {
  applyServerMessages,
  clientSyncStep1,
  clientUpdate,
  describeMessage,
  FakeSocket,
  GatedDocumentStore,
  testSession,
  textUpdate,
} from '../support/room-test-support';
import { hostileMessage } from './support/hostile-messages';

const BATCHES = Number(process.env.FUZZ_BATCHES ?? 100);
const BATCH_SIZE = 1_000;
/** Outside every client id the generators pick, so no hostile message targets the writer's items. */
const WRITER_CLIENT_ID = 2 ** 31 + 7;

const refusalCodes = new Set<number>([CloseCode.InvalidMessage, CloseCode.MessageTooLarge]);

const rooms: DocumentRoom[] = [];
afterAll(() => {
  for (const room of rooms) room.destroy();
});

/** The document as a fresh load rebuilds it from the store, kept up to date incrementally (unloadable updates skipped, as the room does). */
function storeReplay(store: GatedDocumentStore): () => Y.Doc {
  const doc = new Y.Doc();
  let replayed = 0;
  return () => {
    for (const { update } of store.updates.slice(replayed)) {
      try {
        Y.applyUpdate(doc, update);
      } catch {
        // the room skips these too
      }
    }
    replayed = store.updates.length;
    return doc;
  };
}

/**
 * Updates decoded whole (the room's slice size above them all), and every update scanned and cut in
 * slices of a few bytes (update-byte-slices.ts, scanned-commit.ts): fewer batches, the same checks.
 */
const FLOODS = [
  { label: 'decoded whole', syncChunkBytes: 1024 * 1024, batches: BATCHES },
  { label: 'scanned and sliced', syncChunkBytes: 16, batches: Math.max(1, Math.round(BATCHES / 4)) },
];

describe.each(FLOODS)('a room under a flood of broken and hostile messages ($label)', ({ syncChunkBytes, batches }) => {
  it('refuses each broken message with a named code, stores none of them, and the honest writer in the room is unaffected', async () => {
    const errors: string[] = [];
    const store = new GatedDocumentStore();
    store.seed(textUpdate('Tumbuhan membuat makanan'));
    const room = new DocumentRoom({
      name: 'draft-fuzz',
      documents: store,
      hooks: {},
      // Errors only: if Yjs ever refuses an update the decoder let through, the log says why.
      logger: pino(
        { level: 'error' },
        {
          write: (line: string) => {
            errors.push(line);
            process.stderr.write(line);
          },
        },
      ),
      maxMessageBytes: 64 * 1024,
      maxPendingMessages: 1000,
      syncChunkBytes,
      // Never compacts: storeReplay below reads the log as append-only.
      compactAfterUpdates: Number.MAX_SAFE_INTEGER,
      policy: contentPolicy(),
      onEmpty: () => {},
      onLoadFailed: () => {},
    });
    rooms.push(room);

    const writerDoc = new Y.Doc();
    writerDoc.clientID = WRITER_CLIENT_ID;
    const writerSocket = new FakeSocket('writer');
    const writer = room.join(writerSocket, testSession('writer', 'editor', { userId: 'writer' }));
    writer.receive(clientSyncStep1(writerDoc));
    const observerDoc = new Y.Doc();
    const observerSocket = new FakeSocket('observer');
    const observer = room.join(observerSocket, testSession('observer', 'editor', { userId: 'observer' }));
    observer.receive(clientSyncStep1(observerDoc));
    await room.whenIdle();
    applyServerMessages(writerDoc, writerSocket.sent);
    applyServerMessages(observerDoc, observerSocket.sent.splice(0));

    const replayStore = storeReplay(store);
    let attackerSocket = new FakeSocket('attacker');
    attackerSocket.closed = { code: 0, reason: 'not yet connected' };
    let attacker = room.join(new FakeSocket('unused'), testSession('unused', 'editor', { userId: 'attacker' }));
    const outcomes = new Map<string, { refused: number; accepted: number }>();
    const started = Date.now();
    let sent = 0;
    let batch = 0;

    await fc.assert(
      fc.asyncProperty(fc.array(hostileMessage, { minLength: BATCH_SIZE, maxLength: BATCH_SIZE }), async (messages) => {
        batch += 1;
        for (const message of messages) {
          sent += 1;
          // The room only ever awaits microtasks here; let the event loop (and vitest's RPC) breathe.
          if (sent % 100 === 0) await new Promise((done) => setImmediate(done));
          const appendedBefore = store.appended.length;
          const observerBefore = observerSocket.sent.length;
          // One connection until the room closes it, as an attacker would (a join costs a state vector).
          if (attackerSocket.closed) {
            attackerSocket = new FakeSocket('attacker');
            attacker = room.join(attackerSocket, testSession(`a${sent}`, 'editor', { userId: 'attacker' }));
          }
          const socket = attackerSocket;
          attacker.receive(message.bytes);
          await room.whenIdle();
          const outcome = outcomes.get(message.kind) ?? { refused: 0, accepted: 0 };
          outcomes.set(message.kind, outcome);
          // Plain checks, not expect(): this loop runs 100,000 times.
          if (socket.closed) {
            outcome.refused += 1;
            const relayed = observerSocket.sent.slice(observerBefore).map(describeMessage);
            // (Awareness it set earlier is removed for everyone when it is closed: that is relayed.)
            if (!refusalCodes.has(socket.closed.code)) throw new Error(`${message.kind}: closed ${socket.closed.code}`);
            if (store.appended.length !== appendedBefore) {
              const hex = Buffer.from(message.bytes).toString('hex');
              throw new Error(`refused ${message.kind} was stored (closed ${socket.closed.code}): ${hex}`);
            }
            if (relayed.includes('sync-update')) throw new Error(`refused ${message.kind} was relayed`);
          } else {
            outcome.accepted += 1;
          }
        }
        expect(room.status).toBe('ready');

        // The honest writer's next edit is stored and reaches the observer.
        const edit = captureUpdate(writerDoc, () => writerDoc.getText('t').insert(0, `[batch ${batch}]`));
        writer.receive(clientUpdate(edit));
        await room.whenIdle();
        expect(writerSocket.closed).toBeNull();
        expect(observerSocket.closed).toBeNull();
        applyServerMessages(observerDoc, observerSocket.sent.splice(0));
        expect(observerDoc.getText('t').toString()).toContain(`[batch ${batch}]`);

        // What is stored is exactly what the room holds, the writer's edit included.
        observer.receive(clientSyncStep1(new Y.Doc()));
        await room.whenIdle();
        const inRoom = new Y.Doc();
        applyServerMessages(inRoom, observerSocket.sent.splice(0));
        // Both through the same encoding: a step 2 turns pending deletions into plain ones.
        const fromStore = new Y.Doc();
        Y.applyUpdate(fromStore, Y.encodeStateAsUpdate(replayStore()));
        expect(Y.encodeStateVector(fromStore)).toEqual(Y.encodeStateVector(inRoom));
        // Same items, same deletions, same content.
        expect(Y.equalSnapshots(Y.snapshot(fromStore), Y.snapshot(inRoom))).toBe(true);
        expect(fromStore.getText('t').toString()).toBe(inRoom.getText('t').toString());
        expect(fromStore.getMap('m').toJSON()).toEqual(inRoom.getMap('m').toJSON());
        expect(fromStore.getText('t').toString()).toContain(`[batch ${batch}]`);
        fromStore.destroy();
        inRoom.destroy();
      }),
      { numRuns: batches, endOnFailure: true },
    );

    const seconds = (Date.now() - started) / 1000;
    const summary = [...outcomes].map(([kind, { refused, accepted }]) => `${kind} ${refused}/${accepted}`).join(', ');
    console.info(`hostile messages: ${sent} in ${seconds.toFixed(1)} s (kind refused/accepted: ${summary})`);
    expect(sent).toBe(batches * BATCH_SIZE);
    // Nothing threw out of the room's handling (the queue logs such a task as failed).
    expect(errors.filter((line) => line.includes('room task failed'))).toEqual([]);
    expect(writerSocket.sent.map(describeMessage)).not.toContain('sync-?');
  }, 360_000); // 100,000 messages: CPU-bound, minutes on a machine busy with other work
});

function captureUpdate(doc: Y.Doc, change: () => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const listener = (update: Uint8Array) => updates.push(update);
  doc.on('update', listener);
  change();
  doc.off('update', listener);
  return Y.mergeUpdates(updates);
}
