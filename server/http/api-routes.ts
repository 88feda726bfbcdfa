/** The JSON API: health, the signed-in user, and drafts. Bodies in and out go through the shared zod schemas. */
import type { IncomingMessage } from 'node:http';
import {
  apiPaths,
  CreateDraftRequestSchema,
  DraftIdSchema,
  type DraftInfo,
  DraftInfoSchema,
  DraftListResponseSchema,
  HealthResponseSchema,
  MeResponseSchema,
} from '../../shared/protocol/api';
import { authenticateToken, bearerToken } from '../auth/authenticate';
import { newDraftId } from '../ids';
import type { DraftRecord, Storage, UserRecord } from '../storage/storage';
import { apiError, type JsonReply, readJsonBody } from './json';

export interface ApiContext {
  storage: Storage;
  version: string;
  maxJsonBodyBytes: number;
  /** Live counts for /health. */
  stats(): { rooms: number; connections: number };
}

type Route = (request: IncomingMessage, context: ApiContext, params: string[]) => Promise<JsonReply>;
type AuthedRoute = (
  request: IncomingMessage,
  context: ApiContext,
  user: UserRecord,
  params: string[],
) => Promise<JsonReply>;

function requireUser(route: AuthedRoute): Route {
  return async (request, context, params) => {
    const auth = await authenticateToken(context.storage.users, bearerToken(request.headers.authorization));
    if (!auth.ok) {
      const message = auth.reason === 'missing-token' ? 'sign in with a bearer token' : 'unknown or revoked token';
      return { ...apiError(401, 'unauthorized', message), headers: { 'www-authenticate': 'Bearer' } };
    }
    return route(request, context, auth.user, params);
  };
}

function draftInfo(draft: DraftRecord): DraftInfo {
  // Parsing what we send keeps the response honest to the shared schema; a failure here is a bug.
  return DraftInfoSchema.parse(draft);
}

const health: Route = async (_request, context) => {
  const body = HealthResponseSchema.parse({
    ok: true,
    version: context.version,
    storage: context.storage.kind,
    ...context.stats(),
  });
  return { status: 200, body };
};

const me = requireUser(async (_request, _context, user) => ({
  status: 200,
  body: MeResponseSchema.parse({ id: user.id, name: user.name }),
}));

/**
 * The caller's drafts. Roles and sharing come in a later issue; until then every signed-in user
 * is a member of every draft, so this lists every draft on this server, newest first (by last
 * update, so a draft someone just edited comes first).
 */
const listDrafts = requireUser(async (_request, context) => {
  const drafts = await context.storage.drafts.listDrafts();
  return { status: 200, body: DraftListResponseSchema.parse({ drafts: drafts.map(draftInfo) }) };
});

const createDraft = requireUser(async (request, context, user) => {
  const body = await readJsonBody(request, context.maxJsonBodyBytes);
  if (!body.ok) return body.reply;
  const parsed = CreateDraftRequestSchema.safeParse(body.value);
  if (!parsed.success) {
    const message = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
      .join('; ');
    return apiError(400, 'bad-request', message);
  }
  const draft = await context.storage.drafts.createDraft({
    id: newDraftId(),
    title: parsed.data.title,
    ownerId: user.id,
  });
  return { status: 201, body: draftInfo(draft), headers: { location: apiPaths.draft(draft.id) } };
});

const getDraft = requireUser(async (_request, context, _user, [id]) => {
  const draft = DraftIdSchema.safeParse(id).success ? await context.storage.drafts.getDraft(id as string) : null;
  return draft ? { status: 200, body: draftInfo(draft) } : apiError(404, 'not-found', 'no such draft');
});

interface RouteEntry {
  pattern: RegExp;
  methods: Partial<Record<'GET' | 'POST', Route>>;
}

const routes: RouteEntry[] = [
  { pattern: /^\/health$/, methods: { GET: health } },
  { pattern: /^\/api\/me$/, methods: { GET: me } },
  { pattern: /^\/api\/drafts$/, methods: { GET: listDrafts, POST: createDraft } },
  { pattern: /^\/api\/drafts\/([^/]+)$/, methods: { GET: getDraft } },
];

export function isApiPath(pathname: string): boolean {
  return pathname === apiPaths.health || pathname === '/api' || pathname.startsWith('/api/');
}

/** Finds the route for an API path and runs it; unknown paths and methods are JSON errors too. */
export async function handleApiRequest(
  request: IncomingMessage,
  pathname: string,
  context: ApiContext,
): Promise<JsonReply> {
  for (const { pattern, methods } of routes) {
    const match = pattern.exec(pathname);
    if (!match) continue;
    const method = request.method ?? '';
    const route = Object.hasOwn(methods, method) ? methods[method as keyof typeof methods] : undefined;
    if (!route) {
      return {
        ...apiError(405, 'bad-request', `${request.method} is not allowed here`),
        headers: { allow: Object.keys(methods).join(', ') },
      };
    }
    return route(request, context, match.slice(1).map(safeDecode));
  }
  return apiError(404, 'not-found', 'no such API path');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return '';
  }
}
