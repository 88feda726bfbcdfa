/**
 * The per-draft summary the overviews read: recomputed from the feedback document, it must be the
 * same whatever order concurrent and offline changes arrive in, since every server computes it
 * from whatever it has merged so far.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAction,
  addObservation,
  deleteObservation,
  moveStage,
  updateAction,
} from '../../shared/mentoring/cycle-doc';
import { threadRef } from '../../shared/mentoring/cycle-schema';
import { summarizeMentoringDoc } from '../../shared/mentoring/summary';
import type { Anchor } from '../../shared/mentoring/thread-schema';
import { addThread, setThreadStatus } from '../../shared/mentoring/threads';
import { DraftSummarySchema, EMPTY_SUMMARY, overdueActions } from '../../shared/model/draft-summary';

const teacher = { id: 'u-sari', name: 'Bu Sari' };
const mentor = { id: 'u-budi', name: 'Pak Budi' };
const anchor: Anchor = { start: 'AQID', end: 'AQIE', quote: 'pecahan', prefix: '', suffix: '' };

const sync = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));

describe('draft summary', () => {
  it('an empty feedback document is a draft in its first stage with nothing open', () => {
    expect(summarizeMentoringDoc(new Y.Doc())).toEqual(EMPTY_SUMMARY);
  });

  it('counts open feedback by kind, notes, actions and due days; follows the last stage move', () => {
    const doc = new Y.Doc();
    const strength = addThread(doc, { kind: 'strength', anchor, body: 'Bagus' }, mentor);
    addThread(doc, { kind: 'improvement', anchor, body: 'Perjelas' }, mentor);
    const resolved = addThread(doc, { kind: 'improvement', anchor, body: 'Tambah gambar' }, mentor);
    setThreadStatus(doc, resolved, 'resolved', teacher.id);
    const note = addObservation(doc, { body: 'Waktu kurang', tag: 'time', tone: 'fix' }, mentor);
    addObservation(doc, { body: 'Antusias', tag: 'engagement', tone: 'keep' }, mentor);
    deleteObservation(doc, note.id);
    moveStage(doc, 'design', teacher, '', new Date('2026-12-01T08:00:00Z'));
    moveStage(doc, 'try-out', teacher, '', new Date('2026-12-02T08:00:00Z'));
    addAction(doc, { what: 'A', who: 'Bu Sari', due: '2026-12-10', links: [threadRef(strength)] }, teacher);
    addAction(doc, { what: 'B', who: 'Bu Sari', due: '2026-12-03', links: [] }, teacher);
    const done = addAction(doc, { what: 'C', who: '', due: '2026-11-30', links: [] }, teacher);
    updateAction(doc, done.id, { status: 'done' });
    addAction(doc, { what: 'D', who: '', due: null, links: [] }, teacher);

    const summary = summarizeMentoringDoc(doc);
    expect(DraftSummarySchema.parse(summary)).toEqual(summary);
    expect(summary).toEqual({
      stage: 'try-out',
      stageChangedAt: '2026-12-02T08:00:00.000Z',
      openFeedback: 2,
      openStrengths: 1,
      openImprovements: 1,
      observations: 1,
      actionsOpen: 3,
      actionsDone: 1,
      openActionDueDays: ['2026-12-03', '2026-12-10'],
    });
    expect(overdueActions(summary, '2026-12-04')).toBe(1);
    expect(overdueActions(summary, '2026-12-11')).toBe(2);
    expect(overdueActions(summary, '2026-12-03')).toBe(0);
  });

  it('is the same on every replica once concurrent and offline changes have merged, in any order', () => {
    const server = new Y.Doc();
    const teacherDoc = new Y.Doc();
    const mentorDoc = new Y.Doc();
    const offlinePhone = new Y.Doc();
    // Shared start: the draft is in try-out.
    moveStage(server, 'try-out', teacher);
    for (const replica of [teacherDoc, mentorDoc, offlinePhone]) sync(server, replica);

    // Concurrently: the mentor gives feedback online, the phone (offline) takes three notes,
    // the teacher moves on and plans.
    addThread(mentorDoc, { kind: 'strength', anchor, body: 'Bagus' }, mentor);
    addThread(mentorDoc, { kind: 'improvement', anchor, body: 'Perjelas langkah 2' }, mentor);
    for (const body of ['Siswa bingung', 'Waktu habis', 'Diskusi hidup']) {
      addObservation(offlinePhone, { body, tag: 'clarity', tone: body === 'Diskusi hidup' ? 'keep' : 'fix' }, mentor);
    }
    moveStage(teacherDoc, 'reflection', teacher);
    addAction(teacherDoc, { what: 'Revisi petunjuk', who: 'Bu Sari', due: '2026-12-01', links: [] }, teacher);

    // Online clients reach the server first; the phone comes back later.
    sync(mentorDoc, server);
    sync(teacherDoc, server);
    const beforePhone = summarizeMentoringDoc(server);
    expect(beforePhone).toMatchObject({ stage: 'reflection', openFeedback: 2, observations: 0, actionsOpen: 1 });
    sync(offlinePhone, server);
    const merged = summarizeMentoringDoc(server);
    expect(merged).toMatchObject({ stage: 'reflection', openFeedback: 2, observations: 3, actionsOpen: 1 });

    // Replicas that merge in another order arrive at the same summary.
    const other = new Y.Doc();
    for (const replica of [offlinePhone, teacherDoc, mentorDoc, server]) sync(replica, other);
    expect(summarizeMentoringDoc(other)).toEqual(merged);
    // Delivering an update twice changes nothing.
    sync(offlinePhone, other);
    expect(summarizeMentoringDoc(other)).toEqual(merged);
  });
});
