/** Who is signed in, renewing and ending their session, and joining a draft through a share link (signing up on the way). */
import type { IncomingMessage } from 'node:http';
import {
  JoinPreviewRequestSchema,
  JoinPreviewResponseSchema,
  JoinRequestSchema,
  JoinResponseSchema,
  MeResponseSchema,
  type SessionResponse,
  SessionResponseSchema,
} from '../../shared/protocol/api';
import { SignOutRequestSchema, SignOutResponseSchema } from '../../shared/protocol/auth-api';
import { renewSession, type StartedSession } from '../auth/sessions';
import { checkShareLink, redeemShareLink } from '../auth/share-links';
import { createUserAccount } from '../auth/user-accounts';
import type { UserRecord } from '../storage/storage';
import { refuseForeignOrigin } from './auth-routes';
import { draftInfo } from './draft-routes';
import { apiError } from './json';
import { type ApiContext, authenticateRequest, parseBody, type Route, requireUser, unauthorized } from './route-kit';
import { clearedCookies, cookiesFor } from './sign-in-reply';

function sessionReply(user: UserRecord, started: StartedSession): SessionResponse {
  return SessionResponseSchema.parse({
    token: started.token,
    expiresAt: new Date(started.expiresAt).toISOString(),
    user: { id: user.id, name: user.name, guest: user.guest },
  });
}

/**
 * Who is signed in. A web session past half its life gets a fresh cookie here (the app asks at
 * every start), so someone who keeps using Dampingi is never asked to sign in again.
 */
export const me = requireUser(async (_request, context, user, _params, caller) => {
  const workspaces = await context.storage.workspaces.listForUser(user.id);
  let headers: Record<string, string[]> | undefined;
  if (caller.via === 'cookie' && Date.now() >= (caller.issuedAt + caller.expiresAt) / 2) {
    const renewed = await renewSession(
      { sessions: context.storage.sessions, tokens: context.tokens },
      user.id,
      caller.sessionId,
    );
    if (renewed) headers = { 'set-cookie': cookiesFor(context, renewed) };
  }
  return {
    status: 200,
    body: MeResponseSchema.parse({
      id: user.id,
      name: user.name,
      guest: user.guest,
      workspaces: workspaces.map(({ id, name }) => ({ id, name })),
      email: user.email,
      isAdmin: user.isAdmin,
      sessionId: caller.sessionId,
      sessionKind: caller.sessionKind,
    }),
    headers,
  };
});

/** A fresh token for the same session, so someone who keeps using Dampingi never has to sign in again. */
export const refreshSession = requireUser(async (_request, context, user, _params, caller) => {
  const renewed = await renewSession(
    { sessions: context.storage.sessions, tokens: context.tokens },
    user.id,
    caller.sessionId,
  );
  if (!renewed) return unauthorized('revoked-token');
  return { status: 200, body: sessionReply(user, renewed) };
});

/**
 * "Keluar": ends the caller's session on the server, so the token left in this browser is worth
 * nothing; its open connections close. A token from before sessions ends every such token of the user.
 */
export const signOut = requireUser(async (request, context, user, _params, caller) => {
  const body = request.headers['content-type'] ? await parseBody(request, context, SignOutRequestSchema) : null;
  if (body && !body.ok) return body.reply;
  // A sign-out made offline names its session; a newer sign-in of the same account may carry it here.
  const named = body?.value.sessionId;
  const sessionId = named ?? caller.sessionId;
  let ended = 0;
  if (sessionId) {
    const session = await context.storage.sessions.getSession(sessionId);
    if (session?.userId === user.id && (await context.storage.sessions.revokeSession(sessionId))) ended = 1;
    context.sessionsEnded({ userId: user.id, sessionIds: [sessionId] });
  } else {
    await context.storage.users.revokeTokens(user.id);
    context.sessionsEnded({ userId: user.id, sessionIds: null });
    ended = 1;
  }
  const endsThisCookie = caller.via === 'cookie' && (!named || named === caller.sessionId);
  return {
    status: 200,
    body: SignOutResponseSchema.parse({ signedOut: true, ended }),
    headers: endsThisCookie ? { 'set-cookie': clearedCookies(context) } : undefined,
  };
});

const linkFailures = {
  'unknown-link': { status: 404, code: 'not-found', message: 'no such share link' },
  'revoked-link': { status: 410, code: 'gone', message: 'this share link was revoked' },
  'expired-link': { status: 410, code: 'gone', message: 'this share link has expired' },
} as const;

/**
 * Before joining, the link's page says what it leads to: the draft's title, who invited, the role.
 * Whoever holds the link may join anyway, so this tells nothing the link does not already give.
 */
export const joinPreview: Route = async (request: IncomingMessage, context: ApiContext) => {
  const tooMany = refuseForeignOrigin(request, context) ?? context.joinLimits.admitRequest(request);
  if (tooMany) return tooMany;
  const body = await parseBody(request, context, JoinPreviewRequestSchema);
  if (!body.ok) return body.reply;
  const checked = await checkShareLink(context.storage, body.value.secret, Date.now());
  if (!checked.ok) {
    const failure = linkFailures[checked.reason];
    return apiError(failure.status, failure.code, failure.message);
  }
  const { link } = checked;
  const draft = await context.storage.drafts.getDraft(link.draftId);
  if (!draft) return apiError(404, 'not-found', 'no such share link');
  const inviter = await context.storage.users.getUser(link.createdBy);
  return {
    status: 200,
    body: JoinPreviewResponseSchema.parse({
      title: draft.title,
      ownerName: draft.ownerName,
      invitedBy: inviter?.name ?? draft.ownerName,
      role: link.role,
      expiresAt: link.expiresAt,
    }),
  };
};

/** Signed-in callers join as themselves; anyone else must give a name and gets a new guest account. */
export const join: Route = async (request: IncomingMessage, context: ApiContext) => {
  const tooMany = refuseForeignOrigin(request, context) ?? context.joinLimits.admitRequest(request);
  if (tooMany) return tooMany;
  const body = await parseBody(request, context, JoinRequestSchema);
  if (!body.ok) return body.reply;
  const auth = await authenticateRequest(request, context);
  if (!auth.ok && auth.reason !== 'missing-token') return unauthorized(auth.reason);
  const checked = await checkShareLink(context.storage, body.value.secret, Date.now());
  if (!checked.ok) {
    const failure = linkFailures[checked.reason];
    return apiError(failure.status, failure.code, failure.message);
  }
  let user: UserRecord;
  let session: SessionResponse | null = null;
  let headers: Record<string, string[]> | undefined;
  if (auth.ok) {
    user = auth.user;
  } else {
    if (!body.value.name) return apiError(400, 'bad-request', 'name: required to join without signing in');
    const guest = context.joinLimits.admitGuest(checked.link.id);
    if (!guest.ok) return guest.reply;
    const created = await createUserAccount(
      { users: context.storage.users, sessions: context.storage.sessions, tokens: context.tokens },
      body.value.name,
      { guest: true, sessionKind: 'web', sessionLabel: request.headers['user-agent'] ?? null },
    );
    if (!created.ok) {
      guest.cancel();
      return apiError(400, 'bad-request', `name: ${created.message}`);
    }
    user = created.user;
    // The web app keeps the guest's session in its cookie; the extension's pages get the token.
    if (body.value.client === 'web') headers = { 'set-cookie': cookiesFor(context, created.session) };
    else session = sessionReply(user, created.session);
  }
  const { role, changed } = await redeemShareLink(context.storage, checked.link, user.id);
  if (changed) context.accessChanged(checked.link.draftId, user.id, role);
  const draft = await context.storage.drafts.getDraftForMember(checked.link.draftId, user.id);
  if (!draft) return apiError(500, 'internal', 'the draft vanished while joining');
  return { status: 200, body: JoinResponseSchema.parse({ draft: draftInfo(draft), session }), headers };
};
