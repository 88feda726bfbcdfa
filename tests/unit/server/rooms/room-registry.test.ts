import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RoomRegistry } from '../../../../server/rooms/room-registry';
import { CloseCode } from '../../../../shared/protocol/close-codes';
import {
  clientUpdate,
  FakeSocket,
  GatedDocumentStore,
  silentLogger,
  testSession,
  textUpdate,
} from '../../../support/room-test-support';

const UNLOAD_DELAY = 1000;

function createRegistry(store: GatedDocumentStore, hooks = {}) {
  return new RoomRegistry({
    documents: store,
    hooks,
    logger: silentLogger,
    maxMessageBytes: 64 * 1024,
    maxPendingMessages: 1000,
    syncChunkBytes: 1024 * 1024,
    compactAfterUpdates: 100,
    roomUnloadDelayMs: UNLOAD_DELAY,
    mentoringLimits: { maxDocumentBytes: 64 * 1024 * 1024, maxPhotoChars: 32 * 1024 * 1024 },
  });
}

const session = (id: string) => testSession(id);

describe('loaded rooms', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a room is unloaded a little after its last connection leaves, and a quick reconnect keeps it', async () => {
    const unloaded: string[] = [];
    const registry = createRegistry(new GatedDocumentStore(), {
      afterUnload: ({ roomName }: { roomName: string }) => unloaded.push(roomName),
    });
    const first = registry.join('draft-0001', new FakeSocket('teacher'), session('c1'));
    await registry.room('draft-0001')?.whenIdle();
    first.leave();
    await vi.advanceTimersByTimeAsync(UNLOAD_DELAY / 2);
    const second = registry.join('draft-0001', new FakeSocket('teacher'), session('c2'));
    await vi.advanceTimersByTimeAsync(UNLOAD_DELAY * 2);
    expect(unloaded).toEqual([]);
    expect(registry.roomCount).toBe(1);

    second.leave();
    await vi.advanceTimersByTimeAsync(UNLOAD_DELAY + 1);
    expect(unloaded).toEqual(['draft-0001']);
    expect(registry.roomCount).toBe(0);
    expect(registry.room('draft-0001')).toBeNull();
  });

  it('closing all rooms waits for received edits to be stored and closes connections as shutting-down (4503)', async () => {
    const store = new GatedDocumentStore();
    const registry = createRegistry(store);
    const socket = new FakeSocket('teacher');
    const membership = registry.join('draft-0001', socket, session('c1'));
    membership.receive(clientUpdate(textUpdate('simpan dulu')));
    await registry.closeAll();
    expect(store.appended).toHaveLength(1);
    expect(socket.closed?.code).toBe(CloseCode.ShuttingDown);
    expect(registry.roomCount).toBe(0);

    const late = new FakeSocket('late');
    registry.join('draft-0001', late, session('c2'));
    expect(late.closed?.code).toBe(CloseCode.ShuttingDown);
  });

  it('a room whose load failed is dropped, so the next connection tries to load it again', async () => {
    const store = new GatedDocumentStore();
    store.failLoad = true;
    const registry = createRegistry(store);
    registry.join('draft-0001', new FakeSocket('teacher'), session('c1'));
    await registry.room('draft-0001')?.whenIdle();
    expect(registry.roomCount).toBe(0);

    store.failLoad = false;
    store.seed(textUpdate('kembali'));
    const socket = new FakeSocket('teacher');
    registry.join('draft-0001', socket, session('c2'));
    await registry.room('draft-0001')?.whenIdle();
    expect(registry.room('draft-0001')?.status).toBe('ready');
    expect(socket.closed).toBeNull();
  });
});
