import { describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../../../../extension/api/api-client';
import type { OfflineCache } from '../../../../extension/app/common/offline-cache';
import { isPastHalfLife, refreshTokenIfDue, tokenLifetime } from '../../../../extension/app/session/session-refresh';
import type { AppSettings, AppSettingsStore } from '../../../../extension/settings/app-settings';

const DAY = 24 * 60 * 60;
const ISSUED = Date.UTC(2026, 10, 1) / 1000;

/** An unsigned JWT: the client never checks signatures, it only reads iat/exp to schedule. */
function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.signature`;
}
const token = jwt({ sub: 'u-sari', name: 'Bu Ñame', iat: ISSUED, exp: ISSUED + 30 * DAY });
const at = (days: number) => new Date((ISSUED + days * DAY) * 1000);

function memoryStore(initial: string | null): AppSettingsStore & { settings: AppSettings } {
  return {
    serverIsConfigurable: false,
    settings: { serverUrl: 'http://dampingi.test', token: initial, language: 'id' },
    async load() {
      return this.settings;
    },
    async save(patch) {
      this.settings = { ...this.settings, ...patch };
      return this.settings;
    },
  };
}

const fresh = { token: 'fresh-jwt', expiresAt: '2026-12-31T00:00:00.000Z', user: { id: 'u-sari', name: 'Bu Sari' } };

function deps(now: Date, refresh: ApiClient['refreshSession'], store = memoryStore(token)) {
  const cache = { saveUser: vi.fn() } as unknown as OfflineCache & { saveUser: ReturnType<typeof vi.fn> };
  const api = { refreshSession: vi.fn(refresh) } as unknown as ApiClient;
  return { token, api, store, cache, now };
}

describe('refreshing the sign-in token', () => {
  it('reads iat and exp from a JWT, and nothing from other tokens', () => {
    expect(tokenLifetime(token)).toEqual({ issuedAt: ISSUED, expiresAt: ISSUED + 30 * DAY });
    expect(tokenLifetime('tok_abc123')).toBeNull();
    expect(tokenLifetime('a.b.c')).toBeNull();
    expect(tokenLifetime(jwt({ iat: 'yesterday' }))).toBeNull();
  });

  it('is due from half the lifetime on', () => {
    expect(isPastHalfLife(token, at(14))).toBe(false);
    expect(isPastHalfLife(token, at(15))).toBe(true);
    expect(isPastHalfLife(token, at(40))).toBe(true);
    expect(isPastHalfLife('tok_abc123', at(40))).toBe(false);
  });

  it('a token used on day 10 is kept; on day 20 it is swapped once and the new one saved with its user', async () => {
    const early = deps(at(10), async () => ({ ok: true, value: fresh }));
    expect(await refreshTokenIfDue(early)).toBe('not-due');
    expect(early.api.refreshSession).not.toHaveBeenCalled();

    const late = deps(at(20), async () => ({ ok: true, value: fresh }));
    expect(await refreshTokenIfDue(late)).toBe('refreshed');
    expect(late.store.settings.token).toBe('fresh-jwt');
    expect(late.cache.saveUser).toHaveBeenCalledWith('fresh-jwt', fresh.user);
  });

  it('a failed refresh keeps the old token; signing out meanwhile is not undone', async () => {
    const failing = deps(at(20), async () => ({ ok: false, reason: 'network', message: 'offline' }));
    expect(await refreshTokenIfDue(failing)).toBe('failed');
    expect(failing.store.settings.token).toBe(token);

    const signedOut = memoryStore(null);
    expect(await refreshTokenIfDue(deps(at(20), async () => ({ ok: true, value: fresh }), signedOut))).toBe(
      'superseded',
    );
    expect(signedOut.settings.token).toBeNull();
  });
});
