/** Draft summaries for the lists: kept up to date from the feedback room, computed once for drafts from before, on real SQLite. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DraftSummaries, parseStoredSummary } from '../../../../server/rooms/draft-summaries';
import { openSqliteStorage } from '../../../../server/storage/sqlite/sqlite-storage';
import type { Storage } from '../../../../server/storage/storage';
import { addAction, addObservation, moveStage } from '../../../../shared/mentoring/cycle-doc';
import { addThread, setThreadStatus } from '../../../../shared/mentoring/threads';
import { type DraftSummary, EMPTY_SUMMARY } from '../../../../shared/model/draft-summary';
import { silentLogger } from '../../../support/room-test-support';

const anchor = { start: 'AQID', end: 'AQIE', quote: 'pecahan', prefix: '', suffix: '' };
const teacher = { id: 'user-sari', name: 'Bu Sari' };
const mentor = { id: 'user-budi', name: 'Pak Budi' };
const DRAFT = 'draft-0001';
const FEEDBACK = `${DRAFT}.feedback`;

let dataDir: string;
let storage: Storage;
let loads: string[];
let writes: { draftId: string; seq: number }[];
let summaries: DraftSummaries;

/** The real store, counting what the summaries read and write. */
function counted(real: Storage): Pick<Storage, 'documents' | 'drafts'> {
  return {
    documents: {
      ...real.documents,
      loadDocument: (name) => {
        loads.push(name);
        return real.documents.loadDocument(name);
      },
    },
    drafts: {
      ...real.drafts,
      putSummary: (draftId, json, seq) => {
        writes.push({ draftId, seq });
        return real.drafts.putSummary(draftId, json, seq);
      },
    },
  };
}

async function listed(): Promise<{ id: string; summaryJson: string | null }> {
  const [draft] = await storage.drafts.listDraftsForMember(teacher.id);
  if (!draft) throw new Error('the draft is not listed');
  return draft;
}

/** What a feedback room does: store the update, apply it, then tell the hook. */
async function storeInRoom(room: Y.Doc, change: (doc: Y.Doc) => void): Promise<void> {
  const before = Y.encodeStateVector(room);
  change(room);
  const seq = await storage.documents.appendUpdate(FEEDBACK, Y.encodeStateAsUpdate(room, before));
  summaries.stored({ roomName: FEEDBACK, seq, doc: room });
  await summaries.whenIdle();
}

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'dampingi-summaries-'));
  storage = openSqliteStorage({ dataDir, synchronous: 'NORMAL' });
  await storage.users.createUser(teacher);
  loads = [];
  writes = [];
  summaries = new DraftSummaries({ ...counted(storage), logger: silentLogger });
});
afterEach(async () => {
  await storage.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a draft’s summary follows its feedback room', () => {
  it('each stored feedback update that changes the summary writes it; others write nothing', async () => {
    await storage.drafts.createDraft({ id: DRAFT, title: 'LKPD', ownerId: teacher.id, summaryJson: '{}' });
    const room = new Y.Doc();
    await storeInRoom(room, (doc) => {
      addThread(doc, { kind: 'strength', anchor, body: 'Gambarnya jelas.' }, mentor);
      addThread(doc, { kind: 'improvement', anchor, body: 'Tambah contoh.' }, mentor, new Date(), 'saran-1');
    });
    await storeInRoom(room, (doc) => moveStage(doc, 'try-out', teacher));
    await storeInRoom(room, (doc) => {
      addObservation(doc, { body: 'Siswa antusias.', tag: 'engagement', tone: 'keep' }, mentor);
      addAction(doc, { what: 'Perbaiki contoh', who: 'Bu Sari', due: '2026-01-05', links: [] }, teacher);
      setThreadStatus(doc, 'saran-1', 'resolved', teacher.id);
    });
    expect(writes).toHaveLength(3);
    expect(parseStoredSummary((await listed()).summaryJson)).toMatchObject({
      stage: 'try-out',
      openFeedback: 1,
      openStrengths: 1,
      openImprovements: 0,
      observations: 1,
      actionsOpen: 1,
      openActionDueDays: ['2026-01-05'],
    } satisfies Partial<DraftSummary>);

    // A change that leaves the summary as it is (like a reply), or a content room's update: nothing written.
    await storeInRoom(room, (doc) => doc.getMap('unrelated').set('x', 1));
    summaries.stored({ roomName: DRAFT, seq: 99, doc: room });
    await summaries.whenIdle();
    expect(writes).toHaveLength(3);
    // Once the room was unloaded, its next update writes again (repairing whatever a crash left).
    summaries.unloaded(FEEDBACK);
    await storeInRoom(room, (doc) => doc.getMap('unrelated').set('x', 2));
    expect(writes).toHaveLength(4);
    expect(loads).toEqual([]);
  });

  it('a slow write of an older summary never replaces a newer one', async () => {
    await storage.drafts.createDraft({ id: DRAFT, title: 'LKPD', ownerId: teacher.id });
    const room = new Y.Doc();
    moveStage(room, 'design', teacher);
    summaries.stored({ roomName: FEEDBACK, seq: 5, doc: room });
    const older = new Y.Doc();
    summaries.stored({ roomName: FEEDBACK, seq: 4, doc: older });
    await summaries.whenIdle();
    expect(parseStoredSummary((await listed()).summaryJson)?.stage).toBe('design');
  });
});

describe('a draft from before summaries', () => {
  it('gets its summary computed from storage once, on its first listing', async () => {
    await storage.drafts.createDraft({ id: DRAFT, title: 'Lama', ownerId: teacher.id });
    const old = new Y.Doc();
    addThread(old, { kind: 'improvement', anchor, body: 'Tambah contoh.' }, mentor);
    moveStage(old, 'reflection', teacher);
    await storage.documents.appendUpdate(FEEDBACK, Y.encodeStateAsUpdate(old));

    const first = await listed();
    expect(first.summaryJson).toBeNull();
    // Two lists at once share one load.
    const [a, b] = await Promise.all([summaries.summaryOf(first), summaries.summaryOf(first)]);
    expect(a).toMatchObject({ stage: 'reflection', openFeedback: 1, openImprovements: 1 });
    expect(b).toEqual(a);
    expect(loads).toEqual([FEEDBACK]);

    const again = await listed();
    expect(parseStoredSummary(again.summaryJson)).toEqual(a);
    expect(await summaries.summaryOf(again)).toEqual(a);
    expect(loads).toHaveLength(1);
  });

  it('a stored summary that is no longer valid counts as missing; a draft with no feedback is in its first stage', async () => {
    await storage.drafts.createDraft({ id: DRAFT, title: 'Rusak', ownerId: teacher.id, summaryJson: '{"stage":"x"}' });
    expect(await summaries.summaryOf(await listed())).toEqual(EMPTY_SUMMARY);
    expect(loads).toEqual([FEEDBACK]);
    expect(parseStoredSummary((await listed()).summaryJson)).toEqual(EMPTY_SUMMARY);
  });

  it('an unreadable feedback document lists as the first stage, is not stored, and is tried again', async () => {
    await storage.drafts.createDraft({ id: DRAFT, title: 'Lama', ownerId: teacher.id });
    const failing = new DraftSummaries({
      ...counted(storage),
      documents: {
        loadDocument: async () => {
          throw new Error('disk on fire');
        },
      },
      logger: silentLogger,
    });
    expect(await failing.summaryOf(await listed())).toEqual(EMPTY_SUMMARY);
    expect((await listed()).summaryJson).toBeNull();
    expect(writes).toEqual([]);
  });
});
