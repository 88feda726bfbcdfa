/** Drafts as their members see them: list, create (the creator becomes owner), read one. */
import {
  apiPaths,
  CreateDraftRequestSchema,
  type DraftInfo,
  DraftInfoSchema,
  DraftListResponseSchema,
} from '../../shared/protocol/api';
import { newDraftId } from '../ids';
import type { MemberDraftRecord } from '../storage/storage';
import { apiError } from './json';
import { draftWithRight, parseBody, requireUser } from './route-kit';

export function draftInfo(draft: MemberDraftRecord): DraftInfo {
  // Parsing what we send keeps the response honest to the shared schema; a failure here is a bug.
  return DraftInfoSchema.parse(draft);
}

/** The caller's drafts, newest first by last update, so a draft someone just edited comes first. */
export const listDrafts = requireUser(async (_request, context, user) => {
  const drafts = await context.storage.drafts.listDraftsForMember(user.id);
  const openFeedback = await Promise.all(drafts.map((draft) => context.openFeedbackCount(draft.id)));
  const items = drafts.map((draft, index) => ({ ...draftInfo(draft), openFeedback: openFeedback[index] }));
  return { status: 200, body: DraftListResponseSchema.parse({ drafts: items }) };
});

export const createDraft = requireUser(async (request, context, user) => {
  const body = await parseBody(request, context, CreateDraftRequestSchema);
  if (!body.ok) return body.reply;
  const { title, workspaceId = null } = body.value;
  if (workspaceId && !(await context.storage.workspaces.isMember(workspaceId, user.id))) {
    return apiError(403, 'forbidden', 'you are not a member of that workspace');
  }
  const draft = await context.storage.drafts.createDraft({ id: newDraftId(), title, ownerId: user.id, workspaceId });
  return { status: 201, body: draftInfo(draft), headers: { location: apiPaths.draft(draft.id) } };
});

export const getDraft = requireUser(async (_request, context, user, [id]) => {
  const draft = await draftWithRight(context, user, id, 'read');
  return draft.ok ? { status: 200, body: draftInfo(draft.value) } : draft.reply;
});
