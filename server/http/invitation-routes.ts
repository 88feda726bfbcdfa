/**
 * "Undang lewat email" in the share dialog: the owner names an address and a role; the person gets
 * a one-time link that signs them in (making their account, with their name, if they have none)
 * and opens the draft. Someone who already has an account gets the draft at once; the mail is a
 * way in.
 */
import { DraftInvitationRequestSchema, DraftInvitationResponseSchema } from '../../shared/protocol/auth-api';
import { grantDraft } from '../auth/account-for-sign-in';
import { draftInviteMail } from '../auth/mail-messages';
import { issueCode } from '../auth/one-time-codes';
import { accountDeps, sendMail, signInLink } from './auth-routes';
import { apiError } from './json';
import { draftWithRight, parseBody, requireUser } from './route-kit';

export const INVITATION_DAYS = 7;

export const inviteToDraft = requireUser(async (request, context, user, params) => {
  const draft = await draftWithRight(context, user, params[0], 'manage-members');
  if (!draft.ok) return draft.reply;
  // A guest has no address of her own to vouch with; accounts are made by people who have one.
  if (user.guest) return apiError(403, 'forbidden', 'guests cannot invite by email; sign in first');
  if (!context.auth.mailer) return apiError(503, 'unavailable', 'email is not configured on this server');
  const body = await parseBody(request, context, DraftInvitationRequestSchema);
  if (!body.ok) return body.reply;
  const { email, role, language } = body.value;
  const limited = context.auth.limits.mail(request, email);
  if (limited) return limited;
  const invitee = await context.storage.users.getUserByEmail(email);
  if (invitee?.id === user.id) return apiError(400, 'bad-request', 'email: that is your own address');
  if (invitee && !invitee.suspendedAt) {
    await grantDraft(accountDeps(context), invitee, { draftId: draft.value.id, role });
  }
  const issued = await issueCode(
    context.storage.signinCodes,
    {
      purpose: 'draft-invite',
      ttlMs: INVITATION_DAYS * 86_400_000,
      email,
      draftId: draft.value.id,
      role,
      createdBy: user.id,
    },
    Date.now(),
  );
  const failed = await sendMail(
    context,
    email,
    draftInviteMail(language, {
      inviter: user.name,
      title: draft.value.title,
      role,
      link: signInLink(context, issued.secret),
      days: INVITATION_DAYS,
    }),
  );
  if (failed) return failed;
  return { status: 201, body: DraftInvitationResponseSchema.parse({ sent: true, email }) };
});
