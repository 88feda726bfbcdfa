/** Turns a bearer token into a user, or into one reason from a closed set the UI can translate. */
import type { UserRecord, UserStore } from '../storage/storage';
import { hashToken } from './tokens';

export type AuthFailureReason = 'missing-token' | 'invalid-token';
export type AuthResult = { ok: true; user: UserRecord } | { ok: false; reason: AuthFailureReason };

/** Anything longer is not one of our tokens; refusing early avoids hashing megabytes. */
const MAX_TOKEN_LENGTH = 512;

export async function authenticateToken(users: UserStore, token: string | null | undefined): Promise<AuthResult> {
  if (!token) return { ok: false, reason: 'missing-token' };
  if (token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'invalid-token' };
  const user = await users.findUserByTokenHash(hashToken(token));
  return user ? { ok: true, user } : { ok: false, reason: 'invalid-token' };
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}
