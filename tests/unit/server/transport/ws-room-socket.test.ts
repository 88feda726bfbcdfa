/** The too-slow rule: what piles up behind the largest burst in flight counts, the burst itself does not. */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { wsRoomSocket } from '../../../../server/transport/ws-room-socket';

/** A socket whose reader never reads: everything sent stays buffered. */
function stalledSocket() {
  const socket = {
    readyState: WebSocket.OPEN as number,
    bufferedAmount: 0,
    closedWith: null as number | null,
    send(message: Uint8Array) {
      socket.bufferedAmount += message.byteLength;
    },
    close(code: number) {
      socket.closedWith = code;
      socket.readyState = WebSocket.CLOSING;
    },
    terminate() {},
  };
  return socket;
}

async function relaySlices(continued: boolean): Promise<{ closedWith: number | null; sent: number }> {
  const ws = stalledSocket();
  const room = wsRoomSocket(ws as unknown as WebSocket, {
    maxBufferedBytes: 1000,
    onTooSlow: () => {},
    onClose: () => {},
  });
  let sent = 0;
  for (let index = 0; index < 10 && ws.closedWith === null; index += 1) {
    room.send(new Uint8Array(600), continued && index > 0);
    if (ws.closedWith === null) sent += 1;
    await nextTurn(); // each slice is read back from storage in a turn of its own
  }
  return { closedWith: ws.closedWith, sent };
}

describe('a large update relayed in slices, one per turn', () => {
  it('its slices continue one burst, so a reader busy with it is not closed as too slow', async () => {
    expect(await relaySlices(true)).toEqual({ closedWith: null, sent: 10 });
  });

  it('unrelated messages in later turns pile up behind it and close a reader that stopped reading', async () => {
    const { closedWith, sent } = await relaySlices(false);
    expect(closedWith).toBe(4504);
    expect(sent).toBeLessThan(10);
  });
});
