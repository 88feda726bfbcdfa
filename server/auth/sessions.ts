/**
 * Sessions: every sign-in — the web editor, the extension, a link from the command line — starts a
 * session row, and its tokens name it (`sid`). Ending a session refuses its tokens from then on;
 * renewing one moves its expiry and signs a fresh token for it.
 */
import { randomBytes } from 'node:crypto';
import type { SessionKind, SessionStore } from '../storage/storage';
import type { IssuedToken, SessionTokens } from './session-tokens';

export interface SessionDeps {
  sessions: SessionStore;
  tokens: SessionTokens;
}

export interface StartedSession extends IssuedToken {
  sessionId: string;
}

/** What a person sees of a session in their list: at most this long. */
const MAX_LABEL = 120;

export async function startSession(
  deps: SessionDeps,
  userId: string,
  kind: SessionKind,
  label: string | null = null,
): Promise<StartedSession> {
  const sessionId = randomBytes(16).toString('base64url');
  const issued = await deps.tokens.issue(userId, sessionId);
  await deps.sessions.createSession({
    id: sessionId,
    userId,
    kind,
    label: label?.slice(0, MAX_LABEL) ?? null,
    expiresAt: new Date(issued.expiresAt).toISOString(),
  });
  return { ...issued, sessionId };
}

/**
 * A fresh token for the same session (so "sign out" still ends it). A token from before sessions
 * gets a new web session instead; null when the session was ended meanwhile.
 */
export async function renewSession(
  deps: SessionDeps,
  userId: string,
  sessionId: string | null,
): Promise<StartedSession | null> {
  if (!sessionId) return startSession(deps, userId, 'web');
  const issued = await deps.tokens.issue(userId, sessionId);
  const extended = await deps.sessions.extendSession(sessionId, new Date(issued.expiresAt).toISOString());
  return extended ? { ...issued, sessionId } : null;
}
