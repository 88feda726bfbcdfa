/** Per-connection token buckets for messages and bytes per second: a connection that exceeds either is refused (4429). */

export interface RateLimits {
  messagesPerSecond: number;
  bytesPerSecond: number;
  /** How many seconds of allowance a quiet connection saves up for a burst. */
  burstSeconds: number;
  /** The byte bucket always holds at least one message of this size, so the largest allowed message passes. */
  maxMessageBytes: number;
}

export type RateDecision = { ok: true } | { ok: false; detail: string };

interface Bucket {
  tokens: number;
  readonly capacity: number;
  readonly perSecond: number;
}

/** `now` in milliseconds; injected so tests need no clock. */
export function createRateLimiter(limits: RateLimits, now: () => number = () => performance.now()) {
  const messages: Bucket = bucket(limits.messagesPerSecond, limits.messagesPerSecond * limits.burstSeconds);
  const bytes: Bucket = bucket(
    limits.bytesPerSecond,
    Math.max(limits.bytesPerSecond * limits.burstSeconds, limits.maxMessageBytes),
  );
  let last = now();

  return {
    /** Takes one message of `size` bytes from the buckets, or says which limit it exceeds. */
    take(size: number): RateDecision {
      const current = now();
      const elapsedSeconds = Math.max(0, current - last) / 1000;
      last = current;
      refill(messages, elapsedSeconds);
      refill(bytes, elapsedSeconds);
      if (messages.tokens < 1)
        return { ok: false, detail: `more than ${limits.messagesPerSecond} messages per second` };
      if (bytes.tokens < size) return { ok: false, detail: `more than ${limits.bytesPerSecond} bytes per second` };
      messages.tokens -= 1;
      bytes.tokens -= size;
      return { ok: true };
    },
  };
}

function bucket(perSecond: number, capacity: number): Bucket {
  return { tokens: capacity, capacity, perSecond };
}

function refill(target: Bucket, elapsedSeconds: number): void {
  target.tokens = Math.min(target.capacity, target.tokens + elapsedSeconds * target.perSecond);
}
