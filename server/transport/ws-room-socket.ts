/** Adapts a `ws` WebSocket to the three-member `RoomSocket` the rooms talk to, closing a client too slow to keep up. */
import { WebSocket } from 'ws';
import { TooSlowClose } from '../../shared/protocol/close-codes';
import type { RoomSocket } from '../rooms/room-socket';

export interface SlowConsumerPolicy {
  /** Unsent bytes already queued for this socket above which it is closed instead of sent more. */
  maxBufferedBytes: number;
  onTooSlow(bufferedBytes: number): void;
  /** Every close the server initiates, e.g. for metrics. */
  onClose(code: number, reason: string): void;
}

/** How long a too-slow client gets to read the close frame behind its backlog before the socket is cut. */
const TOO_SLOW_GRACE_MS = 5_000;

export function wsRoomSocket(ws: WebSocket, slow: SlowConsumerPolicy): RoomSocket {
  return {
    isOpen: () => ws.readyState === WebSocket.OPEN,
    send: (message) => {
      // Checked before sending, so one large message (a big step 2) always goes out whole.
      if (ws.bufferedAmount > slow.maxBufferedBytes) {
        slow.onTooSlow(ws.bufferedAmount);
        slow.onClose(TooSlowClose.code, TooSlowClose.reason);
        ws.close(TooSlowClose.code, TooSlowClose.reason);
        setTimeout(() => ws.terminate(), TOO_SLOW_GRACE_MS).unref();
        return;
      }
      ws.send(message, { binary: true });
    },
    close: (code, reason) => {
      slow.onClose(code, reason);
      ws.close(code, reason);
    },
  };
}

/** The bytes of a `ws` message, whichever of its three shapes it arrived in. */
export function messageBytes(data: WebSocket.RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
