/**
 * Signed, expiring tokens (JWT, HS256 via jose): `sub` is the user id, `sid` the session it belongs
 * to (./sessions.ts), so one session is ended on the server without the others. Tokens from before
 * sessions carry no `sid`; every token of a user is still revoked by moving their `tokensValidFrom`
 * past the tokens' `iat`.
 */
import { errors, jwtVerify, SignJWT } from 'jose';

const ISSUER = 'dampingi';
const AUDIENCE = 'dampingi';

export interface IssuedToken {
  token: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

export type VerifiedToken =
  | { ok: true; userId: string; sessionId: string | null; issuedAt: number; expiresAt: number }
  | { ok: false; reason: 'invalid-token' | 'expired-token' };

export interface SessionTokens {
  /** `sessionId` names the session row the token belongs to; only tests make tokens without one. */
  issue(userId: string, sessionId?: string): Promise<IssuedToken>;
  verify(token: string): Promise<VerifiedToken>;
}

export interface SessionTokenOptions {
  secret: Uint8Array;
  ttlSeconds: number;
  /** Milliseconds since the epoch; tests move it. */
  now?: () => number;
}

export function createSessionTokens(options: SessionTokenOptions): SessionTokens {
  const now = options.now ?? Date.now;
  return {
    async issue(userId, sessionId) {
      const issuedAt = Math.floor(now() / 1000);
      const expiresAt = issuedAt + options.ttlSeconds;
      const token = await new SignJWT(sessionId ? { sid: sessionId } : {})
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(userId)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(issuedAt)
        .setExpirationTime(expiresAt)
        .sign(options.secret);
      return { token, expiresAt: expiresAt * 1000 };
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, options.secret, {
          algorithms: ['HS256'],
          issuer: ISSUER,
          audience: AUDIENCE,
          currentDate: new Date(now()),
          requiredClaims: ['sub', 'iat', 'exp'],
        });
        const sid = payload.sid;
        if (sid !== undefined && (typeof sid !== 'string' || sid.length === 0 || sid.length > 64)) {
          return { ok: false, reason: 'invalid-token' };
        }
        return {
          ok: true,
          userId: payload.sub as string,
          sessionId: sid ?? null,
          issuedAt: (payload.iat as number) * 1000,
          expiresAt: (payload.exp as number) * 1000,
        };
      } catch (error) {
        return { ok: false, reason: error instanceof errors.JWTExpired ? 'expired-token' : 'invalid-token' };
      }
    },
  };
}
