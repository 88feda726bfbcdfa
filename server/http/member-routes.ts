/** The owner's side of sharing: members and their roles, share links. Everyone else may only look at the members. */

import { UserIdSchema } from '../../shared/model/ids';
import {
  ChangeMemberRequestSchema,
  CreateShareLinkRequestSchema,
  CreateShareLinkResponseSchema,
  type Member,
  MemberListResponseSchema,
  MemberSchema,
  type ShareLink,
  ShareLinkListResponseSchema,
  ShareLinkSchema,
} from '../../shared/protocol/api';
import { createShareLink } from '../auth/share-links';
import type { MemberRecord, ShareLinkRecord } from '../storage/storage';
import { apiError } from './json';
import { draftWithRight, parseBody, requireUser } from './route-kit';

function memberInfo(member: MemberRecord): Member {
  return MemberSchema.parse({ ...member, viaLink: member.viaLinkId !== null });
}

function linkInfo(link: ShareLinkRecord): ShareLink {
  return ShareLinkSchema.parse(link);
}

export const listMembers = requireUser(async (_request, context, user, [draftId]) => {
  const draft = await draftWithRight(context, user, draftId, 'read');
  if (!draft.ok) return draft.reply;
  const members = await context.storage.members.listMembers(draft.value.id);
  return { status: 200, body: MemberListResponseSchema.parse({ members: members.map(memberInfo) }) };
});

/** Sets the role of someone who already is a member (joined through a link): their access becomes the owner's grant. */
export const changeMember = requireUser(async (request, context, user, [draftId, userId]) => {
  const draft = await draftWithRight(context, user, draftId, 'manage-members');
  if (!draft.ok) return draft.reply;
  const body = await parseBody(request, context, ChangeMemberRequestSchema);
  if (!body.ok) return body.reply;
  const current = UserIdSchema.safeParse(userId).success
    ? await context.storage.members.getRole(draft.value.id, userId as string)
    : null;
  if (!current) return apiError(404, 'not-found', 'no such member');
  if (current === 'owner') return apiError(403, 'forbidden', "the owner's role cannot be changed");
  const member = await context.storage.members.putMember({
    draftId: draft.value.id,
    userId: userId as string,
    role: body.value.role,
    viaLinkId: null,
  });
  context.accessChanged(draft.value.id, member.userId, member.role);
  return { status: 200, body: memberInfo(member) };
});

export const removeMember = requireUser(async (_request, context, user, [draftId, userId]) => {
  const draft = await draftWithRight(context, user, draftId, 'manage-members');
  if (!draft.ok) return draft.reply;
  if (!UserIdSchema.safeParse(userId).success) return apiError(404, 'not-found', 'no such member');
  const role = await context.storage.members.getRole(draft.value.id, userId as string);
  if (role === 'owner') return apiError(403, 'forbidden', 'the owner cannot be removed');
  if (!(await context.storage.members.removeMember(draft.value.id, userId as string))) {
    return apiError(404, 'not-found', 'no such member');
  }
  context.accessChanged(draft.value.id, userId as string, null);
  return { status: 200, body: { removed: true } };
});

export const listLinks = requireUser(async (_request, context, user, [draftId]) => {
  const draft = await draftWithRight(context, user, draftId, 'manage-members');
  if (!draft.ok) return draft.reply;
  const links = await context.storage.shareLinks.listLinks(draft.value.id);
  return { status: 200, body: ShareLinkListResponseSchema.parse({ links: links.map(linkInfo) }) };
});

export const createLink = requireUser(async (request, context, user, [draftId]) => {
  const draft = await draftWithRight(context, user, draftId, 'manage-members');
  if (!draft.ok) return draft.reply;
  const body = await parseBody(request, context, CreateShareLinkRequestSchema);
  if (!body.ok) return body.reply;
  const { link, secret } = await createShareLink(context.storage, {
    draftId: draft.value.id,
    role: body.value.role,
    createdBy: user.id,
    expiresInDays: body.value.expiresInDays ?? null,
    now: Date.now(),
  });
  return { status: 201, body: CreateShareLinkResponseSchema.parse({ link: linkInfo(link), secret }) };
});

/** Revoking a link also takes away the access it gave; those people's open connections close. */
export const revokeLink = requireUser(async (_request, context, user, [draftId, linkId]) => {
  const draft = await draftWithRight(context, user, draftId, 'manage-members');
  if (!draft.ok) return draft.reply;
  const revoked = await context.storage.shareLinks.revokeLink(draft.value.id, linkId ?? '');
  if (!revoked) return apiError(404, 'not-found', 'no such share link');
  for (const userId of revoked.removedUserIds) context.accessChanged(draft.value.id, userId, null);
  return { status: 200, body: linkInfo(revoked.link) };
});
