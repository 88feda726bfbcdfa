/**
 * Signing in without a password: what the server offers, first-run set-up, an emailed code or
 * link, one-time links (email, invitations, the command line), and the name of a new account.
 * Every answer that signs in goes through sign-in-reply.ts (cookie for the web app, token for the extension).
 */
import type { IncomingMessage } from 'node:http';
import {
  AuthOptionsResponseSchema,
  EmailStartRequestSchema,
  EmailVerifyRequestSchema,
  RedeemRequestSchema,
  SetupRequestSchema,
  SIGNIN_PARAM,
  SigninResponseSchema,
  SignupRequestSchema,
} from '../../shared/protocol/auth-api';
import {
  type AccountDeps,
  type AccountOutcome,
  accountForEmail,
  createAccount,
  type DraftGrant,
  domainAllowed,
  grantDraft,
} from '../auth/account-for-sign-in';
import { authenticateToken } from '../auth/authenticate';
import { isOwnOrigin } from '../auth/csrf';
import { hasAdministrator } from '../auth/first-run-setup';
import { type MailMessage, signInCodeMail } from '../auth/mail-messages';
import { redactAddress } from '../auth/mailer';
import { issueCode, redeemSecret, redeemShortCode } from '../auth/one-time-codes';
import { sessionTokenFromCookie } from '../auth/web-cookies';
import { newUserId } from '../ids';
import type { SigninCodeRecord, UserRecord } from '../storage/storage';
import { EXTENSION_ORIGIN_PATTERN } from './cors';
import { apiError, type JsonReply } from './json';
import { type ApiContext, parseBody, type Route } from './route-kit';
import { signedInReply } from './sign-in-reply';
import { EDITOR_PAGE } from './static-files';

export const EMAIL_CODE_TTL_MS = 15 * 60_000;
const SIGNUP_TICKET_SECONDS = 15 * 60;
/** Wrong 6-digit codes one emailed code survives (a million codes: five guesses is a 1-in-200 000 chance). */
const EMAIL_CODE_ATTEMPTS = 5;
/** The set-up code has 12 characters (60 bits); guesses are limited per address, not per code, so nobody can spoil it. */
const SETUP_CODE_ATTEMPTS = 1_000_000;

/**
 * Requests that sign in come from this server's page or the extension's; a page of another site
 * must not sign a visitor in to an account of its choosing (login CSRF).
 */
export function refuseForeignOrigin(request: IncomingMessage, context: ApiContext): JsonReply | null {
  const origin = request.headers.origin;
  if (origin === undefined || EXTENSION_ORIGIN_PATTERN.test(origin)) return null;
  return isOwnOrigin(request.headers, context.auth.publicOrigin)
    ? null
    : apiError(403, 'forbidden', 'sign-in requests must come from this server’s page or the extension');
}

/** Who is signed in on this browser now (by its cookie), if anyone: a guest may become the account. */
export async function currentCookieUser(request: IncomingMessage, context: ApiContext): Promise<UserRecord | null> {
  const auth = await authenticateToken(
    { users: context.storage.users, sessions: context.storage.sessions, tokens: context.tokens },
    sessionTokenFromCookie(request),
  );
  return auth.ok ? auth.user : null;
}

export function accountDeps(context: ApiContext): AccountDeps {
  return {
    storage: context.storage,
    allowedDomains: context.auth.settings.allowedEmailDomains,
    accessChanged: context.accessChanged,
    sessionsEnded: (userId) => context.sessionsEnded({ userId, sessionIds: null }),
  };
}

/** The editor page's address with a one-time code, as mailed. */
export function signInLink(context: ApiContext, secret: string): string {
  return `${context.auth.publicUrl()}${EDITOR_PAGE}?${SIGNIN_PARAM}=${encodeURIComponent(secret)}`;
}

const refusals = {
  suspended: apiError(403, 'suspended', 'this account is suspended by an administrator'),
  domain: apiError(403, 'forbidden', 'addresses of this domain may not make an account here'),
  'no-account': apiError(403, 'forbidden', 'this address has no account here; ask an administrator for an invitation'),
  'unverified-email': apiError(403, 'forbidden', 'the address is not verified'),
} as const;

/** Null once the mail server took it; else the answer saying it could not be sent. */
export async function sendMail(context: ApiContext, to: string, message: MailMessage): Promise<JsonReply | null> {
  try {
    await context.auth.mailer?.send(to, message);
    return null;
  } catch (error) {
    context.logger.error({ err: error, to: redactAddress(to) }, 'the mail server did not take a message');
    return apiError(503, 'unavailable', 'the mail could not be sent; try again later');
  }
}

/** The outcome of a proven address, as the answer: signed in, a name to ask, or refused. */
async function finish(
  request: IncomingMessage,
  context: ApiContext,
  outcome: AccountOutcome,
  client: 'web' | 'extension',
  grant: DraftGrant | null,
): Promise<JsonReply> {
  if (outcome.kind === 'refused') return refusals[outcome.reason];
  if (outcome.kind === 'needs-name') {
    const ticket = await context.auth.tickets.sign(
      'signup',
      { email: outcome.email, draftId: grant?.draftId ?? null, role: grant?.role ?? null },
      SIGNUP_TICKET_SECONDS,
    );
    return { status: 200, body: SigninResponseSchema.parse({ status: 'needs-name', email: outcome.email, ticket }) };
  }
  const granted = grant && (await grantDraft(accountDeps(context), outcome.user, grant)) ? grant.draftId : null;
  return signedInReply(request, context, outcome.user, client, granted);
}

export const authOptions: Route = async (_request, context) => {
  const { settings, mailer, school } = context.auth;
  return {
    status: 200,
    body: AuthOptionsResponseSchema.parse({
      setupNeeded: !(await hasAdministrator(context.storage)),
      email: mailer !== null,
      oidc: school ? { name: school.name } : null,
      allowedDomains: [...settings.allowedEmailDomains],
    }),
  };
};

/** First run: the code from the server's log makes the first administrator. */
export const setup: Route = async (request, context) => {
  const refused = refuseForeignOrigin(request, context) ?? context.auth.limits.attempt(request);
  if (refused) return refused;
  const body = await parseBody(request, context, SetupRequestSchema);
  if (!body.ok) return body.reply;
  if (await hasAdministrator(context.storage)) return apiError(409, 'conflict', 'this server is already set up');
  const code = await redeemShortCode(
    context.storage.signinCodes,
    { purpose: 'setup', email: null, code: body.value.code, maxFailedAttempts: SETUP_CODE_ATTEMPTS },
    Date.now(),
  );
  if (!code) return apiError(400, 'bad-request', 'wrong or expired set-up code; the server log shows the current one');
  const { email } = body.value;
  if (email && (await context.storage.users.getUserByEmail(email))) {
    return apiError(409, 'conflict', 'this address belongs to another account');
  }
  const user = await context.storage.users.createUser({
    id: newUserId(),
    name: body.value.name,
    email: email ?? null,
    isAdmin: true,
  });
  return signedInReply(request, context, user, body.value.client);
};

/** Mails a code and a link, when the address may sign in; the answer is the same either way. */
export const emailStart: Route = async (request, context) => {
  const refused = refuseForeignOrigin(request, context);
  if (refused) return refused;
  const { mailer } = context.auth;
  if (!mailer) return apiError(503, 'unavailable', 'email sign-in is not configured on this server');
  const body = await parseBody(request, context, EmailStartRequestSchema);
  if (!body.ok) return body.reply;
  const { email, language } = body.value;
  const limited = context.auth.limits.mail(request, email);
  if (limited) return limited;
  const user = await context.storage.users.getUserByEmail(email);
  const allowed = user ? !user.suspendedAt : domainAllowed(context.auth.settings.allowedEmailDomains, email);
  if (allowed) {
    const issued = await issueCode(
      context.storage.signinCodes,
      { purpose: 'email-signin', ttlMs: EMAIL_CODE_TTL_MS, short: 'digits', email, userId: user?.id ?? null },
      Date.now(),
    );
    const message = signInCodeMail(language, issued.short ?? '', signInLink(context, issued.secret), 15);
    const failed = await sendMail(context, email, message);
    if (failed) return failed;
  } else {
    // Only the operator learns who was turned away.
    context.logger.info({ to: redactAddress(email) }, 'no sign-in mail: no account and not an allowed domain');
  }
  return { status: 200, body: { sent: true } };
};

export const emailVerify: Route = async (request, context) => {
  const refused = refuseForeignOrigin(request, context) ?? context.auth.limits.attempt(request);
  if (refused) return refused;
  const body = await parseBody(request, context, EmailVerifyRequestSchema);
  if (!body.ok) return body.reply;
  const code = await redeemShortCode(
    context.storage.signinCodes,
    { purpose: 'email-signin', email: body.value.email, code: body.value.code, maxFailedAttempts: EMAIL_CODE_ATTEMPTS },
    Date.now(),
  );
  if (!code) return apiError(400, 'bad-request', 'wrong or expired code; ask for a new one');
  return finishCode(request, context, code, body.value.client);
};

/** The secret of a one-time link, exchanged for a session (and then gone from the address bar). */
export const redeem: Route = async (request, context) => {
  const refused = refuseForeignOrigin(request, context) ?? context.auth.limits.attempt(request);
  if (refused) return refused;
  const body = await parseBody(request, context, RedeemRequestSchema);
  if (!body.ok) return body.reply;
  const code = await redeemSecret(context.storage.signinCodes, body.value.secret, Date.now());
  if (!code) return apiError(410, 'gone', 'this sign-in link was already used or has expired; ask for a new one');
  return finishCode(request, context, code, body.value.client);
};

async function finishCode(
  request: IncomingMessage,
  context: ApiContext,
  code: SigninCodeRecord,
  client: 'web' | 'extension',
): Promise<JsonReply> {
  const current = await currentCookieUser(request, context);
  if (code.purpose === 'link' && code.userId) {
    const user = await context.storage.users.getUser(code.userId);
    if (!user) return apiError(410, 'gone', 'the account of this link no longer exists');
    if (user.suspendedAt) return refusals.suspended;
    return signedInReply(request, context, user, client);
  }
  if (!code.email || !['email-signin', 'invite', 'draft-invite'].includes(code.purpose)) {
    return apiError(400, 'bad-request', 'this code does not sign in');
  }
  const grant =
    code.purpose === 'draft-invite' && code.draftId && code.role ? { draftId: code.draftId, role: code.role } : null;
  const outcome = await accountForEmail(accountDeps(context), code.email, {
    current,
    invited: code.purpose !== 'email-signin',
  });
  return finish(request, context, outcome, client, grant);
}

/** A new account's name, with the ticket a code gave. */
export const signup: Route = async (request, context) => {
  const refused = refuseForeignOrigin(request, context) ?? context.auth.limits.attempt(request);
  if (refused) return refused;
  const body = await parseBody(request, context, SignupRequestSchema);
  if (!body.ok) return body.reply;
  const ticket = await context.auth.tickets.verify('signup', body.value.ticket);
  if (!ticket) return apiError(410, 'gone', 'this step took too long; ask for a new code');
  const created = await createAccount(accountDeps(context), ticket.email, body.value.name);
  if (!created.ok) return apiError(400, 'bad-request', 'name: not a valid name');
  if (created.user.suspendedAt) return refusals.suspended;
  const grant = ticket.draftId && ticket.role ? { draftId: ticket.draftId, role: ticket.role } : null;
  return finish(request, context, { kind: 'account', user: created.user }, body.value.client, grant);
};
