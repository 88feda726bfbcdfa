import { describe, expect, it } from 'vitest';
import { expiryChoiceOf, expiryDays, shareLinkState } from '../../../../extension/app/sharing/share-link-state';

const now = new Date('2026-11-23T12:00:00.000Z');

describe('share link state and expiry choices', () => {
  it('a link is active until it expires; revoked wins over expired', () => {
    expect(shareLinkState({ expiresAt: null, revokedAt: null }, now)).toBe('active');
    expect(shareLinkState({ expiresAt: '2026-11-24T00:00:00.000Z', revokedAt: null }, now)).toBe('active');
    expect(shareLinkState({ expiresAt: '2026-11-23T12:00:00.000Z', revokedAt: null }, now)).toBe('expired');
    expect(shareLinkState({ expiresAt: '2026-11-01T00:00:00.000Z', revokedAt: '2026-11-02T00:00:00.000Z' }, now)).toBe(
      'revoked',
    );
  });

  it('"does not expire", 7 and 30 days become the request the server expects', () => {
    expect(expiryDays('never')).toBeNull();
    expect(expiryDays('7')).toBe(7);
    expect(expiryDays('30')).toBe(30);
    expect(expiryChoiceOf('999')).toBe('never');
  });
});
