/** Turns a bearer token into a user and their session, or into one reason from a closed set the UI can translate. */
import type { SessionStore, UserRecord, UserStore } from '../storage/storage';
import type { SessionTokens } from './session-tokens';

export type AuthFailureReason = 'missing-token' | 'invalid-token' | 'expired-token' | 'revoked-token';
export type AuthResult =
  | {
      ok: true;
      user: UserRecord;
      /** Milliseconds since the epoch. */
      expiresAt: number;
      /** The session the token belongs to; null for a token from before sessions. */
      sessionId: string | null;
      /** Milliseconds since the epoch (the token's `iat`), for tokens without a session. */
      issuedAt: number;
    }
  | { ok: false; reason: AuthFailureReason };

export interface AuthDeps {
  users: UserStore;
  sessions: SessionStore;
  tokens: SessionTokens;
}

/** Anything longer is not one of our tokens; refusing early avoids parsing megabytes. */
const MAX_TOKEN_LENGTH = 1024;

export async function authenticateToken(deps: AuthDeps, token: string | null | undefined): Promise<AuthResult> {
  if (!token) return { ok: false, reason: 'missing-token' };
  if (token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'invalid-token' };
  const verified = await deps.tokens.verify(token);
  if (!verified.ok) return verified;
  const user = await deps.users.getUser(verified.userId);
  // A validly signed token of a deleted user, e.g. after the data directory was reset.
  if (!user) return { ok: false, reason: 'invalid-token' };
  if (verified.issuedAt < Date.parse(user.tokensValidFrom)) return { ok: false, reason: 'revoked-token' };
  if (verified.sessionId) {
    const session = await deps.sessions.getSession(verified.sessionId);
    if (!session || session.userId !== user.id) return { ok: false, reason: 'invalid-token' };
    if (session.revokedAt) return { ok: false, reason: 'revoked-token' };
  }
  return {
    ok: true,
    user,
    expiresAt: verified.expiresAt,
    sessionId: verified.sessionId,
    issuedAt: verified.issuedAt,
  };
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}
