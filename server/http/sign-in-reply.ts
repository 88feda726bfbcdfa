/**
 * Finishing a sign-in: a new session for the account — for the web app in its cookies (replacing,
 * and ending, the session an older cookie of this browser held), for the extension as a bearer
 * token in the answer.
 */
import type { IncomingMessage } from 'node:http';
import type { ClientKind, SignedInUser, SigninResponse } from '../../shared/protocol/auth-api';
import { SigninResponseSchema } from '../../shared/protocol/auth-api';
import { authenticateToken } from '../auth/authenticate';
import { csrfTokenFor } from '../auth/csrf';
import { type StartedSession, startSession } from '../auth/sessions';
import { clearedSessionCookies, sessionCookies, sessionTokenFromCookie } from '../auth/web-cookies';
import type { SessionKind, UserRecord } from '../storage/storage';
import type { JsonReply } from './json';
import type { ApiContext } from './route-kit';

export function signedInUser(user: UserRecord): SignedInUser {
  return { id: user.id, name: user.name, email: user.email, isAdmin: user.isAdmin };
}

/** Set-Cookie values carrying `session` for the web app. */
export function cookiesFor(context: ApiContext, session: StartedSession): string[] {
  const csrf = csrfTokenFor(context.auth.csrfKey, session.sessionId);
  return sessionCookies(session.token, csrf, session.expiresAt, context.auth.cookies);
}

export function clearedCookies(context: ApiContext): string[] {
  return clearedSessionCookies(context.auth.cookies);
}

function sessionLabel(request: IncomingMessage): string | null {
  return request.headers['user-agent'] ?? null;
}

/** The session this browser's cookie names, ended: a new sign-in replaces it. */
async function endReplacedCookieSession(request: IncomingMessage, context: ApiContext, keep: string): Promise<void> {
  const old = await authenticateToken(
    { users: context.storage.users, sessions: context.storage.sessions, tokens: context.tokens },
    sessionTokenFromCookie(request),
  );
  if (!old.ok || !old.sessionId || old.sessionId === keep) return;
  await context.storage.sessions.revokeSession(old.sessionId);
  context.sessionsEnded({ userId: old.user.id, sessionIds: [old.sessionId] });
}

export async function startClientSession(
  request: IncomingMessage,
  context: ApiContext,
  user: UserRecord,
  client: ClientKind,
): Promise<{ session: StartedSession; headers: Record<string, string[]> }> {
  const kind: SessionKind = client === 'extension' ? 'extension' : 'web';
  const session = await startSession(
    { sessions: context.storage.sessions, tokens: context.tokens },
    user.id,
    kind,
    sessionLabel(request),
  );
  if (client === 'extension') return { session, headers: {} };
  await endReplacedCookieSession(request, context, session.sessionId);
  return { session, headers: { 'set-cookie': cookiesFor(context, session) } };
}

export async function signedInReply(
  request: IncomingMessage,
  context: ApiContext,
  user: UserRecord,
  client: ClientKind,
  draftId: string | null = null,
): Promise<JsonReply> {
  const { session, headers } = await startClientSession(request, context, user, client);
  const body: SigninResponse = SigninResponseSchema.parse({
    status: 'signed-in',
    user: signedInUser(user),
    draftId,
    token:
      client === 'extension' ? { token: session.token, expiresAt: new Date(session.expiresAt).toISOString() } : null,
  });
  return { status: 200, body, headers };
}
