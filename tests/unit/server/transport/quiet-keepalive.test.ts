/**
 * The keepalive speaks only into silence: a connection the server keeps sending to gets none, one
 * left quiet gets an empty presence update within two quiet periods — under the stock client's 30 s.
 * Fake timers: time is the subject here.
 */
import * as decoding from 'lib0/decoding';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Awareness, applyAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createQuietKeepalive, EMPTY_PRESENCE_MESSAGE } from '../../../../server/transport/quiet-keepalive';

function recordingSocket() {
  const sent: Uint8Array[] = [];
  let open = true;
  let sentSinceCheck = false;
  return {
    sent,
    keepalives: () => sent.filter((message) => message === EMPTY_PRESENCE_MESSAGE).length,
    socket: {
      isOpen: () => open,
      send: (message: Uint8Array) => {
        sent.push(message);
        sentSinceCheck = true;
      },
      takeSentSinceCheck: () => {
        const was = sentSinceCheck;
        sentSinceCheck = false;
        return was;
      },
      close: () => {
        open = false;
      },
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('keepalive on a quiet connection', () => {
  it('a connection the room keeps sending to gets no keepalive', () => {
    const keepalive = createQuietKeepalive(10_000);
    const { socket, keepalives } = recordingSocket();
    keepalive.watch(socket);
    for (let second = 0; second < 60; second += 1) {
      socket.send(Uint8Array.of(0, 2, 0));
      vi.advanceTimersByTime(1_000);
    }
    expect(keepalives()).toBe(0);
    keepalive.stop();
  });

  it('a quiet connection hears from the server at least every two quiet periods, never 30 s of silence; unwatched, never again', () => {
    const keepalive = createQuietKeepalive(10_000);
    const { socket, sent, keepalives } = recordingSocket();
    socket.send(Uint8Array.of(0, 0, 0)); // the server's sync step 1, at joining
    const unwatch = keepalive.watch(socket);
    vi.advanceTimersByTime(9_999);
    expect(keepalives()).toBe(0);
    vi.advanceTimersByTime(1);
    expect(keepalives()).toBe(1);
    vi.advanceTimersByTime(60_000);
    expect(keepalives()).toBe(7);
    expect(sent.length).toBe(8);
    unwatch();
    vi.advanceTimersByTime(60_000);
    expect(keepalives()).toBe(7);
    keepalive.stop();
  });

  it('one timer serves every connection: only the quiet ones get a keepalive; a closed one gets nothing', () => {
    const keepalive = createQuietKeepalive(10_000);
    const busy = recordingSocket();
    const quiet = recordingSocket();
    const closed = recordingSocket();
    for (const { socket } of [busy, quiet, closed]) keepalive.watch(socket);
    closed.socket.close();
    for (let second = 0; second < 30; second += 1) {
      busy.socket.send(Uint8Array.of(0, 2, 0));
      vi.advanceTimersByTime(1_000);
    }
    expect([busy.keepalives(), quiet.keepalives(), closed.keepalives()]).toEqual([0, 3, 0]);
    expect(vi.getTimerCount()).toBe(1);
    keepalive.stop();
    expect(vi.getTimerCount()).toBe(0);
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
