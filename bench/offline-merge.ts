/**
 * Offline merge: a client makes N edits while disconnected, then reconnects. Measures the WebSocket
 * payload bytes exchanged both ways until an observer has converged, against the floor: the Yjs
 * update diff against the server's state vector, and the time to converge.
 */
import * as Y from 'yjs';
import { connectBenchClient, countingWebSocket, emptyFrameBytes, type FrameBytes } from './clients';
import type { ServerKind, ServerUnderTest } from './servers';
import { sleep } from './stats';

export interface OfflineMergeResult {
  server: ServerKind;
  edits: number;
  /** `Y.encodeStateAsUpdate(doc, serverStateVector).length`: what must cross the wire at least. */
  floorBytes: number;
  bytes: FrameBytes;
  /** Total bytes both ways ÷ floor. */
  ratioToFloor: number;
  /** Sync-message bytes both ways ÷ floor (awareness excluded; y-websocket protocol only). */
  syncRatioToFloor: number;
  convergeMs: number;
}

/** Frames still in flight after convergence (e.g. the server's own sync step 2) are counted too. */
const SETTLE_MS = 300;

/** A typist's session: mostly typing at a cursor, sometimes jumping or deleting (seeded, repeatable). */
export function makeOfflineEdits(text: Y.Text, edits: number, seed = 1): void {
  let state = seed;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  let cursor = text.length;
  for (let i = 0; i < edits; i++) {
    const roll = random();
    if (roll < 0.02) cursor = Math.floor(random() * (text.length + 1));
    if (roll > 0.9 && cursor > 0) {
      text.delete(cursor - 1, 1);
      cursor--;
    } else {
      text.insert(cursor, String.fromCharCode(97 + Math.floor(random() * 26)));
      cursor++;
    }
  }
}

async function waitUntil(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(2);
  }
}

export async function runOfflineMerge(server: ServerUnderTest, edits: number): Promise<OfflineMergeResult> {
  const [room] = await server.openRooms(1);
  if (!room) throw new Error('no room');
  const bytes = emptyFrameBytes();
  const editor = connectBenchClient(
    server,
    room,
    new Y.Doc(),
    countingWebSocket(bytes, server.protocol === 'y-websocket'),
  );
  const observer = connectBenchClient(server, room, new Y.Doc());
  try {
    await Promise.all([editor.whenSynced(), observer.whenSynced()]);
    const text = editor.doc.getText('text');
    text.insert(0, 'A draft that already had some text before the connection dropped.\n');
    const observed = observer.doc.getText('text');
    await waitUntil(() => observed.toString() === text.toString(), 'the observer to see the starting text');

    editor.disconnect();
    await sleep(50);
    const serverStateVector = Y.encodeStateVector(observer.doc);
    makeOfflineEdits(text, edits);
    const floorBytes = Y.encodeStateAsUpdate(editor.doc, serverStateVector).length;
    const expected = text.toString();

    Object.assign(bytes, emptyFrameBytes());
    const started = performance.now();
    editor.connect();
    await waitUntil(() => observed.length === expected.length && observed.toString() === expected, 'convergence');
    const convergeMs = performance.now() - started;
    await sleep(SETTLE_MS);
    const total = bytes.sent + bytes.received;
    return {
      server: server.kind,
      edits,
      floorBytes,
      bytes: { ...bytes },
      ratioToFloor: total / floorBytes,
      syncRatioToFloor: (bytes.syncSent + bytes.syncReceived) / floorBytes,
      convergeMs,
    };
  } finally {
    editor.destroy();
    observer.destroy();
  }
}
