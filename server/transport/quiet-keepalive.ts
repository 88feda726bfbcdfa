/**
 * The stock y-websocket client — our editor uses it too — closes a connection that has brought it
 * no message for 30 s, even while it is itself sending: a teacher alone in her draft, uploading an
 * offline backlog on a slow school line for longer than that, is cut off mid-upload (a stock
 * client's one giant message then starts over, again and again). A connection the server has sent
 * nothing for a while gets an empty presence update, which every client applies as "no change".
 */
import type { RoomSocket } from '../rooms/room-socket';

/** messageAwareness (1), then an awareness update of 0 entries as a length-prefixed byte array. */
export const EMPTY_PRESENCE_MESSAGE = Uint8Array.of(1, 1, 0);

export interface KeptAliveSocket extends RoomSocket {
  /** Stops the check (on close). */
  stop(): void;
}

/** `socket`, sending `EMPTY_PRESENCE_MESSAGE` whenever a whole `quietMs` passed with nothing sent. */
export function keepAliveWhileQuiet(socket: RoomSocket, quietMs: number): KeptAliveSocket {
  let sent = false;
  const timer = setInterval(() => {
    if (!sent && socket.isOpen()) socket.send(EMPTY_PRESENCE_MESSAGE);
    sent = false;
  }, quietMs);
  timer.unref();
  return {
    isOpen: socket.isOpen,
    send(message) {
      sent = true;
      socket.send(message);
    },
    close: socket.close,
    stop: () => clearInterval(timer),
  };
}
