import { describe, expect, it } from 'vitest';
import { createGuestAccountCap } from '../../server/http/guest-account-cap';
import { createJoinLimits } from '../../server/http/join-limits';
import { createKeyedRateLimit } from '../../server/http/keyed-rate-limit';
import { clientAddress } from '../../server/transport/client-address';

function clock() {
  const state = { ms: 1_000_000 };
  return { state, now: () => state.ms };
}

describe('rate limit per key (joins per address, per link)', () => {
  it('a burst of `count` passes at once; the next is refused with how long to wait; a key does not affect another', () => {
    const time = clock();
    const limit = createKeyedRateLimit({ count: 10, windowMs: 60_000, maxKeys: 100, now: time.now });
    for (let index = 0; index < 10; index += 1) expect(limit.take('10.0.0.1')).toEqual({ ok: true });
    expect(limit.take('10.0.0.1')).toEqual({ ok: false, retryAfterSeconds: 6 });
    expect(limit.take('10.0.0.2')).toEqual({ ok: true });
    time.state.ms += 6_000;
    expect(limit.take('10.0.0.1')).toEqual({ ok: true });
    expect(limit.take('10.0.0.1').ok).toBe(false);
  });

  it('a count that does not divide the window evenly still allows the whole burst', () => {
    for (const count of [7, 123, 245, 490]) {
      const limit = createKeyedRateLimit({ count, windowMs: 60_000, maxKeys: 10, now: () => 0 });
      for (let index = 0; index < count; index += 1) expect(limit.take('k').ok, `${count}: #${index + 1}`).toBe(true);
      expect(limit.take('k').ok).toBe(false);
    }
  });

  it('a steady client at the allowed rate is never refused', () => {
    const time = clock();
    const limit = createKeyedRateLimit({ count: 30, windowMs: 3_600_000, maxKeys: 10, now: time.now });
    for (let index = 0; index < 500; index += 1) {
      time.state.ms += 120_000;
      expect(limit.take('link').ok).toBe(true);
    }
  });

  it('memory stays bounded: idle keys are forgotten, and beyond maxKeys the oldest goes', () => {
    const time = clock();
    const limit = createKeyedRateLimit({ count: 2, windowMs: 1_000, maxKeys: 50, now: time.now });
    for (let index = 0; index < 40; index += 1) limit.take(`a${index}`);
    expect(limit.size).toBe(40);
    time.state.ms += 1_000;
    limit.take('fresh');
    expect(limit.size).toBe(1);
    for (let index = 0; index < 500; index += 1) limit.take(`b${index}`);
    expect(limit.size).toBeLessThanOrEqual(50);
  });
});

describe('guest accounts per share link', () => {
  it('counts up to the cap, refuses beyond it; a cancelled reservation frees its place once', () => {
    const cap = createGuestAccountCap({ guestsPerLink: 2, maxLinks: 10 });
    const first = cap.reserve('link-a');
    expect(first.ok).toBe(true);
    expect(cap.reserve('link-a').ok).toBe(true);
    expect(cap.reserve('link-a').ok).toBe(false);
    expect(cap.reserve('link-b').ok).toBe(true);
    if (first.ok) {
      first.cancel();
      first.cancel();
    }
    expect(cap.guestsOf('link-a')).toBe(1);
    expect(cap.reserve('link-a').ok).toBe(true);
    expect(cap.reserve('link-a').ok).toBe(false);
  });

  it('a cap of 0 lets no guest in; at most maxLinks links are remembered', () => {
    expect(createGuestAccountCap({ guestsPerLink: 0, maxLinks: 10 }).reserve('x').ok).toBe(false);
    const cap = createGuestAccountCap({ guestsPerLink: 5, maxLinks: 3 });
    for (let index = 0; index < 20; index += 1) cap.reserve(`link-${index}`);
    expect(cap.size).toBe(3);
  });
});

describe('limits of /api/join', () => {
  const settings = { perAddressPerMinute: 3, guestJoinsPerLinkPerHour: 4, guestsPerLink: 5 };
  const from = (remoteAddress: string, forwardedFor?: string) => ({
    socket: { remoteAddress },
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  });

  it('the 4th join a minute from one address is refused as rate-limited, with retry-after; another address goes on', () => {
    const limits = createJoinLimits(settings, { trustProxy: false, now: () => 0 });
    for (let index = 0; index < 3; index += 1) expect(limits.admitRequest(from('192.0.2.7'))).toBeNull();
    const refused = limits.admitRequest(from('::ffff:192.0.2.7'));
    expect(refused).toMatchObject({
      status: 429,
      body: { error: { code: 'rate-limited' } },
      headers: { 'retry-after': '20' },
    });
    expect(limits.admitRequest(from('192.0.2.8'))).toBeNull();
  });

  it('X-Forwarded-For is ignored unless the proxy is trusted; then its last entry is the client', () => {
    const direct = createJoinLimits(settings, { trustProxy: false, now: () => 0 });
    for (let index = 0; index < 3; index += 1) direct.admitRequest(from('127.0.0.1', `198.51.100.${index}`));
    expect(direct.admitRequest(from('127.0.0.1', '198.51.100.9'))?.status).toBe(429);

    const proxied = createJoinLimits(settings, { trustProxy: true, now: () => 0 });
    for (let index = 0; index < 3; index += 1)
      expect(proxied.admitRequest(from('127.0.0.1', `1.1.1.1, 198.51.100.${index}`))).toBeNull();
    // A client forging the first entry still counts as the address the proxy saw.
    for (let index = 0; index < 3; index += 1)
      proxied.admitRequest(from('127.0.0.1', `203.0.113.${index}, 198.51.100.50`));
    expect(proxied.admitRequest(from('127.0.0.1', 'forged, 198.51.100.50'))?.status).toBe(429);
  });

  it('behind a trusted proxy, a missing or malformed X-Forwarded-For counts as the proxy itself, never as nobody', () => {
    expect(clientAddress(from('10.0.0.2', 'not-an-address'), true)).toBe('10.0.0.2');
    expect(clientAddress(from('10.0.0.2', '198.51.100.1, '), true)).toBe('10.0.0.2');
    expect(clientAddress(from('10.0.0.2'), true)).toBe('10.0.0.2');
    expect(clientAddress({ headers: {}, socket: {} }, false)).toBe('unknown');
    expect(clientAddress(from('10.0.0.2', '[2001:db8::1]'), true)).toBe('2001:db8::1');
  });

  it('IPv6 clients are counted per /64, so changing the address within it does not reset the count', () => {
    const limits = createJoinLimits(settings, { trustProxy: false, now: () => 0 });
    for (let index = 1; index <= 3; index += 1) expect(limits.admitRequest(from(`2001:db8:1:2::${index}`))).toBeNull();
    expect(limits.admitRequest(from('2001:db8:1:2:ffff::9'))?.status).toBe(429);
    expect(limits.admitRequest(from('2001:db8:1:3::1'))).toBeNull();
  });

  it('guests per link: rate-limited past the hourly allowance, and refused as guest-limit past the cap', () => {
    const time = clock();
    const limits = createJoinLimits(settings, { trustProxy: false, now: time.now });
    for (let index = 0; index < 4; index += 1) expect(limits.admitGuest('link').ok).toBe(true);
    const fast = limits.admitGuest('link');
    expect(!fast.ok && fast.reply).toMatchObject({ status: 429, headers: { 'retry-after': '900' } });
    time.state.ms += 900_000;
    expect(limits.admitGuest('link').ok).toBe(true);
    time.state.ms += 3_600_000;
    const full = limits.admitGuest('link');
    expect(!full.ok && full.reply).toMatchObject({ status: 403, body: { error: { code: 'guest-limit' } } });
  });
});
