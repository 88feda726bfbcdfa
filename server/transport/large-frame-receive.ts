/**
 * `ws` keeps a frame's socket reads (~64 KiB each) until the whole frame has arrived, then copies
 * them into one buffer: for a 200 MB backlog the reads and the frame (twice its size) exist at once,
 * and the reads, once freed, stay resident in glibc's arena — under everything the merge adds later
 * (bench/BACKLOG.md). Here a large frame's payload is copied into a buffer of its final size as the
 * reads arrive, each read let go at once; `ws` then takes that buffer as it is (it does not copy a
 * buffered chunk that is exactly the payload). Everything else — small frames, headers, control
 * frames, unmasking, limits — stays `ws`'s own.
 *
 * This reads `ws` 8's receiver internals (the version is pinned in package-lock.json);
 * tests/unit/server/large-frame-receive.test.ts sends frames through a real `ws` pair and fails if
 * they change.
 */
import type { WebSocket } from 'ws';

type Done = (error?: Error | null) => void;

/** The parts of `ws`'s `Receiver` (lib/receiver.js) used here. */
interface ReceiverInternals {
  _state: number;
  _payloadLength: number;
  _compressed: boolean;
  _buffers: Buffer[];
  _bufferedBytes: number;
  _write(chunk: Buffer, encoding: BufferEncoding, done: Done): void;
  startLoop(done: Done): void;
}

/** `ws`'s receiver state while it waits for a frame's payload. */
const GET_DATA = 4;

/** Below this, frames go `ws`'s own way: the copy is small, and most messages are a few bytes. */
export const IN_PLACE_FRAME_BYTES = 1024 * 1024;

/**
 * Bytes reserved for frames being assembled, over all connections. A frame's header names its size
 * before any of it arrives: without a cap, a few connections announcing the largest frame allowed and
 * then trickling would each reserve it (address space, and V8's count of external memory). Beyond
 * the budget a frame is read `ws`'s own way, holding only what has arrived.
 */
export interface FrameBudget {
  take(bytes: number): boolean;
  give(bytes: number): void;
  available(): number;
}

export function createFrameBudget(totalBytes: number): FrameBudget {
  let left = totalBytes;
  return {
    take(bytes) {
      if (bytes > left) return false;
      left -= bytes;
      return true;
    },
    give(bytes) {
      left += bytes;
    },
    available: () => left,
  };
}

/**
 * The payload's buffer, within ws's maxPayload (checked on the frame's header) and the budget; only
 * the pages written become resident. Null when it cannot be had: ws then reads as it always did.
 */
function reserve(bytes: number, budget: FrameBudget): Buffer | null {
  if (!budget.take(bytes)) return null;
  try {
    return Buffer.allocUnsafe(bytes);
  } catch {
    budget.give(bytes);
    return null;
  }
}

function receiverOf(ws: WebSocket): ReceiverInternals | null {
  const receiver = (ws as unknown as { _receiver?: Partial<ReceiverInternals> | null })._receiver;
  const usable =
    receiver &&
    typeof receiver._write === 'function' &&
    typeof receiver.startLoop === 'function' &&
    Array.isArray(receiver._buffers) &&
    typeof receiver._state === 'number';
  return usable ? (receiver as ReceiverInternals) : null;
}

/** False when `ws`'s receiver is not the shape this relies on (it then reads as it always did). */
export function assembleLargeFramesInPlace(
  ws: WebSocket,
  budget: FrameBudget,
  minBytes = IN_PLACE_FRAME_BYTES,
): boolean {
  const receiver = receiverOf(ws);
  if (!receiver) return false;
  const ownWrite = receiver._write.bind(receiver);
  let payload: Buffer | null = null;
  let filled = 0;
  receiver._write = (chunk, encoding, done) => {
    if (payload === null) {
      const waitingForLargePayload =
        receiver._state === GET_DATA &&
        !receiver._compressed &&
        receiver._payloadLength >= minBytes &&
        receiver._bufferedBytes < receiver._payloadLength;
      if (!waitingForLargePayload) {
        ownWrite(chunk, encoding, done);
        return;
      }
      payload = reserve(receiver._payloadLength, budget);
      if (payload === null) {
        ownWrite(chunk, encoding, done);
        return;
      }
      filled = 0;
      // All of what is buffered is this payload's beginning: ws would have read the frame otherwise.
      for (const buffered of receiver._buffers) {
        payload.set(buffered, filled);
        filled += buffered.length;
      }
      receiver._buffers = [];
      receiver._bufferedBytes = 0;
    }
    const take = Math.min(chunk.length, payload.length - filled);
    payload.set(take === chunk.length ? chunk : chunk.subarray(0, take), filled);
    filled += take;
    if (filled < payload.length) {
      done();
      return;
    }
    // Complete: ws reads it (one chunk of exactly the payload's length, taken without a copy) and
    // whatever came after it in the same read.
    const rest = chunk.subarray(take);
    const complete = payload;
    payload = null;
    // Handed over: from here it is the message's memory, bounded by its room's limits, not the budget.
    budget.give(complete.length);
    receiver._buffers = rest.length > 0 ? [complete, rest] : [complete];
    receiver._bufferedBytes = complete.length + rest.length;
    receiver.startLoop(done);
  };
  // A connection cut mid-frame gives its reservation back.
  ws.once('close', () => {
    if (payload === null) return;
    budget.give(payload.length);
    payload = null;
  });
  return true;
}
