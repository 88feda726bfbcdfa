/**
 * One full garbage collection once no document has been open for a while. V8 collects its old
 * generation only when new allocations push it to; a server that goes quiet after a storm (a
 * thousand refused connections, a large backlog merged) then keeps tens of MiB of garbage — and the
 * `ws` buffers it points to — for as long as it stays quiet. Nothing is open then, so the pause
 * (tens of milliseconds) keeps no one waiting. Measured in bench/HOSTILE.md.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface IdleCollectionOptions {
  /** How long nothing must be open before collecting; a document opening meanwhile calls it off. */
  quietMs: number;
  isIdle(): boolean;
  collect(): void;
}

export class IdleCollection {
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: IdleCollectionOptions) {}

  /** The last open document was unloaded: collect once, if it stays that way for `quietMs`. */
  becameIdle(): void {
    this.stop();
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.options.isIdle()) this.options.collect();
    }, this.options.quietMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

/** A full collection, or only the young generation (a scavenge: a millisecond or so, whatever the heap's size). */
export type GarbageScope = 'full' | 'young';

/**
 * V8's `gc()`, which Node hides unless started with `--expose-gc`: a context created while the flag
 * is set has it. The flag is cleared at once, so no other context (jsdom's, reading shared pages) gets one.
 */
export function exposedGarbageCollector(): (scope?: GarbageScope) => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (options?: { type: 'major' | 'minor' }) => void;
  setFlagsFromString('--no-expose-gc');
  return (scope = 'full') => gc(scope === 'young' ? { type: 'minor' } : undefined);
}
