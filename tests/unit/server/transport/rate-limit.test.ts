import { describe, expect, it } from 'vitest';
import { createThrottle } from '../../../../server/transport/rate-limit';

const limits = { messagesPerSecond: 10, bytesPerSecond: 1000, burstSeconds: 2 };

describe('per-sender throttle', () => {
  it('a burst up to the saved-up allowance goes on at once; the next message makes the sender wait, never refused', () => {
    const clock = { now: 0 };
    const throttle = createThrottle(limits, () => clock.now);
    for (let index = 0; index < 20; index += 1) expect(throttle.take(10)).toBe(0);
    expect(throttle.take(10)).toBe(100);
    clock.now += 100;
    expect(throttle.waitMs()).toBe(0);
  });

  it('a steady sender at the allowed rate never waits', () => {
    const clock = { now: 0 };
    const throttle = createThrottle(limits, () => clock.now);
    for (let index = 0; index < 1000; index += 1) {
      clock.now += 100;
      expect(throttle.take(90)).toBe(0);
    }
  });

  it('one message far over the byte allowance is taken, and the sender waits until it is paid for', () => {
    const clock = { now: 0 };
    const throttle = createThrottle({ ...limits, bytesPerSecond: 100 }, () => clock.now);
    // 200 saved up, 5000 taken: 4800 bytes of debt at 100 per second.
    expect(throttle.take(5000)).toBe(48_000);
    clock.now += 40_000;
    expect(throttle.waitMs()).toBe(8_000);
    clock.now += 8_000;
    expect(throttle.waitMs()).toBe(0);
  });
});
