/**
 * A person's own sessions and devices: the list of where they are signed in, ending one or all
 * ("Keluar dari semua perangkat"), connecting the extension with a one-time pairing code, and
 * moving a web token from before cookies into the cookie. Not for an extension's token (scope `account`).
 */
import {
  PairingCodeResponseSchema,
  PairRequestSchema,
  PairResponseSchema,
  SessionListResponseSchema,
} from '../../shared/protocol/auth-api';
import { displayCode, issueCode, redeemShortCode } from '../auth/one-time-codes';
import { renewSession } from '../auth/sessions';
import { refuseForeignOrigin } from './auth-routes';
import { apiError } from './json';
import { parseBody, type Route, requireUser } from './route-kit';
import { clearedCookies, cookiesFor, signedInUser, startClientSession } from './sign-in-reply';

const PAIRING_TTL_MS = 10 * 60_000;
/** Wrong pairing codes tried before every open one stops working (they are 8 of 31 characters; guesses are limited per address too). */
const PAIRING_ATTEMPTS = 20;

export const listSessions = requireUser(async (_request, context, user, _params, caller) => {
  const sessions = await context.storage.sessions.listUserSessions(user.id, new Date().toISOString());
  return {
    status: 200,
    body: SessionListResponseSchema.parse({
      sessions: sessions.map((session) => ({
        id: session.id,
        kind: session.kind,
        label: session.label,
        createdAt: session.createdAt,
        expiresAt: session.expiresAt,
        current: session.id === caller.sessionId,
      })),
    }),
  };
}, 'account');

/** Ends one of the caller's own sessions (another device, the extension); its connections close. */
export const endSession = requireUser(async (_request, context, user, params, caller) => {
  const sessionId = params[0] ?? '';
  const session = await context.storage.sessions.getSession(sessionId);
  if (!session || session.userId !== user.id) return apiError(404, 'not-found', 'no such session');
  await context.storage.sessions.revokeSession(sessionId);
  context.sessionsEnded({ userId: user.id, sessionIds: [sessionId] });
  const headers =
    sessionId === caller.sessionId && caller.via === 'cookie' ? { 'set-cookie': clearedCookies(context) } : undefined;
  return { status: 200, body: { signedOut: true, ended: 1 }, headers };
}, 'account');

/** "Keluar dari semua perangkat": every session and token of the account ends, this one too. */
export const signOutEverywhere = requireUser(async (_request, context, user) => {
  const ended = await context.storage.sessions.revokeUserSessions(user.id);
  await context.storage.users.revokeTokens(user.id);
  context.sessionsEnded({ userId: user.id, sessionIds: null });
  return {
    status: 200,
    body: { signedOut: true, ended: ended.length },
    headers: { 'set-cookie': clearedCookies(context) },
  };
}, 'account');

/** The web editor kept its token in localStorage before cookies: the same session moves into the cookie, once. */
export const cookieFromToken = requireUser(async (_request, context, user, _params, caller) => {
  if (caller.via !== 'bearer' || caller.sessionKind === 'extension') {
    return apiError(400, 'bad-request', 'send the old token as a bearer token');
  }
  const renewed = await renewSession(
    { sessions: context.storage.sessions, tokens: context.tokens },
    user.id,
    caller.sessionId,
  );
  if (!renewed) return apiError(401, 'unauthorized', 'the session was ended; sign in again');
  return { status: 200, body: { user: signedInUser(user) }, headers: { 'set-cookie': cookiesFor(context, renewed) } };
}, 'account');

/** "Hubungkan ekstensi": a code the extension exchanges for its own token (one use, 10 minutes). */
export const createPairingCode = requireUser(async (_request, context, user) => {
  const issued = await issueCode(
    context.storage.signinCodes,
    { purpose: 'pairing', ttlMs: PAIRING_TTL_MS, short: 'typed8', userId: user.id, createdBy: user.id },
    Date.now(),
  );
  return {
    status: 201,
    body: PairingCodeResponseSchema.parse({
      code: displayCode(issued.short ?? ''),
      expiresAt: issued.record.expiresAt,
    }),
  };
}, 'account');

/** The extension's side: a pairing code for a token of kind 'extension' (listed with the person's sessions). */
export const pairExtension: Route = async (request, context) => {
  const refused = refuseForeignOrigin(request, context) ?? context.auth.limits.attempt(request);
  if (refused) return refused;
  const body = await parseBody(request, context, PairRequestSchema);
  if (!body.ok) return body.reply;
  const code = await redeemShortCode(
    context.storage.signinCodes,
    { purpose: 'pairing', email: null, code: body.value.code, maxFailedAttempts: PAIRING_ATTEMPTS },
    Date.now(),
  );
  const user = code?.userId ? await context.storage.users.getUser(code.userId) : null;
  if (!user) return apiError(410, 'gone', 'unknown, used or expired pairing code; make a new one in the web app');
  if (user.suspendedAt) return apiError(403, 'suspended', 'this account is suspended by an administrator');
  const { session } = await startClientSession(request, context, user, 'extension');
  return {
    status: 200,
    body: PairResponseSchema.parse({
      token: { token: session.token, expiresAt: new Date(session.expiresAt).toISOString() },
      user: signedInUser(user),
    }),
  };
};
