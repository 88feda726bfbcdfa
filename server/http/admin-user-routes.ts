/**
 * The admin page's accounts: the list, inviting by email (the account is made at once, with the
 * name the administrator gives), suspending (every session ends, its connections close, and no
 * sign-in works until lifted), making or unmaking administrators, and signing someone out everywhere.
 */
import {
  type AdminUser,
  AdminUserListResponseSchema,
  InviteUserRequestSchema,
  InviteUserResponseSchema,
  SetAdminRequestSchema,
  SuspendUserRequestSchema,
} from '../../shared/protocol/admin-api';
import { accountInviteMail } from '../auth/mail-messages';
import { issueCode } from '../auth/one-time-codes';
import { newUserId } from '../ids';
import type { UserRecord } from '../storage/storage';
import { sendMail, signInLink } from './auth-routes';
import { INVITATION_DAYS } from './invitation-routes';
import { apiError } from './json';
import { type ApiContext, parseBody, requireUser } from './route-kit';

function adminUser(user: UserRecord): AdminUser {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    guest: user.guest,
    isAdmin: user.isAdmin,
    suspendedAt: user.suspendedAt,
    createdAt: user.createdAt,
  };
}

async function endEverySession(context: ApiContext, userId: string): Promise<void> {
  await context.storage.sessions.revokeUserSessions(userId);
  await context.storage.users.revokeTokens(userId);
  context.sessionsEnded({ userId, sessionIds: null });
}

export const listUsers = requireUser(async (_request, context) => {
  const users = await context.storage.users.listUsers();
  return { status: 200, body: AdminUserListResponseSchema.parse({ users: users.map(adminUser) }) };
}, 'admin');

export const inviteUser = requireUser(async (request, context, admin) => {
  const body = await parseBody(request, context, InviteUserRequestSchema);
  if (!body.ok) return body.reply;
  const { name, email, isAdmin, language } = body.value;
  if (await context.storage.users.getUserByEmail(email)) {
    return apiError(409, 'conflict', 'this address already has an account');
  }
  const user = await context.storage.users.createUser({ id: newUserId(), name, email, isAdmin });
  let sent = false;
  if (context.auth.mailer) {
    const issued = await issueCode(
      context.storage.signinCodes,
      { purpose: 'invite', ttlMs: INVITATION_DAYS * 86_400_000, email, userId: user.id, createdBy: admin.id },
      Date.now(),
    );
    const mail = accountInviteMail(language, admin.name, signInLink(context, issued.secret), INVITATION_DAYS);
    sent = (await sendMail(context, email, mail)) === null;
  }
  return { status: 201, body: InviteUserResponseSchema.parse({ user: adminUser(user), sent }) };
}, 'admin');

export const suspendUser = requireUser(async (request, context, admin, params) => {
  const body = await parseBody(request, context, SuspendUserRequestSchema);
  if (!body.ok) return body.reply;
  const userId = params[0] ?? '';
  if (userId === admin.id) return apiError(400, 'bad-request', 'you cannot suspend yourself');
  const at = body.value.suspended ? new Date().toISOString() : null;
  if (!(await context.storage.users.setSuspended(userId, at))) return apiError(404, 'not-found', 'no such user');
  if (body.value.suspended) await endEverySession(context, userId);
  const user = await context.storage.users.getUser(userId);
  return { status: 200, body: user ? adminUser(user) : null };
}, 'admin');

export const setAdmin = requireUser(async (request, context, admin, params) => {
  const body = await parseBody(request, context, SetAdminRequestSchema);
  if (!body.ok) return body.reply;
  const userId = params[0] ?? '';
  if (userId === admin.id && !body.value.isAdmin) {
    return apiError(400, 'bad-request', 'ask another administrator to take your rights away');
  }
  const user = await context.storage.users.getUser(userId);
  if (!user) return apiError(404, 'not-found', 'no such user');
  if (user.guest) return apiError(400, 'bad-request', 'a guest cannot be an administrator');
  await context.storage.users.setAdmin(userId, body.value.isAdmin);
  return { status: 200, body: adminUser({ ...user, isAdmin: body.value.isAdmin }) };
}, 'admin');

export const signUserOutEverywhere = requireUser(async (_request, context, _admin, params) => {
  const userId = params[0] ?? '';
  if (!(await context.storage.users.getUser(userId))) return apiError(404, 'not-found', 'no such user');
  await endEverySession(context, userId);
  return { status: 200, body: { signedOut: true } };
}, 'admin');
