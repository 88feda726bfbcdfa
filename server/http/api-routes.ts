/** The JSON API's route table and router. Bodies in and out go through the shared zod schemas (see the route files). */
import type { IncomingMessage } from 'node:http';
import { apiPaths, HealthResponseSchema } from '../../shared/protocol/api';
import {
  cookieFromToken,
  createPairingCode,
  endSession,
  listSessions,
  pairExtension,
  signOutEverywhere,
} from './account-routes';
import {
  addWorkspaceMember,
  createAssignment,
  createWorkspace,
  listAssignments,
  listWorkspaces,
  removeAssignment,
  removeWorkspaceMember,
  storageUse,
} from './admin-school-routes';
import { inviteUser, listUsers, setAdmin, signUserOutEverywhere, suspendUser } from './admin-user-routes';
import { authOptions, emailStart, emailVerify, redeem, setup, signup } from './auth-routes';
import { clipFromUrl } from './clip-routes';
import { createDraft, getDraft, listDrafts } from './draft-routes';
import { deleteInboxClip, listInbox, putInboxClip } from './inbox-routes';
import { inviteToDraft } from './invitation-routes';
import { apiError, type JsonReply } from './json';
import { changeMember, createLink, listLinks, listMembers, removeMember, revokeLink } from './member-routes';
import type { ApiContext, Route } from './route-kit';
import { schoolCallback, schoolStart } from './school-routes';
import { join, joinPreview, me, refreshSession, signOut } from './session-routes';
import { listTemplates, saveTemplate } from './template-routes';
import { createVersion, getVersion, listVersions, recordRestore } from './version-routes';

export type { ApiContext } from './route-kit';

const health: Route = async (_request, context) => {
  const body = HealthResponseSchema.parse({
    ok: true,
    version: context.version,
    storage: context.storage.kind,
    ...context.stats(),
  });
  return { status: 200, body };
};

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

interface RouteEntry {
  pattern: RegExp;
  methods: Partial<Record<Method, Route>>;
}

const routes: RouteEntry[] = [
  { pattern: /^\/health$/, methods: { GET: health } },
  { pattern: /^\/api\/me$/, methods: { GET: me } },
  { pattern: /^\/api\/session\/refresh$/, methods: { POST: refreshSession } },
  { pattern: /^\/api\/session\/sign-out$/, methods: { POST: signOut } },
  { pattern: /^\/api\/join$/, methods: { POST: join } },
  { pattern: /^\/api\/join\/preview$/, methods: { POST: joinPreview } },
  { pattern: /^\/api\/auth\/options$/, methods: { GET: authOptions } },
  { pattern: /^\/api\/auth\/setup$/, methods: { POST: setup } },
  { pattern: /^\/api\/auth\/email\/start$/, methods: { POST: emailStart } },
  { pattern: /^\/api\/auth\/email\/verify$/, methods: { POST: emailVerify } },
  { pattern: /^\/api\/auth\/redeem$/, methods: { POST: redeem } },
  { pattern: /^\/api\/auth\/signup$/, methods: { POST: signup } },
  { pattern: /^\/api\/auth\/oidc\/start$/, methods: { GET: schoolStart } },
  { pattern: /^\/api\/auth\/oidc\/callback$/, methods: { GET: schoolCallback } },
  { pattern: /^\/api\/sessions$/, methods: { GET: listSessions } },
  { pattern: /^\/api\/sessions\/sign-out-everywhere$/, methods: { POST: signOutEverywhere } },
  { pattern: /^\/api\/sessions\/([^/]+)$/, methods: { DELETE: endSession } },
  { pattern: /^\/api\/session\/cookie$/, methods: { POST: cookieFromToken } },
  { pattern: /^\/api\/extension\/pairing-codes$/, methods: { POST: createPairingCode } },
  { pattern: /^\/api\/extension\/pair$/, methods: { POST: pairExtension } },
  { pattern: /^\/api\/drafts\/([^/]+)\/invitations$/, methods: { POST: inviteToDraft } },
  { pattern: /^\/api\/admin\/users$/, methods: { GET: listUsers, POST: inviteUser } },
  { pattern: /^\/api\/admin\/users\/([^/]+)\/suspend$/, methods: { POST: suspendUser } },
  { pattern: /^\/api\/admin\/users\/([^/]+)\/admin$/, methods: { POST: setAdmin } },
  { pattern: /^\/api\/admin\/users\/([^/]+)\/sign-out-everywhere$/, methods: { POST: signUserOutEverywhere } },
  { pattern: /^\/api\/admin\/workspaces$/, methods: { GET: listWorkspaces, POST: createWorkspace } },
  {
    pattern: /^\/api\/admin\/workspaces\/([^/]+)\/members\/([^/]+)$/,
    methods: { PUT: addWorkspaceMember, DELETE: removeWorkspaceMember },
  },
  { pattern: /^\/api\/admin\/assignments$/, methods: { GET: listAssignments, POST: createAssignment } },
  { pattern: /^\/api\/admin\/assignments\/([^/]+)\/([^/]+)$/, methods: { DELETE: removeAssignment } },
  { pattern: /^\/api\/admin\/storage$/, methods: { GET: storageUse } },
  { pattern: /^\/api\/drafts$/, methods: { GET: listDrafts, POST: createDraft } },
  { pattern: /^\/api\/drafts\/([^/]+)$/, methods: { GET: getDraft } },
  { pattern: /^\/api\/drafts\/([^/]+)\/members$/, methods: { GET: listMembers } },
  { pattern: /^\/api\/drafts\/([^/]+)\/members\/([^/]+)$/, methods: { PUT: changeMember, DELETE: removeMember } },
  { pattern: /^\/api\/drafts\/([^/]+)\/links$/, methods: { GET: listLinks, POST: createLink } },
  { pattern: /^\/api\/drafts\/([^/]+)\/links\/([^/]+)$/, methods: { DELETE: revokeLink } },
  { pattern: /^\/api\/templates$/, methods: { GET: listTemplates, POST: saveTemplate } },
  { pattern: /^\/api\/drafts\/([^/]+)\/versions$/, methods: { GET: listVersions, POST: createVersion } },
  { pattern: /^\/api\/drafts\/([^/]+)\/versions\/([^/]+)$/, methods: { GET: getVersion } },
  { pattern: /^\/api\/drafts\/([^/]+)\/versions\/([^/]+)\/restore$/, methods: { POST: recordRestore } },
  // Clipping from a phone (shared/protocol/clip-inbox-api.ts).
  { pattern: /^\/api\/clips\/from-url$/, methods: { POST: clipFromUrl } },
  { pattern: /^\/api\/inbox$/, methods: { GET: listInbox } },
  { pattern: /^\/api\/inbox\/([^/]+)$/, methods: { PUT: putInboxClip, DELETE: deleteInboxClip } },
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
    const route = Object.hasOwn(methods, method) ? methods[method as Method] : undefined;
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
