/**
 * School accounts: `GET /api/auth/oidc/start` sends the browser to the provider with a fresh
 * state, nonce and PKCE verifier (kept in a short-lived signed cookie, not on the server, so any
 * process of a cluster can finish); `GET /api/auth/oidc/callback` checks them, signs in and sends
 * the browser back to the web app — with `?signin-error=<reason>` when it could not.
 */
import type { IncomingMessage } from 'node:http';
import { stringifySetCookie } from 'cookie';
import { SIGNIN_ERROR_PARAM, type SigninError } from '../../shared/protocol/auth-api';
import { accountForSchoolIdentity } from '../auth/account-for-sign-in';
import { readCookie } from '../auth/web-cookies';
import { accountDeps, currentCookieUser } from './auth-routes';
import { apiError, type JsonReply, redirectReply } from './json';
import type { ApiContext, Route } from './route-kit';
import { startClientSession } from './sign-in-reply';
import { EDITOR_PAGE } from './static-files';

const STATE_COOKIE = 'dampingi_oidc';
const STATE_SECONDS = 10 * 60;
export const CALLBACK_PATH = '/api/auth/oidc/callback';

/** Only the web app's own page, e.g. a share link being joined; anything else comes back to the start page. */
function localReturnPath(value: string | null): string {
  if (!value || value.length > 2048) return EDITOR_PAGE;
  return value.startsWith(`${EDITOR_PAGE}?`) || value.startsWith(`${EDITOR_PAGE}#`) || value === EDITOR_PAGE
    ? value
    : EDITOR_PAGE;
}

function stateCookie(context: ApiContext, value: string, maxAge: number): string {
  return stringifySetCookie({
    name: STATE_COOKIE,
    value,
    httpOnly: true,
    // Lax: the provider sends the person back with a top-level GET, which carries it.
    sameSite: 'lax',
    secure: context.auth.cookies.secure,
    path: '/api/auth/oidc',
    maxAge,
  });
}

function backWithError(context: ApiContext, reason: SigninError): JsonReply {
  return redirectReply(`${EDITOR_PAGE}?${SIGNIN_ERROR_PARAM}=${reason}`, {
    'set-cookie': [stateCookie(context, '', 0)],
  });
}

export const schoolStart: Route = async (request, context) => {
  const school = context.auth.school;
  if (!school) return apiError(503, 'unavailable', 'school accounts are not configured on this server');
  const refused = context.auth.limits.attempt(request);
  if (refused) return refused;
  const returnTo = localReturnPath(new URL(request.url ?? '/', 'http://localhost').searchParams.get('return'));
  let started: Awaited<ReturnType<typeof school.start>>;
  try {
    started = await school.start(`${context.auth.publicUrl()}${CALLBACK_PATH}`);
  } catch {
    return backWithError(context, 'failed');
  }
  const state = await context.auth.tickets.sign(
    'oidc',
    { state: started.state, nonce: started.nonce, verifier: started.verifier, returnTo },
    STATE_SECONDS,
  );
  return redirectReply(started.url, { 'set-cookie': [stateCookie(context, state, STATE_SECONDS)] });
};

export const schoolCallback: Route = async (request: IncomingMessage, context) => {
  const school = context.auth.school;
  if (!school) return apiError(503, 'unavailable', 'school accounts are not configured on this server');
  const saved = await context.auth.tickets.verify('oidc', readCookie(request, STATE_COOKIE) ?? '');
  // No state: it expired, or this answer was already used (a replay), or another browser started it.
  if (!saved) return backWithError(context, 'expired');
  const query = new URL(request.url ?? '/', 'http://localhost').search;
  let identity: Awaited<ReturnType<typeof school.finish>>;
  try {
    identity = await school.finish(new URL(`${context.auth.publicUrl()}${CALLBACK_PATH}${query}`), saved);
  } catch (error) {
    context.logger.warn({ err: error }, 'a school sign-in was refused');
    return backWithError(context, 'failed');
  }
  const current = await currentCookieUser(request, context);
  const outcome = await accountForSchoolIdentity(accountDeps(context), identity, current);
  if (outcome.kind === 'refused') return backWithError(context, outcome.reason);
  if (outcome.kind === 'needs-name') return backWithError(context, 'failed');
  const { headers } = await startClientSession(request, context, outcome.user, 'web');
  return redirectReply(saved.returnTo, {
    'set-cookie': [stateCookie(context, '', 0), ...(headers['set-cookie'] ?? [])],
  });
};
