/** Drafts as their members see them: list (with each draft's summary), create from a template (the creator becomes owner), read one. */
import { EMPTY_SUMMARY } from '../../shared/model/draft-summary';
import {
  apiPaths,
  CreateDraftRequestSchema,
  type DraftInfo,
  DraftInfoSchema,
  DraftListResponseSchema,
} from '../../shared/protocol/api';
import { roomName } from '../../shared/protocol/rooms';
import { grantMentorsOnNewDraft } from '../auth/mentor-access';
import { newDraftId } from '../ids';
import type { MemberDraftRecord } from '../storage/storage';
import { apiError } from './json';
import { draftWithRight, parseBody, requireUser } from './route-kit';
import { templateFor, templateKit } from './template-routes';

export function draftInfo(draft: MemberDraftRecord): DraftInfo {
  // Parsing what we send keeps the response honest to the shared schema; a failure here is a bug.
  return DraftInfoSchema.parse(draft);
}

/**
 * The caller's drafts, most recently active first, each with its stored summary: one query, no
 * document loaded (but once for a draft from before summaries, see rooms/draft-summaries.ts).
 */
export const listDrafts = requireUser(async (_request, context, user) => {
  const drafts = await context.storage.drafts.listDraftsForMember(user.id);
  const summaries = await Promise.all(drafts.map((draft) => context.draftSummary(draft)));
  const items = drafts.map((draft, index) => {
    const summary = summaries[index] ?? EMPTY_SUMMARY;
    // `openFeedback` stays for clients from before summaries.
    return { ...draftInfo(draft), summary, openFeedback: summary.openFeedback };
  });
  return { status: 200, body: DraftListResponseSchema.parse({ drafts: items }) };
});

/**
 * The template's content becomes the first stored update of the draft's content document, before
 * the draft exists, so nobody can open it without; if creating the draft then fails, that document
 * is left unreachable rather than a draft without its template. Without a template (API clients,
 * scripts; the editor's form always names one) the draft is empty "other" media.
 */
export const createDraft = requireUser(async (request, context, user) => {
  const body = await parseBody(request, context, CreateDraftRequestSchema);
  if (!body.ok) return body.reply;
  const { title, workspaceId = null, templateId, language = 'id' } = body.value;
  if (workspaceId && !(await context.storage.workspaces.isMember(workspaceId, user.id))) {
    return apiError(403, 'forbidden', 'you are not a member of that workspace');
  }
  const template = templateId ? await templateFor(context, user, templateId) : null;
  if (template && !template.ok) return template.reply;
  const id = newDraftId();
  if (template) {
    const { templateUpdate } = await templateKit();
    await context.storage.documents.appendUpdate(roomName(id), templateUpdate(template.value, language));
  }
  const draft = await context.storage.drafts.createDraft({
    id,
    title,
    ownerId: user.id,
    workspaceId,
    mediaKind: template?.value.mediaKind ?? 'blank',
    summaryJson: JSON.stringify(EMPTY_SUMMARY),
  });
  await grantMentorsOnNewDraft(context, user.id, draft.id);
  return { status: 201, body: draftInfo(draft), headers: { location: apiPaths.draft(draft.id) } };
});

export const getDraft = requireUser(async (_request, context, user, [id]) => {
  const draft = await draftWithRight(context, user, id, 'read');
  return draft.ok ? { status: 200, body: draftInfo(draft.value) } : draft.reply;
});
