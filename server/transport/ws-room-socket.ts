/** Adapts a `ws` WebSocket to the three-member `RoomSocket` the rooms talk to, closing a client too slow to keep up. */
import { WebSocket } from 'ws';
import { TooSlowClose } from '../../shared/protocol/close-codes';
import type { RoomSocket } from '../rooms/room-socket';
import type { QuietWatchable } from './quiet-keepalive';

export interface SlowConsumerPolicy {
  /**
   * Unsent bytes allowed to wait for this socket besides the largest message (or burst) still in
   * flight: above them it is closed instead of sent more.
   */
  maxBufferedBytes: number;
  onTooSlow(bufferedBytes: number): void;
  /** Every close the server initiates, e.g. for metrics. */
  onClose(code: number, reason: string): void;
}

/** How long a too-slow client gets to read the close frame behind its backlog before the socket is cut. */
const TOO_SLOW_GRACE_MS = 5_000;

/**
 * A client is too slow when more waits for it than the limit plus the largest burst sent since its
 * queue was last under the limit. A burst is what is sent in one turn of the event loop: one relay
 * (a 200 MB backlog) or one answer to a sync (a large draft in pieces). It takes as long as it takes
 * on a good connection, and only what piles up behind it counts against the client; that pile is
 * bounded by the limit, so a reader that stops reading holds at most one burst and the limit. The
 * slices of one large update, relayed one per turn as each is read back from storage, continue one
 * burst (`continuesBurst`), as the whole update would have been.
 */
export function wsRoomSocket(ws: WebSocket, slow: SlowConsumerPolicy): RoomSocket & QuietWatchable {
  let largestInFlight = 0;
  let sentSinceCheck = false;
  let burst = 0;
  let lastBurst = 0;
  let burstEnding = false;
  const endBurst = () => {
    lastBurst = burst;
    burst = 0;
    burstEnding = false;
  };
  return {
    isOpen: () => ws.readyState === WebSocket.OPEN,
    bufferedBytes: () => ws.bufferedAmount,
    send: (message, continuesBurst = false) => {
      const buffered = ws.bufferedAmount;
      if (buffered <= slow.maxBufferedBytes) largestInFlight = 0;
      else if (buffered > slow.maxBufferedBytes + largestInFlight) {
        slow.onTooSlow(buffered);
        slow.onClose(TooSlowClose.code, TooSlowClose.reason);
        ws.close(TooSlowClose.code, TooSlowClose.reason);
        setTimeout(() => ws.terminate(), TOO_SLOW_GRACE_MS).unref();
        return;
      }
      ws.send(message, { binary: true });
      sentSinceCheck = true;
      if (continuesBurst && burst === 0) burst = lastBurst;
      burst += message.byteLength;
      if (!burstEnding) {
        burstEnding = true;
        setImmediate(endBurst);
      }
      largestInFlight = Math.max(largestInFlight, burst);
    },
    close: (code, reason) => {
      slow.onClose(code, reason);
      ws.close(code, reason);
    },
    takeSentSinceCheck: () => {
      const sent = sentSinceCheck;
      sentSinceCheck = false;
      return sent;
    },
  };
}

/** The bytes of a `ws` message, whichever of its three shapes it arrived in. */
export function messageBytes(data: WebSocket.RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
