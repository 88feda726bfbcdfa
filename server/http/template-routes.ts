/**
 * Templates a draft starts from: the built-in ones (data in shared/templates) and those saved in the
 * caller's workspaces. A draft's owner saves its current content as a template of a workspace they
 * belong to.
 */
import {
  SaveTemplateRequestSchema,
  SaveTemplateResponseSchema,
  type TemplateInfo,
  TemplateListResponseSchema,
} from '../../shared/protocol/api';
import { roomName } from '../../shared/protocol/rooms';
import { DocumentJsonSchema, type Template, TemplateSchema } from '../../shared/templates/template-schema';
import { newTemplateId } from '../ids';
import type { UserRecord, WorkspaceTemplateInfo, WorkspaceTemplateRecord } from '../storage/storage';
import { apiError } from './json';

/** Template content code, loaded on first use (template-kit.ts says why). */
export const templateKit = () => import('./template-kit');

import { type ApiContext, draftWithRight, type Parsed, parseBody, requireUser } from './route-kit';

const NO_DESCRIPTION = { id: '', en: '' };

function builtinInfo(template: Template): TemplateInfo {
  const { id, mediaKind, name, description } = template;
  return { id, mediaKind, name, description, workspaceId: null };
}

/** A workspace template has one name (its saver's words) and no description, in both languages. */
function savedInfo(saved: WorkspaceTemplateInfo): TemplateInfo {
  const { id, mediaKind, name, workspaceId } = saved;
  return { id, mediaKind, name: { id: name, en: name }, description: NO_DESCRIPTION, workspaceId };
}

/** Checked when saved; a stored one that no longer parses is a bug (or a damaged database), hence a throw. */
function savedTemplate(saved: WorkspaceTemplateRecord): Template {
  return TemplateSchema.parse({
    ...savedInfo(saved),
    content: { id: JSON.parse(saved.content.id), en: JSON.parse(saved.content.en) },
  });
}

/** The template `templateId` names, if the caller may start from it: any built-in, or one of their workspaces'. */
export async function templateFor(
  context: ApiContext,
  user: UserRecord,
  templateId: string,
): Promise<Parsed<Template>> {
  if (templateId.startsWith('builtin-')) {
    const builtin = (await templateKit()).builtinTemplate(templateId);
    return builtin
      ? { ok: true, value: builtin }
      : { ok: false, reply: apiError(404, 'not-found', `no built-in template "${templateId}"`) };
  }
  const saved = await context.storage.templates.getTemplate(templateId);
  if (!saved) return { ok: false, reply: apiError(404, 'not-found', `no template "${templateId}"`) };
  if (!(await context.storage.workspaces.isMember(saved.workspaceId, user.id))) {
    return {
      ok: false,
      reply: apiError(403, 'forbidden', 'that template belongs to a workspace you are not a member of'),
    };
  }
  return { ok: true, value: savedTemplate(saved) };
}

/** Built-ins first, in the order the create form offers them, then the caller's workspaces' templates, newest first. */
export const listTemplates = requireUser(async (_request, context, user) => {
  const workspaces = await context.storage.workspaces.listForUser(user.id);
  const saved = await context.storage.templates.listForWorkspaces(workspaces.map((workspace) => workspace.id));
  const { builtinTemplates } = await templateKit();
  const templates = [...builtinTemplates.map(builtinInfo), ...saved.map(savedInfo)];
  return { status: 200, body: TemplateListResponseSchema.parse({ templates }) };
});

export const saveTemplate = requireUser(async (request, context, user) => {
  const body = await parseBody(request, context, SaveTemplateRequestSchema);
  if (!body.ok) return body.reply;
  const { draftId, workspaceId, name } = body.value;
  const draft = await draftWithRight(context, user, draftId, 'read');
  if (!draft.ok) return draft.reply;
  if (draft.value.role !== 'owner') {
    return apiError(403, 'forbidden', 'only the owner of the draft may save it as a template');
  }
  if (!(await context.storage.workspaces.isMember(workspaceId, user.id))) {
    return apiError(403, 'forbidden', 'you are not a member of that workspace');
  }
  const { yXmlFragmentToProseMirrorRootNode, draftFragment, draftSchema, checkDocumentJson, withoutDefaultAudience } =
    await templateKit();
  // Without `audience: null` on every block: a saved template is no larger than before the attribute.
  const json = await context.readDocument(roomName(draftId), (doc) =>
    withoutDefaultAudience(yXmlFragmentToProseMirrorRootNode(draftFragment(doc), draftSchema()).toJSON()),
  );
  const text = JSON.stringify(json);
  const bytes = Buffer.byteLength(text);
  const tooLarge = () =>
    apiError(
      413,
      'payload-too-large',
      `the draft is too large to save as a template (${bytes} bytes; at most ${context.maxTemplateBytes})`,
    );
  if (bytes > context.maxTemplateBytes) return tooLarge();
  const document = DocumentJsonSchema.safeParse(json);
  if (!document.success) return tooLarge(); // more top-level blocks than a template may have
  try {
    checkDocumentJson(document.data);
  } catch (error) {
    // An empty draft (no block at all) is the usual case; ProseMirror says why.
    const reason = error instanceof Error ? error.message : String(error);
    return apiError(400, 'bad-request', `the draft's content cannot be a template: ${reason}`);
  }
  const saved = await context.storage.templates.createTemplate({
    id: newTemplateId(),
    workspaceId,
    name,
    mediaKind: draft.value.mediaKind,
    // One language: what the owner wrote. Both are stored, so a template always has both.
    content: { id: text, en: text },
    createdBy: user.id,
  });
  return { status: 201, body: SaveTemplateResponseSchema.parse({ template: savedInfo(saved) }) };
});
