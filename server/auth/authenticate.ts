/** Turns a bearer token into a user and their session, or into one reason from a closed set the UI can translate. */
import type { SessionKind, SessionStore, UserRecord, UserStore } from '../storage/storage';
import type { SessionTokens } from './session-tokens';

export type AuthFailureReason =
  | 'missing-token'
  | 'invalid-token'
  | 'expired-token'
  | 'revoked-token'
  /** An administrator suspended the account: no token of it works until they lift it. */
  | 'suspended-account';
export type AuthResult =
  | {
      ok: true;
      user: UserRecord;
      /** Milliseconds since the epoch. */
      expiresAt: number;
      /** The session the token belongs to; null for a token from before sessions. */
      sessionId: string | null;
      /** What the session is for ('extension' tokens are kept away from account management); null without a session. */
      sessionKind: SessionKind | null;
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
  let sessionKind: SessionKind | null = null;
  if (verified.sessionId) {
    const session = await deps.sessions.getSession(verified.sessionId);
    if (!session || session.userId !== user.id) return { ok: false, reason: 'invalid-token' };
    if (session.revokedAt) return { ok: false, reason: 'revoked-token' };
    sessionKind = session.kind;
  }
  if (user.suspendedAt) return { ok: false, reason: 'suspended-account' };
  return {
    ok: true,
    user,
    expiresAt: verified.expiresAt,
    sessionId: verified.sessionId,
    sessionKind,
    issuedAt: verified.issuedAt,
  };
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}
