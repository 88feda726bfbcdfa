/**
 * "At most `count` per `windowMs` for each key" (a client address, a share link), with a burst of
 * `count`. One number per key (GCRA: the time the key's allowance is next full), so a refusal can
 * say when to retry, and a key whose allowance is full again is dropped: memory stays bounded.
 */

export interface KeyedRateLimitOptions {
  count: number;
  windowMs: number;
  /** Above this many keys the least recently allowed one is forgotten (it starts afresh if seen again). */
  maxKeys: number;
  /** Milliseconds; injected so tests need no clock. */
  now?: () => number;
}

export type RateLimitDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Float sums of `windowMs / count` may overshoot by far less than this; it must not refuse the last of a burst. */
const EPSILON_MS = 1e-3;

export interface KeyedRateLimit {
  take(key: string): RateLimitDecision;
  /** Keys currently remembered (for tests and memory checks). */
  readonly size: number;
}

export function createKeyedRateLimit(options: KeyedRateLimitOptions): KeyedRateLimit {
  const now = options.now ?? Date.now;
  const interval = options.windowMs / options.count;
  // key → when its allowance is full again; Map order is least recently allowed first.
  const fullAt = new Map<string, number>();

  function forgetIdle(current: number): void {
    for (const [key, at] of fullAt) {
      if (at > current && fullAt.size <= options.maxKeys) break;
      fullAt.delete(key);
    }
  }

  return {
    take(key) {
      const current = now();
      forgetIdle(current);
      const next = Math.max(fullAt.get(key) ?? current, current) + interval;
      const excessMs = next - current - options.windowMs;
      if (excessMs > EPSILON_MS) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(excessMs / 1000)) };
      fullAt.delete(key);
      fullAt.set(key, next);
      if (fullAt.size > options.maxKeys) forgetIdle(current);
      return { ok: true };
    },
    get size() {
      return fullAt.size;
    },
  };
}
