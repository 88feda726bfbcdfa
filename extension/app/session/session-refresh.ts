/**
 * Sign-in tokens are JWTs that expire (30 days by default). Past half their lifetime the page
 * swaps the token for a fresh one, so someone who opens Dampingi now and then stays signed in.
 * The payload is read without checking its signature: only the server trusts tokens; this only
 * decides when to ask.
 */
import { z } from 'zod';
import type { ApiClient } from '../../api/api-client';
import type { AppSettingsStore } from '../../settings/app-settings';
import type { OfflineCache } from '../common/offline-cache';

/** Seconds since the epoch, as in the JWT claims. */
export interface TokenLifetime {
  issuedAt: number;
  expiresAt: number;
}

const ClaimsSchema = z.object({ iat: z.number(), exp: z.number() });

/** Null for anything that is not a JWT with `iat` and `exp` (e.g. an older opaque token). */
export function tokenLifetime(token: string): TokenLifetime | null {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return null;
  try {
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const claims = ClaimsSchema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
    return claims.success ? { issuedAt: claims.data.iat, expiresAt: claims.data.exp } : null;
  } catch {
    return null;
  }
}

export function isPastHalfLife(token: string, now: Date): boolean {
  const lifetime = tokenLifetime(token);
  if (!lifetime || lifetime.expiresAt <= lifetime.issuedAt) return false;
  const halfway = lifetime.issuedAt + (lifetime.expiresAt - lifetime.issuedAt) / 2;
  return now.getTime() / 1000 >= halfway;
}

export type RefreshOutcome = 'not-due' | 'refreshed' | 'failed' | 'superseded';

/**
 * Saves the fresh token in the settings store only: the running page keeps using the old one,
 * still valid for half its life, so its open draft is not reconnected.
 */
export async function refreshTokenIfDue(deps: {
  token: string | null;
  api: ApiClient;
  store: AppSettingsStore;
  cache: OfflineCache;
  now: Date;
}): Promise<RefreshOutcome> {
  const { token } = deps;
  if (!token || !isPastHalfLife(token, deps.now)) return 'not-due';
  const result = await deps.api.refreshSession();
  if (!result.ok) {
    if (result.reason !== 'network') console.warn('dampingi: could not refresh the sign-in token', result);
    return 'failed';
  }
  // Signed out (or in as someone else) meanwhile: do not bring the old account back.
  if ((await deps.store.load()).token !== token) return 'superseded';
  // The offline fallback recognises the user by token; it must know the new one too.
  deps.cache.saveUser(result.value.token, result.value.user);
  await deps.store.save({ token: result.value.token });
  return 'refreshed';
}
