/**
 * Token buckets for messages and bytes per second that slow a sender down instead of refusing it:
 * a message over the allowance is still taken (it has arrived), the bucket goes into debt, and the
 * sender's socket is not read again until the debt is paid (backpressure, see sync-upgrade.ts). A
 * teacher's offline backlog of hundreds of megabytes then arrives at the allowed rate, never cut off.
 */

export interface RateLimits {
  messagesPerSecond: number;
  bytesPerSecond: number;
  /** How many seconds of allowance a quiet sender saves up for a burst. */
  burstSeconds: number;
}

export interface Throttle {
  /** Takes one message of `size` bytes; the milliseconds to wait before reading the next (0: go on). */
  take(size: number): number;
  /** Milliseconds until the debt is paid, taking nothing (0 when there is none). */
  waitMs(): number;
}

interface Bucket {
  tokens: number;
  readonly capacity: number;
  readonly perSecond: number;
}

/** `now` in milliseconds; injected so tests need no clock. */
export function createThrottle(limits: RateLimits, now: () => number = () => performance.now()): Throttle {
  const buckets: Bucket[] = [
    bucket(limits.messagesPerSecond, limits.burstSeconds),
    bucket(limits.bytesPerSecond, limits.burstSeconds),
  ];
  let last = now();
  const refill = () => {
    const current = now();
    const elapsedSeconds = Math.max(0, current - last) / 1000;
    last = current;
    for (const each of buckets) each.tokens = Math.min(each.capacity, each.tokens + elapsedSeconds * each.perSecond);
  };
  // Runs for every message of every connection: a loop, no arrays.
  const wait = () => {
    let ms = 0;
    for (const each of buckets) if (each.tokens < 0) ms = Math.max(ms, (-each.tokens / each.perSecond) * 1000);
    return ms;
  };
  return {
    take(size) {
      refill();
      const [messages, bytes] = buckets as [Bucket, Bucket];
      messages.tokens -= 1;
      bytes.tokens -= size;
      return wait();
    },
    waitMs() {
      refill();
      return wait();
    },
  };
}

function bucket(perSecond: number, burstSeconds: number): Bucket {
  const capacity = perSecond * burstSeconds;
  return { tokens: capacity, capacity, perSecond };
}
