/**
 * Drafts start from templates: a built-in one in Bahasa Indonesia or English, or one a teacher saved
 * from their own draft into their school's workspace. Through the real API and stock y-websocket
 * clients, which see the template's text in the new draft.
 */

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CreatedUser } from '../../server/cli/user-commands';
import { draftPlainText } from '../../shared/model/draft-doc';
import { DRAFT_CONTENT_FIELD } from '../../shared/model/draft-extensions';
import {
  ApiErrorResponseSchema,
  apiPaths,
  DraftInfoSchema,
  SaveTemplateResponseSchema,
  type TemplateInfo,
  TemplateListResponseSchema,
} from '../../shared/protocol/api';
import { builtinTemplates } from '../../shared/templates/builtin-templates';
import { startingText } from './support/draft-start';
import { connectClient, destroyAllClients, type SyncClient } from './support/sync-client';
import { startTestServer, type TestServer } from './support/test-server';
import { waitFor } from './support/wait-for';

/** Small, so one long paragraph is over it. */
const MAX_TEMPLATE_BYTES = 8 * 1024;

let server: TestServer;
let teacher: CreatedUser;
let colleague: CreatedUser;
let mentor: CreatedUser;
let outsider: CreatedUser;
let school: string;
let otherSchool: string;

async function call(user: CreatedUser, path: string, body?: unknown) {
  const response = await fetch(`${server.url()}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${user.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

function errorOf(reply: { body: unknown }) {
  return ApiErrorResponseSchema.parse(reply.body).error;
}

/** A client that has never seen the draft: everything it shows came from the server. */
async function freshText(user: CreatedUser, draftId: string): Promise<string> {
  const client = connectClient(server.url(), draftId, user.token);
  await client.whenSynced();
  const text = draftPlainText(client.doc);
  client.destroy();
  return text;
}

async function templatesOf(user: CreatedUser): Promise<TemplateInfo[]> {
  const reply = await call(user, apiPaths.templates);
  expect(reply.status).toBe(200);
  return TemplateListResponseSchema.parse(reply.body).templates;
}

function appendParagraph(client: SyncClient, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const fragment = client.doc.getXmlFragment(DRAFT_CONTENT_FIELD);
  fragment.insert(fragment.length, [paragraph]);
}

beforeAll(async () => {
  server = await startTestServer({ overrides: { maxTemplateBytes: MAX_TEMPLATE_BYTES } });
  teacher = await server.addUser('Bu Sari');
  colleague = await server.addUser('Bu Rina');
  mentor = await server.addUser('Pak Budi');
  outsider = await server.addUser('Pak Joko');
  school = await server.addWorkspace('SDN 1 Sukamaju', [teacher.id, colleague.id, mentor.id]);
  otherSchool = await server.addWorkspace('SDN 2 Sukamaju', [outsider.id]);
});
afterEach(() => destroyAllClients());
afterAll(async () => {
  await server?.dispose();
});

describe('built-in templates', () => {
  it('every built-in template is offered, and nothing of a workspace yet', async () => {
    const offered = await templatesOf(teacher);
    expect(offered.map((template) => template.id)).toEqual(builtinTemplates.map((template) => template.id));
    expect(offered.map((template) => template.id)).toContain('builtin-lkpd');
    expect(offered.every((template) => template.workspaceId === null)).toBe(true);
  });

  it('a draft made from the LKPD template opens with its text, in Bahasa Indonesia or in English', async () => {
    const inIndonesian = await server.createDraft(teacher.token, 'LKPD pecahan', { templateId: 'builtin-lkpd' });
    expect(inIndonesian.mediaKind).toBe('lkpd');
    const indonesian = await freshText(teacher, inIndonesian.id);
    expect(indonesian).toBe(startingText('builtin-lkpd', 'id'));
    expect(indonesian).toContain('Analisis kebutuhan');

    const inEnglish = await server.createDraft(teacher.token, 'Fractions worksheet', {
      templateId: 'builtin-lkpd',
      language: 'en',
    });
    const english = await freshText(teacher, inEnglish.id);
    expect(english).toBe(startingText('builtin-lkpd', 'en'));
    expect(english).not.toBe(indonesian);
  });

  it('a draft made over the API without naming a template is empty "other" media; the blank template is not empty', async () => {
    const draft = await server.createDraft(teacher.token, 'Catatan');
    expect(draft.mediaKind).toBe('blank');
    expect(await freshText(teacher, draft.id)).toBe('');
    const blank = await server.createDraft(teacher.token, 'Catatan', { templateId: 'builtin-blank' });
    expect(await freshText(teacher, blank.id)).toBe(startingText('builtin-blank', 'id'));
    expect(startingText('builtin-blank', 'id')).toContain('Analisis kebutuhan');
  });

  it('an unknown template is refused with a message saying so, and no draft is made', async () => {
    const before = (await call(teacher, apiPaths.drafts)).body;
    const unknown = await call(teacher, apiPaths.drafts, { title: 'X', templateId: 'builtin-rapor' });
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown).message).toMatch(/no built-in template "builtin-rapor"/);
    const malformed = await call(teacher, apiPaths.drafts, { title: 'X', templateId: 'Modul Ajar!' });
    expect(malformed.status).toBe(400);
    expect((await call(teacher, apiPaths.drafts)).body).toEqual(before);
  });
});

describe('a workspace’s own templates', () => {
  let source: string;
  let saved: TemplateInfo;

  it('the teacher saves her draft, as it is in the open editor, as a template of her school', async () => {
    source = (await server.createDraft(teacher.token, 'LKPD pecahan 5B', { templateId: 'builtin-lkpd' })).id;
    const editing = connectClient(server.url(), source, teacher.token);
    await editing.whenSynced();
    appendParagraph(editing, 'Langkah 1: Potong kertas menjadi empat bagian sama besar.');
    await waitFor(
      async () => (await server.storedDocument(source))?.updates.length === 2,
      'the teacher’s paragraph to be stored',
    );

    const reply = await call(teacher, apiPaths.templates, {
      draftId: source,
      workspaceId: school,
      name: 'LKPD pecahan kita',
    });
    expect(reply.status).toBe(201);
    saved = SaveTemplateResponseSchema.parse(reply.body).template;
    expect(saved).toMatchObject({
      mediaKind: 'lkpd',
      name: { id: 'LKPD pecahan kita', en: 'LKPD pecahan kita' },
      workspaceId: school,
    });
    expect(saved.id).toMatch(/^ws-[a-z0-9]+$/);
  });

  it('members of the school see it offered; someone of another school does not', async () => {
    expect((await templatesOf(colleague)).map((template) => template.id)).toContain(saved.id);
    expect((await templatesOf(colleague)).at(-1)).toEqual(saved);
    expect((await templatesOf(outsider)).map((template) => template.id)).not.toContain(saved.id);
  });

  it('a colleague’s draft from it opens with the teacher’s text, in either language', async () => {
    const expected = `${startingText('builtin-lkpd', 'id')}\nLangkah 1: Potong kertas menjadi empat bagian sama besar.`;
    for (const language of ['id', 'en'] as const) {
      const draft = await server.createDraft(colleague.token, 'LKPD pecahan 5C', { templateId: saved.id, language });
      expect(draft).toMatchObject({ mediaKind: 'lkpd', ownerId: colleague.id });
      expect(await freshText(colleague, draft.id)).toBe(expected);
    }
  });

  it('someone of another school may not start from it', async () => {
    const reply = await call(outsider, apiPaths.drafts, { title: 'Salinan', templateId: saved.id });
    expect(reply.status).toBe(403);
    expect(errorOf(reply).message).toBe('that template belongs to a workspace you are not a member of');
    const missing = await call(outsider, apiPaths.drafts, { title: 'Salinan', templateId: 'ws-0000000000' });
    expect(missing.status).toBe(404);
  });

  it('only the draft’s owner may save it, and only into a workspace she belongs to', async () => {
    await server.shareDraft(teacher.token, source, mentor.token, 'commenter');
    const byMentor = await call(mentor, apiPaths.templates, {
      draftId: source,
      workspaceId: school,
      name: 'Punya saya',
    });
    expect(byMentor.status).toBe(403);
    expect(errorOf(byMentor).message).toBe('only the owner of the draft may save it as a template');

    const elsewhere = await call(teacher, apiPaths.templates, { draftId: source, workspaceId: otherSchool, name: 'X' });
    expect(elsewhere.status).toBe(403);
    expect(errorOf(elsewhere).message).toBe('you are not a member of that workspace');

    const notHers = await call(outsider, apiPaths.templates, { draftId: source, workspaceId: otherSchool, name: 'X' });
    expect(notHers.status).toBe(404);
    const offered = [...(await templatesOf(teacher)), ...(await templatesOf(outsider))];
    expect(offered.filter((template) => template.workspaceId !== null).map((template) => template.id)).toEqual([
      saved.id,
    ]);
  });

  it('a draft saved with nobody editing it is read from storage', async () => {
    await waitFor(async () => {
      const health = (await (await fetch(`${server.url()}${apiPaths.health}`)).json()) as { rooms: number };
      return health.rooms === 0;
    }, 'every room to unload');
    const reply = await call(teacher, apiPaths.templates, { draftId: source, workspaceId: school, name: 'Dari arsip' });
    expect(reply.status).toBe(201);
    const fromStorage = SaveTemplateResponseSchema.parse(reply.body).template;
    const draft = DraftInfoSchema.parse(
      (await call(teacher, apiPaths.drafts, { title: 'Dari arsip', templateId: fromStorage.id })).body,
    );
    expect(await freshText(teacher, draft.id)).toContain('Langkah 1: Potong kertas');
  });

  it('a draft too large for a template is refused with 413 and says how large it may be', async () => {
    const big = (await server.createDraft(teacher.token, 'Bahan bacaan panjang')).id;
    const editing = connectClient(server.url(), big, teacher.token);
    await editing.whenSynced();
    appendParagraph(editing, 'Fotosintesis adalah proses tumbuhan membuat makanan. '.repeat(200));
    await waitFor(
      async () => ((await server.storedDocument(big))?.updates.length ?? 0) >= 1,
      'the long text to be stored',
    );
    const reply = await call(teacher, apiPaths.templates, { draftId: big, workspaceId: school, name: 'Terlalu besar' });
    expect(reply.status).toBe(413);
    expect(errorOf(reply)).toMatchObject({ code: 'payload-too-large' });
    expect(errorOf(reply).message).toMatch(`at most ${MAX_TEMPLATE_BYTES}`);
  });
});
