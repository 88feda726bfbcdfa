import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit';

const limits = { messagesPerSecond: 10, bytesPerSecond: 1000, burstSeconds: 2, maxMessageBytes: 500 };

describe('per-connection rate limit', () => {
  it('a burst up to the saved-up allowance passes, the next message is refused with the limit named', () => {
    const clock = { now: 0 };
    const limiter = createRateLimiter(limits, () => clock.now);
    for (let index = 0; index < 20; index += 1) expect(limiter.take(10)).toEqual({ ok: true });
    expect(limiter.take(10)).toEqual({ ok: false, detail: 'more than 10 messages per second' });
  });

  it('a steady client at the allowed rate is never refused', () => {
    const clock = { now: 0 };
    const limiter = createRateLimiter(limits, () => clock.now);
    for (let index = 0; index < 1000; index += 1) {
      clock.now += 100;
      expect(limiter.take(90).ok).toBe(true);
    }
  });

  it('bytes are limited too, but one message of the largest allowed size always fits', () => {
    const clock = { now: 0 };
    const limiter = createRateLimiter({ ...limits, bytesPerSecond: 100, maxMessageBytes: 5000 }, () => clock.now);
    expect(limiter.take(5000)).toEqual({ ok: true });
    expect(limiter.take(50)).toEqual({ ok: false, detail: 'more than 100 bytes per second' });
    clock.now += 1000;
    expect(limiter.take(50)).toEqual({ ok: true });
  });
});
