/** Who is signed in, renewing their token, and joining a draft through a share link (signing up on the way). */
import type { IncomingMessage } from 'node:http';
import {
  JoinRequestSchema,
  JoinResponseSchema,
  MeResponseSchema,
  type SessionResponse,
  SessionResponseSchema,
} from '../../shared/protocol/api';
import type { IssuedToken } from '../auth/session-tokens';
import { checkShareLink, redeemShareLink } from '../auth/share-links';
import { createUserAccount } from '../auth/user-accounts';
import type { UserRecord } from '../storage/storage';
import { draftInfo } from './draft-routes';
import { apiError } from './json';
import { type ApiContext, authenticateRequest, parseBody, type Route, requireUser, unauthorized } from './route-kit';

async function sessionFor(context: ApiContext, user: UserRecord, issued?: IssuedToken): Promise<SessionResponse> {
  issued ??= await context.tokens.issue(user.id);
  return SessionResponseSchema.parse({
    token: issued.token,
    expiresAt: new Date(issued.expiresAt).toISOString(),
    user: { id: user.id, name: user.name },
  });
}

export const me = requireUser(async (_request, context, user) => {
  const workspaces = await context.storage.workspaces.listForUser(user.id);
  return {
    status: 200,
    body: MeResponseSchema.parse({
      id: user.id,
      name: user.name,
      workspaces: workspaces.map(({ id, name }) => ({ id, name })),
    }),
  };
});

/** A fresh token for a valid one, so someone who keeps using Dampingi never has to sign in again. */
export const refreshSession = requireUser(async (_request, context, user) => ({
  status: 200,
  body: await sessionFor(context, user),
}));

const linkFailures = {
  'unknown-link': { status: 404, code: 'not-found', message: 'no such share link' },
  'revoked-link': { status: 410, code: 'gone', message: 'this share link was revoked' },
  'expired-link': { status: 410, code: 'gone', message: 'this share link has expired' },
} as const;

/** Signed-in callers join as themselves; anyone else must give a name and gets a new account. */
export const join: Route = async (request: IncomingMessage, context: ApiContext) => {
  const tooMany = context.joinLimits.admitRequest(request);
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
  if (auth.ok) {
    user = auth.user;
  } else {
    if (!body.value.name) return apiError(400, 'bad-request', 'name: required to join without signing in');
    const guest = context.joinLimits.admitGuest(checked.link.id);
    if (!guest.ok) return guest.reply;
    const created = await createUserAccount({ users: context.storage.users, tokens: context.tokens }, body.value.name);
    if (!created.ok) {
      guest.cancel();
      return apiError(400, 'bad-request', `name: ${created.message}`);
    }
    user = created.user;
    session = await sessionFor(context, user, created.session);
  }
  const { role, changed } = await redeemShareLink(context.storage, checked.link, user.id);
  if (changed) context.accessChanged(checked.link.draftId, user.id, role);
  const draft = await context.storage.drafts.getDraftForMember(checked.link.draftId, user.id);
  if (!draft) return apiError(500, 'internal', 'the draft vanished while joining');
  return { status: 200, body: JoinResponseSchema.parse({ draft: draftInfo(draft), session }) };
};
