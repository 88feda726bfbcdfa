import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exposedGarbageCollector, IdleCollection } from '../../../server/idle-collection';

describe('one garbage collection once the server has gone quiet', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('collects once, the quiet period after the last document was unloaded', () => {
    const collect = vi.fn();
    const idle = new IdleCollection({ quietMs: 5_000, isIdle: () => true, collect });
    idle.becameIdle();
    vi.advanceTimersByTime(4_999);
    expect(collect).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(collect).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60_000);
    expect(collect).toHaveBeenCalledTimes(1);
  });

  it('a document opened meanwhile calls it off; going quiet again several times collects only once', () => {
    const collect = vi.fn();
    let open = 0;
    const idle = new IdleCollection({ quietMs: 5_000, isIdle: () => open === 0, collect });
    idle.becameIdle();
    open = 1;
    vi.advanceTimersByTime(5_000);
    expect(collect).not.toHaveBeenCalled();

    open = 0;
    idle.becameIdle();
    vi.advanceTimersByTime(3_000);
    idle.becameIdle();
    vi.advanceTimersByTime(3_000);
    expect(collect).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2_000);
    expect(collect).toHaveBeenCalledTimes(1);
  });

  it('stopped (the server closing), it never collects', () => {
    const collect = vi.fn();
    const idle = new IdleCollection({ quietMs: 5_000, isIdle: () => true, collect });
    idle.becameIdle();
    idle.stop();
    vi.advanceTimersByTime(10_000);
    expect(collect).not.toHaveBeenCalled();
  });
});

describe("V8's collector without --expose-gc", () => {
  it('is a function that runs a collection (garbage held only weakly is gone after it)', async () => {
    const collect = exposedGarbageCollector();
    const weak = new WeakRef({ photo: 'x'.repeat(1024) });
    // A WeakRef keeps its target until the current job ends.
    await new Promise((done) => setImmediate(done));
    collect();
    expect(weak.deref()).toBeUndefined();
  });

  it('no other context gets a gc() of its own', () => {
    exposedGarbageCollector();
    expect(runInNewContext('typeof gc')).toBe('undefined');
  });
});
