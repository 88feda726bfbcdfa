/**
 * What every API route shares: its context, who calls (a bearer token, or the web app's session
 * cookie — then a change must come from this server's page with its CSRF token), zod-checked
 * bodies, and draft rights.
 */
import type { IncomingMessage } from 'node:http';
import type * as Y from 'yjs';
import type { z } from 'zod';
import { type Capability, can, type Role } from '../../shared/auth/roles';
import type { DraftSummary } from '../../shared/model/draft-summary';
import { DraftIdSchema } from '../../shared/model/ids';
import { type AuthFailureReason, type AuthResult, authenticateToken, bearerToken } from '../auth/authenticate';
import { csrfHeaderMatches, isOwnOrigin } from '../auth/csrf';
import type { SessionTokens } from '../auth/session-tokens';
import type { SessionEnd } from '../auth/session-watch';
import { sessionTokenFromCookie } from '../auth/web-cookies';
import type { ClipFetchService } from '../clip-fetch/clip-fetch-service';
import type { Logger } from '../logger';
import type {
  InboxLimits,
  ListedDraftRecord,
  MemberDraftRecord,
  SessionKind,
  Storage,
  UserRecord,
} from '../storage/storage';
import type { AuthServices } from './auth-services';
import type { JoinLimits } from './join-limits';
import { apiError, type JsonReply, readJsonBody } from './json';

export interface ApiContext {
  storage: Storage;
  tokens: SessionTokens;
  version: string;
  maxJsonBodyBytes: number;
  /** A draft's content saved as a template may be at most this large (as JSON). */
  maxTemplateBytes: number;
  /** Live counts for /health. */
  stats(): { rooms: number; connections: number };
  /** The listed draft's summary: the stored one, or computed once (see rooms/draft-summaries.ts). */
  draftSummary(draft: ListedDraftRecord): Promise<DraftSummary>;
  /** `read` on a document as it is now: the loaded room's, else storage's (rooms/stored-document.ts). */
  readDocument<T>(name: string, read: (doc: Y.Doc) => T): Promise<T>;
  /** A member's role changed or was removed; open connections must follow (see RoomRegistry). */
  accessChanged(draftId: string, userId: string, role: Role | null): void;
  /** Sessions ended (signed out, revoked): their open connections close, on every process. */
  sessionsEnded(end: SessionEnd): void;
  /** Joins per address and guest accounts per share link (join-limits.ts). */
  joinLimits: JoinLimits;
  /** Cookies, CSRF, mail, school accounts, sign-in limits (auth-services.ts). */
  auth: AuthServices;
  /** Clipping a shared page on the server: its guard, limits and rate (clip-fetch/). */
  clipFetch: ClipFetchService;
  /** How much each account's clip inbox holds. */
  inboxLimits: InboxLimits;
  logger: Logger;
}

export type Route = (request: IncomingMessage, context: ApiContext, params: string[]) => Promise<JsonReply>;
/** Who is calling: the account, and the session their token belongs to (null for a token from before sessions). */
export interface Caller {
  sessionId: string | null;
  sessionKind: SessionKind | null;
  issuedAt: number;
  expiresAt: number;
  /** The web app's cookie, or a bearer token (extension, command line). */
  via: 'cookie' | 'bearer';
}

export type AuthedRoute = (
  request: IncomingMessage,
  context: ApiContext,
  user: UserRecord,
  params: string[],
  caller: Caller,
) => Promise<JsonReply>;

const authMessages: Record<AuthFailureReason, string> = {
  'missing-token': 'sign in first',
  'invalid-token': 'unknown or malformed session',
  'expired-token': 'the session has expired; sign in again',
  'revoked-token': 'the session was ended; sign in again',
  'suspended-account': 'this account is suspended by an administrator',
};

export type RequestAuth = (AuthResult & { via: 'cookie' | 'bearer' }) | { ok: false; reason: 'cross-site' };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The caller named by the bearer token, else by the session cookie; `missing-token` when there is
 * neither (some routes allow that). A cookie-authenticated change from anywhere but this server's
 * own page, or without the session's CSRF token, is `cross-site`.
 */
export async function authenticateRequest(request: IncomingMessage, context: ApiContext): Promise<RequestAuth> {
  const deps = { users: context.storage.users, sessions: context.storage.sessions, tokens: context.tokens };
  const bearer = bearerToken(request.headers.authorization);
  if (bearer) return { ...(await authenticateToken(deps, bearer)), via: 'bearer' };
  const cookie = sessionTokenFromCookie(request);
  const auth = await authenticateToken(deps, cookie);
  if (!auth.ok || SAFE_METHODS.has(request.method ?? 'GET')) return { ...auth, via: 'cookie' };
  const sameSite = isOwnOrigin(request.headers, context.auth.publicOrigin);
  if (!sameSite || !auth.sessionId || !csrfHeaderMatches(context.auth.csrfKey, auth.sessionId, request.headers)) {
    return { ok: false, reason: 'cross-site' };
  }
  return { ...auth, via: 'cookie' };
}

export function unauthorized(reason: AuthFailureReason | 'cross-site'): JsonReply {
  if (reason === 'cross-site') {
    return apiError(
      403,
      'forbidden',
      'a change with the session cookie must come from this server’s page, with its CSRF token',
    );
  }
  if (reason === 'suspended-account') return apiError(403, 'suspended', authMessages[reason]);
  return { ...apiError(401, 'unauthorized', authMessages[reason]), headers: { 'www-authenticate': 'Bearer' } };
}

/**
 * `drafts` (default): any session, the extension's too. `account`: managing one's sessions and
 * devices — not with an extension's token. `admin`: the admin page — an administrator, not an extension.
 */
export type RouteScope = 'drafts' | 'account' | 'admin';

export function requireUser(route: AuthedRoute, scope: RouteScope = 'drafts'): Route {
  return async (request, context, params) => {
    const auth = await authenticateRequest(request, context);
    if (!auth.ok) return unauthorized(auth.reason);
    if (scope !== 'drafts' && auth.sessionKind === 'extension') {
      return apiError(403, 'forbidden', 'the extension’s token cannot do this; use the web app');
    }
    if (scope === 'admin' && !auth.user.isAdmin) return apiError(403, 'forbidden', 'administrators only');
    return route(request, context, auth.user, params, {
      sessionId: auth.sessionId,
      sessionKind: auth.sessionKind,
      issuedAt: auth.issuedAt,
      expiresAt: auth.expiresAt,
      via: auth.via,
    });
  };
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reply: JsonReply };

export async function parseBody<S extends z.ZodType>(
  request: IncomingMessage,
  context: ApiContext,
  schema: S,
): Promise<Parsed<z.infer<S>>> {
  const body = await readJsonBody(request, context.maxJsonBodyBytes);
  if (!body.ok) return body;
  const parsed = schema.safeParse(body.value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const message = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
  return { ok: false, reply: apiError(400, 'bad-request', message) };
}

/**
 * The draft in the URL as the caller sees it, if their role allows `capability`. Someone who is
 * no member gets 404, as if it did not exist; a member lacking the right gets 403.
 */
export async function draftWithRight(
  context: ApiContext,
  user: UserRecord,
  draftId: string | undefined,
  capability: Capability,
): Promise<Parsed<MemberDraftRecord>> {
  const draft = DraftIdSchema.safeParse(draftId).success
    ? await context.storage.drafts.getDraftForMember(draftId as string, user.id)
    : null;
  if (!draft) return { ok: false, reply: apiError(404, 'not-found', 'no such draft') };
  if (!can(draft.role, capability)) {
    return { ok: false, reply: apiError(403, 'forbidden', `a ${draft.role} may not ${capability} on this draft`) };
  }
  return { ok: true, value: draft };
}
