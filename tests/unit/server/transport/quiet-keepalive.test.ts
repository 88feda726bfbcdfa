/**
 * The keepalive speaks only into silence: a connection the server keeps sending to gets none, one
 * left quiet gets an empty presence update within two quiet periods — under the stock client's 30 s.
 * Fake timers: time is the subject here.
 */

import * as decoding from 'lib0/decoding';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Awareness, applyAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { RoomSocket } from '../../../../server/rooms/room-socket';
import { EMPTY_PRESENCE_MESSAGE, keepAliveWhileQuiet } from '../../../../server/transport/quiet-keepalive';

function recordingSocket() {
  const sent: Uint8Array[] = [];
  let open = true;
  const socket: RoomSocket = {
    isOpen: () => open,
    send: (message) => sent.push(message),
    close: () => {
      open = false;
    },
  };
  return { socket, sent, keepalives: () => sent.filter((message) => message === EMPTY_PRESENCE_MESSAGE).length };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('keepalive on a quiet connection', () => {
  it('a connection the room keeps sending to gets no keepalive', () => {
    const { socket, keepalives } = recordingSocket();
    const kept = keepAliveWhileQuiet(socket, 10_000);
    for (let second = 0; second < 60; second += 1) {
      kept.send(Uint8Array.of(0, 2, 0));
      vi.advanceTimersByTime(1_000);
    }
    expect(keepalives()).toBe(0);
    kept.stop();
  });

  it('a quiet connection hears from the server at least every two quiet periods, never 30 s of silence', () => {
    const { socket, sent, keepalives } = recordingSocket();
    const kept = keepAliveWhileQuiet(socket, 10_000);
    kept.send(Uint8Array.of(0, 0, 0)); // the server's sync step 1, at joining
    vi.advanceTimersByTime(19_999);
    expect(keepalives()).toBe(0);
    vi.advanceTimersByTime(1);
    expect(keepalives()).toBe(1);
    vi.advanceTimersByTime(60_000);
    expect(keepalives()).toBe(7);
    expect(sent.length).toBe(8);
    kept.stop();
    vi.advanceTimersByTime(60_000);
    expect(keepalives()).toBe(7);
  });

  it('nothing is sent to a closed connection', () => {
    const { socket, keepalives } = recordingSocket();
    const kept = keepAliveWhileQuiet(socket, 10_000);
    kept.close(1000, 'done');
    vi.advanceTimersByTime(60_000);
    expect(keepalives()).toBe(0);
    kept.stop();
  });

  it('the message is a presence update that changes nothing for a stock client', () => {
    const decoder = decoding.createDecoder(EMPTY_PRESENCE_MESSAGE);
    expect(decoding.readVarUint(decoder)).toBe(1); // y-websocket's messageAwareness
    const awareness = new Awareness(new Y.Doc());
    awareness.setLocalState({ name: 'Bu Sari' });
    const changes = vi.fn();
    awareness.on('change', changes);
    awareness.on('update', changes);
    applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), 'server');
    expect(decoding.hasContent(decoder)).toBe(false);
    expect(changes).not.toHaveBeenCalled();
    expect([...awareness.getStates().values()]).toEqual([{ name: 'Bu Sari' }]);
    awareness.destroy();
  });
});
