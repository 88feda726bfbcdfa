/** What every API route shares: its context, signing in from the bearer token, zod-checked bodies, and draft rights. */
import type { IncomingMessage } from 'node:http';
import type * as Y from 'yjs';
import type { z } from 'zod';
import { type Capability, can, type Role } from '../../shared/auth/roles';
import type { DraftSummary } from '../../shared/model/draft-summary';
import { DraftIdSchema } from '../../shared/model/ids';
import { type AuthFailureReason, type AuthResult, authenticateToken, bearerToken } from '../auth/authenticate';
import type { SessionTokens } from '../auth/session-tokens';
import type { SessionEnd } from '../auth/session-watch';
import type { ListedDraftRecord, MemberDraftRecord, Storage, UserRecord } from '../storage/storage';
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
}

export type Route = (request: IncomingMessage, context: ApiContext, params: string[]) => Promise<JsonReply>;
/** Who is calling: the account, and the session their token belongs to (null for a token from before sessions). */
export interface Caller {
  sessionId: string | null;
  issuedAt: number;
}

export type AuthedRoute = (
  request: IncomingMessage,
  context: ApiContext,
  user: UserRecord,
  params: string[],
  caller: Caller,
) => Promise<JsonReply>;

const authMessages = {
  'missing-token': 'sign in with a bearer token',
  'invalid-token': 'unknown or malformed token',
  'expired-token': 'the token has expired; sign in again',
  'revoked-token': 'the token was revoked; sign in again',
} as const;

/** The caller named by the bearer token; `missing-token` when there is none (some routes allow that). */
export function authenticateRequest(request: IncomingMessage, context: ApiContext): Promise<AuthResult> {
  return authenticateToken(
    { users: context.storage.users, sessions: context.storage.sessions, tokens: context.tokens },
    bearerToken(request.headers.authorization),
  );
}

export function unauthorized(reason: AuthFailureReason): JsonReply {
  return { ...apiError(401, 'unauthorized', authMessages[reason]), headers: { 'www-authenticate': 'Bearer' } };
}

export function requireUser(route: AuthedRoute): Route {
  return async (request, context, params) => {
    const auth = await authenticateRequest(request, context);
    return auth.ok
      ? route(request, context, auth.user, params, { sessionId: auth.sessionId, issuedAt: auth.issuedAt })
      : unauthorized(auth.reason);
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
