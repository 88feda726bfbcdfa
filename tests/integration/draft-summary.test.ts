/**
 * The draft list's summary (stage, open feedback, observation notes, follow-up actions) follows
 * what real clients do in the feedback room, offline edits included; it is stored, so it survives
 * a restart and listing hundreds of drafts reads no document. Loads are counted by a thin wrapper
 * around the server's real storage.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedUser } from '../../server/cli/user-commands';
import { SQLITE_FILE_NAME } from '../../server/storage/sqlite/database';
import type { Storage } from '../../server/storage/storage';
import { addAction, addObservation, localDay, moveStage, updateAction } from '../../shared/mentoring/cycle-doc';
import type { Anchor } from '../../shared/mentoring/thread-schema';
import { addThread, type FeedbackAuthor } from '../../shared/mentoring/threads';
import { type DraftSummary, overdueActions } from '../../shared/model/draft-summary';
import { apiPaths, type DraftListItem, DraftListResponseSchema } from '../../shared/protocol/api';
import { roomName } from '../../shared/protocol/rooms';
import { connectClient, destroyAllClients, type SyncClient } from './support/sync-client';
import { startTestServer, type TestServer } from './support/test-server';
import { waitFor } from './support/wait-for';

let server: TestServer;
let teacher: CreatedUser;
let mentor: CreatedUser;
let draftId: string;
let feedbackRoom: string;
/** Every document the server loaded from storage, by room name. */
const loads: string[] = [];

function countingLoads(storage: Storage): Storage {
  return {
    ...storage,
    documents: {
      ...storage.documents,
      loadDocument: (name) => {
        loads.push(name);
        return storage.documents.loadDocument(name);
      },
    },
  };
}

const anchor: Anchor = { start: 'AQID', end: 'AQIE', quote: 'pecahan', prefix: 'Soal ', suffix: ' senilai' };
const author = (user: CreatedUser): FeedbackAuthor => ({ id: user.id, name: user.name });

async function synced(user: CreatedUser): Promise<SyncClient> {
  const client = connectClient(server.url(), feedbackRoom, user.token);
  await client.whenSynced();
  return client;
}

async function listDrafts(user: CreatedUser): Promise<DraftListItem[]> {
  const response = await fetch(`${server.url()}${apiPaths.drafts}`, {
    headers: { authorization: `Bearer ${user.token}` },
  });
  expect(response.status).toBe(200);
  return DraftListResponseSchema.parse(await response.json()).drafts;
}

async function listed(user: CreatedUser, id = draftId): Promise<DraftListItem> {
  const draft = (await listDrafts(user)).find((entry) => entry.id === id);
  if (!draft) throw new Error(`draft ${id} is not in the list of ${user.name}`);
  return draft;
}

/** Every room unloaded (nobody connected), so nothing below is served from a loaded document. */
async function noRoomsLoaded(): Promise<void> {
  destroyAllClients();
  await waitFor(async () => {
    const health = (await (await fetch(`${server.url()}${apiPaths.health}`)).json()) as { rooms: number };
    return health.rooms === 0;
  }, 'every room to unload');
}

beforeAll(async () => {
  server = await startTestServer({ wrapStorage: countingLoads });
  teacher = await server.addUser('Bu Sari');
  mentor = await server.addUser('Pak Budi');
  draftId = (await server.createDraft(teacher.token, 'LKPD pecahan', { templateId: 'builtin-lkpd' })).id;
  feedbackRoom = roomName(draftId, 'mentoring');
  await server.shareDraft(teacher.token, draftId, mentor.token, 'commenter');
});
afterEach(() => destroyAllClients());
afterAll(async () => {
  await server?.dispose();
});

describe('the draft list’s summary', () => {
  let expected: DraftSummary;

  it('follows a mentor’s feedback and offline observation notes and the teacher’s stage moves and plan', async () => {
    const created = await listed(teacher);
    expect(created).toMatchObject({ mediaKind: 'lkpd', openFeedback: 0, summary: { stage: 'needs-analysis' } });

    const teacherSide = await synced(teacher);
    const mentorSide = await synced(mentor);
    const observer = await synced(mentor); // the mentor's phone in the classroom
    addThread(mentorSide.doc, { kind: 'strength', anchor, body: 'Gambar pecahannya jelas.' }, author(mentor));
    const fix1 = addThread(
      mentorSide.doc,
      { kind: 'improvement', anchor, body: 'Tambah soal cerita.' },
      author(mentor),
    );
    const fix2 = addThread(mentorSide.doc, { kind: 'improvement', anchor, body: 'Perjelas petunjuk.' }, author(mentor));
    await waitFor(async () => (await listed(teacher)).openFeedback === 3, 'three open threads in the list');
    expect((await listed(teacher)).updatedAt > created.updatedAt).toBe(true);

    // The phone loses its connection in class; the teacher goes on meanwhile.
    observer.provider.disconnect();
    for (const [body, tag] of [
      ['Siswa antusias menggunting kertas.', 'engagement'],
      ['Petunjuk nomor 3 membingungkan.', 'clarity'],
      ['Waktu kurang 10 menit.', 'time'],
    ] as const) {
      addObservation(observer.doc, { body, tag, tone: tag === 'engagement' ? 'keep' : 'fix' }, author(mentor));
    }
    moveStage(teacherSide.doc, 'try-out', author(teacher));
    await waitFor(async () => (await listed(mentor)).summary.stage === 'try-out', 'the list to show try-out');
    expect((await listed(mentor)).summary.observations).toBe(0);

    observer.provider.connect();
    await waitFor(async () => (await listed(teacher)).summary.observations === 3, 'the offline notes to be counted');

    const last = moveStage(teacherSide.doc, 'follow-up', author(teacher));
    const links = [`thread:${fix1}`, `thread:${fix2}`] as const;
    addAction(
      teacherSide.doc,
      { what: 'Tambah soal cerita', who: 'Bu Sari', due: '2020-01-15', links: [links[0]] },
      author(teacher),
    );
    addAction(
      teacherSide.doc,
      { what: 'Tulis ulang petunjuk', who: 'Bu Sari', due: '2099-12-31', links: [links[1]] },
      author(teacher),
    );
    const done = addAction(
      teacherSide.doc,
      { what: 'Cetak ulang LKPD', who: 'Bu Sari', due: null, links: [] },
      author(teacher),
    );
    updateAction(teacherSide.doc, done.id, { status: 'done' });

    expected = {
      stage: 'follow-up',
      stageChangedAt: last.at,
      openFeedback: 3,
      openStrengths: 1,
      openImprovements: 2,
      observations: 3,
      actionsOpen: 2,
      actionsDone: 1,
      openActionDueDays: ['2020-01-15', '2099-12-31'],
    };
    await waitFor(async () => (await listed(mentor)).summary.actionsDone === 1, 'the plan to be counted');
    const seen = await listed(mentor);
    expect(seen.summary).toEqual(expected);
    expect(seen.openFeedback).toBe(3);
    expect(overdueActions(seen.summary, localDay())).toBe(1);
    expect([...teacherSide.refusals, ...mentorSide.refusals, ...observer.refusals]).toEqual([]);
  });

  it('is stored: after a restart the list shows it without loading the draft’s documents', async () => {
    await noRoomsLoaded();
    await server.stop();
    await server.start();
    loads.length = 0;
    expect((await listed(teacher)).summary).toEqual(expected);
    expect((await listed(mentor)).summary).toEqual(expected);
    expect(loads).toEqual([]);
  });

  it('listing 300 drafts loads no document', async () => {
    const titles = Array.from({ length: 299 }, (_, index) => `Modul ${index + 1}`);
    for (let start = 0; start < titles.length; start += 10) {
      await Promise.all(titles.slice(start, start + 10).map((title) => server.createDraft(teacher.token, title)));
    }
    await noRoomsLoaded();
    loads.length = 0;
    const drafts = await listDrafts(teacher);
    expect(drafts).toHaveLength(300);
    expect(drafts.filter((draft) => draft.summary.stage === 'needs-analysis')).toHaveLength(299);
    expect(drafts.find((draft) => draft.id === draftId)?.summary).toEqual(expected);
    expect(loads).toEqual([]);
  });

  it('a draft from before summaries gets its summary from storage once, at its first listing', async () => {
    await noRoomsLoaded();
    await server.stop();
    // As a database from before this version leaves it: the draft has no summary.
    const db = new Database(join(server.dataDir, SQLITE_FILE_NAME));
    db.prepare('UPDATE drafts SET summary = NULL, summary_seq = NULL WHERE id = ?').run(draftId);
    db.close();
    await server.start();

    loads.length = 0;
    expect((await listed(teacher)).summary).toEqual(expected);
    expect(loads).toEqual([feedbackRoom]);
    expect((await listed(mentor)).summary).toEqual(expected);
    await server.stop();
    await server.start();
    expect((await listed(teacher)).summary).toEqual(expected);
    expect(loads).toEqual([feedbackRoom]);
  });
});
