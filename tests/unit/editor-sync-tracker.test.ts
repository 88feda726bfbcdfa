import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { followNetwork } from '../../extension/sync/follow-network';
import type { SyncStatus } from '../../extension/sync/sync-status';
import { CHANGE_PAUSE_MS, trackSyncStatus } from '../../extension/sync/sync-status-tracker';

/** A WebSocket the test drives by hand: open it, send it server messages, close it with a code. */
class FakeSocket {
  static instances: FakeSocket[] = [];
  static readonly OPEN = 1;
  readonly OPEN = 1;
  readyState = 0;
  binaryType = 'blob';
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.instances.push(this);
  }
  send(_data: Uint8Array) {}
  close() {
    this.readyState = 3;
  }
  serverOpens() {
    this.readyState = 1;
    this.onopen?.({});
  }
  serverSendsState(serverDoc: Y.Doc) {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0); // messageSync
    syncProtocol.writeSyncStep2(encoder, serverDoc);
    const bytes = encoding.toUint8Array(encoder);
    this.onmessage?.({ data: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
  }
  serverCloses(code: number, reason: string) {
    this.readyState = 3;
    this.onclose?.({ code, reason });
  }
  static latest(): FakeSocket {
    const socket = FakeSocket.instances.at(-1);
    if (!socket) throw new Error('no socket opened');
    return socket;
  }
}

class FakeWindow extends EventTarget {
  navigator = { onLine: true };
  goOffline() {
    this.navigator.onLine = false;
    this.dispatchEvent(new Event('offline'));
  }
  goOnline() {
    this.navigator.onLine = true;
    this.dispatchEvent(new Event('online'));
  }
}

const idbOrigin = { name: 'indexeddb persistence' };
const cleanups: (() => void)[] = [];

function setup() {
  const win = new FakeWindow();
  const doc = new Y.Doc();
  const provider = new WebsocketProvider('ws://server.test/sync', 'draft-0001', doc, {
    WebSocketPolyfill: FakeSocket as unknown as typeof WebSocket,
    disableBc: true,
  });
  const statuses: SyncStatus[] = [];
  const tracker = trackSyncStatus({ doc, provider, nonLocalOrigins: [idbOrigin] }, win as unknown as Window, (s) =>
    statuses.push(s),
  );
  const stopFollowing = followNetwork(win as unknown as Window, provider, () => tracker.current().state !== 'refused');
  cleanups.push(() => {
    stopFollowing();
    tracker.stop();
    provider.destroy();
  });
  const type = (text: string) => doc.getText('t').insert(0, text);
  return { win, doc, provider, tracker, statuses, type };
}

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  FakeSocket.instances = [];
  vi.useRealTimers();
});

describe('sync status of a live draft', () => {
  it('goes connecting → syncing → synced as the server answers', () => {
    const { tracker, statuses } = setup();
    expect(tracker.current().state).toBe('connecting');
    FakeSocket.latest().serverOpens();
    expect(tracker.current().state).toBe('syncing');
    FakeSocket.latest().serverSendsState(new Y.Doc());
    expect(tracker.current()).toEqual({ state: 'synced', pending: 0, reason: null });
    expect(statuses.map((s) => s.state)).toEqual(['syncing', 'synced']);
  });

  it('going offline closes the frozen socket, counts edits, and resyncs to 0 once back online', () => {
    vi.useFakeTimers();
    const { win, provider, tracker, type } = setup();
    const first = FakeSocket.latest();
    first.serverOpens();
    first.serverSendsState(new Y.Doc());

    win.goOffline();
    expect(provider.shouldConnect).toBe(false);
    expect(first.readyState).toBe(3);
    type('a');
    vi.advanceTimersByTime(CHANGE_PAUSE_MS + 1);
    type('b');
    vi.advanceTimersByTime(CHANGE_PAUSE_MS + 1);
    type('c');
    expect(tracker.current()).toEqual({ state: 'offline', pending: 3, reason: 'network' });

    win.goOnline();
    const second = FakeSocket.latest();
    expect(second).not.toBe(first);
    expect(tracker.current()).toMatchObject({ state: 'connecting', pending: 3 });
    second.serverOpens();
    expect(tracker.current()).toMatchObject({ state: 'syncing', pending: 3 });
    second.serverSendsState(new Y.Doc());
    expect(tracker.current()).toEqual({ state: 'synced', pending: 0, reason: null });
  });

  it('typing a sentence offline is one change waiting, not one per keystroke; a pause starts the next', () => {
    vi.useFakeTimers();
    const { win, tracker, type } = setup();
    FakeSocket.latest().serverOpens();
    FakeSocket.latest().serverSendsState(new Y.Doc());
    win.goOffline();
    for (const letter of 'Siswa mengamati daun.') {
      type(letter);
      vi.advanceTimersByTime(120);
    }
    expect(tracker.current()).toMatchObject({ state: 'offline', pending: 1 });
    vi.advanceTimersByTime(CHANGE_PAUSE_MS + 1);
    type('!');
    expect(tracker.current()).toMatchObject({ state: 'offline', pending: 2 });
  });

  it('changes from the server or loaded from IndexedDB are not counted as waiting', () => {
    const { win, doc, tracker } = setup();
    win.goOffline();
    const other = new Y.Doc();
    other.getText('t').insert(0, 'remote');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other), idbOrigin);
    doc.transact(() => doc.getText('t').insert(0, 'x'), idbOrigin);
    expect(tracker.current()).toMatchObject({ state: 'offline', pending: 0 });
  });

  it('a server that closes with 4404 is shown as refused (not-found) and is not retried when the network returns', () => {
    vi.useFakeTimers();
    const { win, provider, tracker } = setup();
    FakeSocket.latest().serverOpens();
    FakeSocket.latest().serverCloses(4404, 'not-found');
    expect(tracker.current()).toEqual({ state: 'refused', pending: 0, reason: 'not-found' });
    win.goOffline();
    win.goOnline();
    vi.advanceTimersByTime(10_000);
    expect(provider.shouldConnect).toBe(false);
    expect(FakeSocket.instances).toHaveLength(1);
    expect(tracker.current().state).toBe('refused');
  });

  it('a server that cannot be reached while the network is up reads as offline (server unreachable)', () => {
    const { tracker, type } = setup();
    FakeSocket.latest().serverCloses(1006, '');
    type('x');
    expect(tracker.current()).toEqual({ state: 'offline', pending: 1, reason: 'server-unreachable' });
  });

  it('a page opened offline does not try to connect', () => {
    const win = new FakeWindow();
    win.navigator.onLine = false;
    const calls: string[] = [];
    const stop = followNetwork(win as unknown as Window, {
      connect: () => calls.push('connect'),
      disconnect: () => calls.push('disconnect'),
      connectBc: () => calls.push('connectBc'),
    });
    win.goOnline();
    stop();
    win.goOffline();
    expect(calls).toEqual(['disconnect', 'connectBc', 'connect']);
  });
});
