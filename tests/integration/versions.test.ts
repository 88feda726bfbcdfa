/**
 * Versions of a draft on the real server with stock y-websocket clients: saved by hand and listed
 * with who, when and feedback counts, read back as the content was; refused for a mentor
 * (commenter) and a viewer; saved by the server itself when a real client moves the stage, once per
 * move; and a restore recorded first, so the content before it stays in the list.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CreatedUser } from '../../server/cli/user-commands';
import { base64ToBytes } from '../../shared/encoding/base64';
import { moveStage } from '../../shared/mentoring/cycle-doc';
import type { Anchor } from '../../shared/mentoring/thread-schema';
import { addThread, readThreads, setThreadStatus } from '../../shared/mentoring/threads';
import { draftFragment, draftPlainText } from '../../shared/model/draft-doc';
import { apiPaths } from '../../shared/protocol/api';
import { roomName } from '../../shared/protocol/rooms';
import { restoreVersion, versionDocument } from '../../shared/versions/version-content';
import {
  type VersionInfo,
  VersionListResponseSchema,
  VersionResponseSchema,
  VersionStateResponseSchema,
} from '../../shared/versions/version-schema';
import { connectClient, destroyAllClients, type SyncClient } from './support/sync-client';
import { startTestServer, type TestServer } from './support/test-server';
import { waitFor } from './support/wait-for';

let server: TestServer;
let owner: CreatedUser;
let editor: CreatedUser;
let mentor: CreatedUser;
let viewer: CreatedUser;
let outsider: CreatedUser;

const by = (user: CreatedUser) => ({ id: user.id, name: user.name });
const anchor: Anchor = { start: 'AQID', end: 'AQIE', quote: 'pecahan', prefix: 'Soal ', suffix: ' senilai' };

async function api(user: CreatedUser, path: string, init: { method?: string; body?: unknown } = {}) {
  const response = await fetch(`${server.url()}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${user.token}`,
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

async function newDraft(title: string): Promise<string> {
  const draft = await server.createDraft(owner.token, title, { templateId: 'builtin-lkpd' });
  for (const [member, role] of [
    [editor, 'editor'],
    [mentor, 'commenter'],
    [viewer, 'viewer'],
  ] as const) {
    await server.shareDraft(owner.token, draft.id, member.token, role);
  }
  return draft.id;
}

async function synced(user: CreatedUser, room: string): Promise<SyncClient> {
  const client = connectClient(server.url(), room, user.token);
  await client.whenSynced();
  return client;
}

function appendParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  draftFragment(doc).push([paragraph]);
}

async function storedText(draftId: string): Promise<string> {
  const doc = new Y.Doc();
  const stored = await server.storedDocument(roomName(draftId));
  if (stored?.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const { update } of stored?.updates ?? []) Y.applyUpdate(doc, update);
  return draftPlainText(doc);
}

async function typeAndStore(client: SyncClient, draftId: string, text: string): Promise<void> {
  appendParagraph(client.doc, text);
  await waitFor(async () => (await storedText(draftId)).endsWith(text), `“${text}” to be stored`);
}

async function listVersions(user: CreatedUser, draftId: string): Promise<VersionInfo[]> {
  const { status, body } = await api(user, apiPaths.versions(draftId));
  expect(status).toBe(200);
  return VersionListResponseSchema.parse(body).versions;
}

async function versionText(user: CreatedUser, draftId: string, versionId: string): Promise<string> {
  const { status, body } = await api(user, apiPaths.version(draftId, versionId));
  expect(status).toBe(200);
  const { state } = VersionStateResponseSchema.parse(body);
  const root = versionDocument(base64ToBytes(state));
  return root.textBetween(0, root.content.size, '\n', '\n');
}

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.addUser('Bu Sari');
  editor = await server.addUser('Bu Rina');
  mentor = await server.addUser('Pak Budi');
  viewer = await server.addUser('Bu Ani');
  outsider = await server.addUser('Orang Lain');
});
afterEach(() => destroyAllClients());
afterAll(async () => {
  await server?.dispose();
});

describe('saving and reading versions', () => {
  it('a named version keeps the content as it was, with who, when and the open and resolved feedback', async () => {
    const draftId = await newDraft('LKPD pecahan');
    const teacher = await synced(owner, roomName(draftId));
    const mentorFeedback = await synced(mentor, roomName(draftId, 'mentoring'));
    const teacherFeedback = await synced(owner, roomName(draftId, 'mentoring'));
    await typeAndStore(teacher, draftId, 'Soal 1: bandingkan 1/2 dan 2/4.');
    const kept = addThread(mentorFeedback.doc, { kind: 'strength', anchor, body: 'Bagus.' }, by(mentor));
    addThread(mentorFeedback.doc, { kind: 'improvement', anchor, body: 'Tambah soal cerita.' }, by(mentor));
    await waitFor(() => teacherFeedback.doc.getMap('threads').size === 2, 'both threads to reach the teacher');
    setThreadStatus(teacherFeedback.doc, kept, 'resolved', owner.id);
    // The server applies a change before relaying it: once the mentor sees the resolve, the server has it.
    await waitFor(
      () => readThreads(mentorFeedback.doc).threads.find((thread) => thread.id === kept)?.status === 'resolved',
      'the resolve to reach the mentor through the server',
    );
    const before = new Date().toISOString();
    const saved = await api(editor, apiPaths.versions(draftId), { method: 'POST', body: { name: 'Draf awal' } });
    expect(saved.status).toBe(201);
    expect(VersionResponseSchema.parse(saved.body).version.feedback.resolved).toBe(1);

    const [version] = await listVersions(viewer, draftId);
    expect(version).toMatchObject({
      name: 'Draf awal',
      kind: 'manual',
      createdBy: { id: editor.id, name: 'Bu Rina' },
      feedback: { open: 1, resolved: 1 },
      sameAs: null,
    });
    expect(version && version.createdAt >= before.slice(0, 19)).toBe(true);
    const textThen = await storedText(draftId);
    expect(await versionText(viewer, draftId, version?.id ?? '')).toBe(textThen);

    // Later edits do not touch it; a version saved without a change refers to the same state.
    await typeAndStore(teacher, draftId, 'Soal 2: urutkan pecahan.');
    expect(await versionText(owner, draftId, version?.id ?? '')).toBe(textThen);
    const second = VersionResponseSchema.parse(
      (await api(owner, apiPaths.versions(draftId), { method: 'POST', body: { name: 'Dengan soal 2' } })).body,
    ).version;
    const third = VersionResponseSchema.parse(
      (await api(owner, apiPaths.versions(draftId), { method: 'POST', body: { name: 'Tanpa perubahan' } })).body,
    ).version;
    expect(third.sameAs).toBe(second.id);
    expect(await versionText(owner, draftId, third.id)).toBe(await storedText(draftId));
    expect((await listVersions(mentor, draftId)).slice(0, 3).map((entry) => entry.name)).toEqual([
      'Tanpa perubahan',
      'Dengan soal 2',
      'Draf awal',
    ]);
  });

  it('a mentor and a viewer may read versions but not save or restore them; a non-member sees no draft', async () => {
    const draftId = await newDraft('Modul ajar');
    const saved = VersionResponseSchema.parse(
      (await api(owner, apiPaths.versions(draftId), { method: 'POST', body: { name: 'Versi 1' } })).body,
    ).version;
    for (const user of [mentor, viewer]) {
      const save = await api(user, apiPaths.versions(draftId), { method: 'POST', body: { name: 'Punya saya' } });
      expect(save.status).toBe(403);
      expect(save.body).toMatchObject({ error: { code: 'forbidden' } });
      const restore = await api(user, apiPaths.restoreVersion(draftId, saved.id), { method: 'POST' });
      expect(restore.status).toBe(403);
      expect((await listVersions(user, draftId)).map((entry) => entry.id)).toEqual([saved.id]);
    }
    expect((await api(outsider, apiPaths.versions(draftId))).status).toBe(404);
    expect((await api(outsider, apiPaths.version(draftId, saved.id))).status).toBe(404);
    expect((await api(owner, apiPaths.version(draftId, 'v-doesnotexist'))).status).toBe(404);
    const empty = await api(owner, apiPaths.versions(draftId), { method: 'POST', body: { name: '  ' } });
    expect(empty.status).toBe(400);

    // Restoring is a content edit: a viewer's attempt through sync is refused, nothing stored.
    const textBefore = await storedText(draftId);
    const viewerSide = await synced(viewer, roomName(draftId));
    const { body } = await api(viewer, apiPaths.version(draftId, saved.id));
    const old = versionDocument(base64ToBytes(VersionStateResponseSchema.parse(body).state));
    appendParagraph(viewerSide.doc, 'Ditambahkan pembaca');
    restoreVersion(viewerSide.doc, old);
    await waitFor(() => viewerSide.refusals.length > 0, 'the server to refuse the viewer’s restore');
    expect(viewerSide.refusals[0]).toMatchObject({ code: 'read-only', role: 'viewer' });
    expect(await storedText(draftId)).toBe(textBefore);
    expect(await listVersions(owner, draftId)).toHaveLength(1);
  });

  it('recording a restore keeps the content as it was before it, naming the restored version', async () => {
    const draftId = await newDraft('Bahan bacaan');
    const teacher = await synced(owner, roomName(draftId));
    const saved = VersionResponseSchema.parse(
      (await api(owner, apiPaths.versions(draftId), { method: 'POST', body: { name: 'Sebelum revisi' } })).body,
    ).version;
    await typeAndStore(teacher, draftId, 'Revisi yang nanti dibatalkan.');
    const textBeforeRestore = await storedText(draftId);
    const record = await api(editor, apiPaths.restoreVersion(draftId, saved.id), { method: 'POST' });
    expect(record.status).toBe(201);
    const entry = VersionResponseSchema.parse(record.body).version;
    expect(entry).toMatchObject({
      kind: 'restore',
      name: null,
      restoredFrom: saved.id,
      createdBy: { name: 'Bu Rina' },
    });
    expect(await versionText(owner, draftId, entry.id)).toBe(textBeforeRestore);
    expect((await api(owner, apiPaths.restoreVersion(draftId, 'v-doesnotexist'), { method: 'POST' })).status).toBe(404);
  });
});

describe('a version at each stage move', () => {
  it('a teacher’s stage move made by a real client saves the content of that moment once, named by its stages', async () => {
    const draftId = await newDraft('LKPD uji coba');
    const teacher = await synced(owner, roomName(draftId));
    const teacherFeedback = await synced(owner, roomName(draftId, 'mentoring'));
    const coTeacherFeedback = await synced(editor, roomName(draftId, 'mentoring'));
    await typeAndStore(teacher, draftId, 'Siap untuk uji coba.');
    const textAtMove = await storedText(draftId);

    const move = moveStage(teacherFeedback.doc, 'design', by(owner), 'Rancangan dimulai');
    await waitFor(async () => (await listVersions(owner, draftId)).length === 1, 'the stage version to be saved');
    const [atMove] = await listVersions(owner, draftId);
    expect(atMove).toMatchObject({
      kind: 'stage',
      name: null,
      fromStage: 'needs-analysis',
      toStage: 'design',
      createdBy: { id: owner.id, name: 'Bu Sari' },
    });
    expect(move.to).toBe('design');
    expect(await versionText(owner, draftId, atMove?.id ?? '')).toBe(textAtMove);

    // More feedback updates and content edits after the move save nothing more.
    addThread(coTeacherFeedback.doc, { kind: 'strength', anchor, body: 'Rapi.' }, by(editor));
    await typeAndStore(teacher, draftId, 'Langkah setelah pindah tahap.');
    await waitFor(() => teacherFeedback.doc.getMap('threads').size === 1, 'the thread to go through the room');
    expect(await listVersions(owner, draftId)).toHaveLength(1);

    // The co-teacher moves it on: a second version, in the mover's name.
    moveStage(coTeacherFeedback.doc, 'try-out', by(editor));
    await waitFor(async () => (await listVersions(owner, draftId)).length === 2, 'the second stage version');
    const [latest] = await listVersions(owner, draftId);
    expect(latest).toMatchObject({
      kind: 'stage',
      fromStage: 'design',
      toStage: 'try-out',
      createdBy: { name: 'Bu Rina' },
      feedback: { open: 1, resolved: 0 },
    });
    expect(await versionText(owner, draftId, latest?.id ?? '')).toBe(await storedText(draftId));

    // A restart reloads the feedback room at its current stage: no version for an old move.
    destroyAllClients();
    await server.stop();
    await server.start();
    const again = await synced(owner, roomName(draftId, 'mentoring'));
    addThread(again.doc, { kind: 'improvement', anchor, body: 'Setelah restart.' }, by(owner));
    const other = await synced(mentor, roomName(draftId, 'mentoring'));
    await waitFor(() => other.doc.getMap('threads').size === 2, 'the new thread to go through the room');
    expect(await listVersions(owner, draftId)).toHaveLength(2);
  });
});
