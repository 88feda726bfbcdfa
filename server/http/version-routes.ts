/**
 * Versions of a draft's content: list and read them (anyone who may read the draft), save one by
 * hand or record a restore (owner and editors: 'edit-content'). The restore itself is the client's
 * ordinary content edit, which the sync server refuses from read-only roles anyway; this route
 * first keeps the content as it is, so a restore can never lose anything.
 */
import {
  SaveVersionRequestSchema,
  VersionIdSchema,
  VersionListResponseSchema,
  VersionResponseSchema,
  VersionStateResponseSchema,
} from '../../shared/versions/version-schema';
import { readVersionState, saveVersion, versionInfo } from '../versions/version-service';
import { apiError, type JsonReply } from './json';
import { type ApiContext, draftWithRight, parseBody, requireUser } from './route-kit';

function deps(context: ApiContext) {
  return { versions: context.storage.versions, readDocument: context.readDocument };
}

const noSuchVersion = (): JsonReply => apiError(404, 'not-found', 'no such version of this draft');

export const listVersions = requireUser(async (_request, context, user, [draftId]) => {
  const draft = await draftWithRight(context, user, draftId, 'read');
  if (!draft.ok) return draft.reply;
  const versions = await context.storage.versions.listVersions(draft.value.id);
  return { status: 200, body: VersionListResponseSchema.parse({ versions: versions.map(versionInfo) }) };
});

export const createVersion = requireUser(async (request, context, user, [draftId]) => {
  const draft = await draftWithRight(context, user, draftId, 'edit-content');
  if (!draft.ok) return draft.reply;
  const body = await parseBody(request, context, SaveVersionRequestSchema);
  if (!body.ok) return body.reply;
  const saved = await saveVersion(deps(context), {
    draftId: draft.value.id,
    kind: 'manual',
    name: body.value.name,
    createdBy: { id: user.id, name: user.name },
  });
  if (!saved) throw new Error('a version without a stage move was not stored');
  return { status: 201, body: VersionResponseSchema.parse({ version: versionInfo(saved) }) };
});

export const getVersion = requireUser(async (_request, context, user, [draftId, versionId]) => {
  const draft = await draftWithRight(context, user, draftId, 'read');
  if (!draft.ok) return draft.reply;
  if (!VersionIdSchema.safeParse(versionId).success) return noSuchVersion();
  const version = await context.storage.versions.getVersion(draft.value.id, versionId as string);
  const state = version && (await readVersionState(context.storage.versions, draft.value.id, version.id));
  if (!version || !state) return noSuchVersion();
  const body = VersionStateResponseSchema.parse({
    version: versionInfo(version),
    state: Buffer.from(state).toString('base64'),
  });
  return { status: 200, body };
});

export const recordRestore = requireUser(async (_request, context, user, [draftId, versionId]) => {
  const draft = await draftWithRight(context, user, draftId, 'edit-content');
  if (!draft.ok) return draft.reply;
  if (!VersionIdSchema.safeParse(versionId).success) return noSuchVersion();
  const target = await context.storage.versions.getVersion(draft.value.id, versionId as string);
  if (!target) return noSuchVersion();
  const kept = await saveVersion(deps(context), {
    draftId: draft.value.id,
    kind: 'restore',
    name: null,
    restoredFrom: target.id,
    createdBy: { id: user.id, name: user.name },
  });
  if (!kept) throw new Error('a restore entry was not stored');
  return { status: 201, body: VersionResponseSchema.parse({ version: versionInfo(kept) }) };
});
