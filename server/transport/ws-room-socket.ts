/** Adapts a `ws` WebSocket to the three-member `RoomSocket` the rooms talk to. */
import { WebSocket } from 'ws';
import type { RoomSocket } from '../rooms/room-socket';

export function wsRoomSocket(ws: WebSocket): RoomSocket {
  return {
    isOpen: () => ws.readyState === WebSocket.OPEN,
    send: (message) => ws.send(message, { binary: true }),
    close: (code, reason) => ws.close(code, reason),
  };
}

/** The bytes of a `ws` message, whichever of its three shapes it arrived in. */
export function messageBytes(data: WebSocket.RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
