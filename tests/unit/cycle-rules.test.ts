/**
 * The server's rules for the mentoring cycle in the feedback document: stage moves by the table,
 * observation notes in one's own name, reflection and plan by those who may edit the draft. Each
 * case makes the update the way a client (honest or not) would, on its own copy of the document.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAction,
  addObservation,
  currentStage,
  deleteObservation,
  editObservation,
  moveStage,
  observationsMap,
  readObservations,
  removeAction,
  setItemReflection,
  setOverallReflection,
  stageMovesArray,
  updateAction,
} from '../../shared/mentoring/cycle-doc';
import { threadRef } from '../../shared/mentoring/cycle-schema';
import { checkMentoringUpdate as checkFeedbackUpdate } from '../../shared/mentoring/mentoring-checker';
import type { FeedbackActor } from '../../shared/mentoring/thread-rules';
import { attemptFeedbackChange } from './support/feedback-attempt';

const teacher = { id: 'u-sari', name: 'Bu Sari' };
const coTeacher = { id: 'u-rina', name: 'Bu Rina' };
const mentor = { id: 'u-budi', name: 'Pak Budi' };
const peer = { id: 'u-eko', name: 'Pak Eko' };
const as = {
  owner: { userId: teacher.id, name: teacher.name, role: 'owner' } as FeedbackActor,
  editor: { userId: coTeacher.id, name: coTeacher.name, role: 'editor' } as FeedbackActor,
  mentor: { userId: mentor.id, name: mentor.name, role: 'commenter' } as FeedbackActor,
  peer: { userId: peer.id, name: peer.name, role: 'commenter' } as FeedbackActor,
};

/** Checks the change as the server would, and applies it when accepted (as the server would). */
function attempt(server: Y.Doc, actor: FeedbackActor, change: (copy: Y.Doc) => void) {
  const { result, apply } = attemptFeedbackChange(server, actor, change);
  if (result.ok) apply();
  return result;
}

describe('stage moves', () => {
  it('the owner moves forward and back; the history keeps who, when and the note', () => {
    const server = new Y.Doc();
    expect(attempt(server, as.owner, (doc) => moveStage(doc, 'design', teacher, 'Analisis selesai'))).toEqual({
      ok: true,
    });
    expect(attempt(server, as.owner, (doc) => moveStage(doc, 'try-out', teacher))).toEqual({ ok: true });
    expect(attempt(server, as.owner, (doc) => moveStage(doc, 'design', teacher, 'Perlu revisi dulu'))).toEqual({
      ok: true,
    });
    expect(currentStage(server)).toBe('design');
    expect(
      stageMovesArray(server)
        .toJSON()
        .map((move) => (move as { note: string }).note),
    ).toEqual(['Analisis selesai', '', 'Perlu revisi dulu']);
  });

  it('an editor moves forward but not back; a commenter not at all', () => {
    const server = new Y.Doc();
    expect(attempt(server, as.editor, (doc) => moveStage(doc, 'design', coTeacher))).toEqual({ ok: true });
    expect(attempt(server, as.editor, (doc) => moveStage(doc, 'needs-analysis', coTeacher))).toMatchObject({
      ok: false,
      reason: 'may-not-move-stage',
    });
    expect(attempt(server, as.mentor, (doc) => moveStage(doc, 'try-out', mentor))).toMatchObject({
      ok: false,
      reason: 'may-not-move-stage',
    });
    expect(currentStage(server)).toBe('design');
  });

  it('a move in someone else\u2019s name, a removed or rewritten history entry are refused', () => {
    const server = new Y.Doc();
    attempt(server, as.owner, (doc) => moveStage(doc, 'design', teacher));
    expect(attempt(server, as.editor, (doc) => moveStage(doc, 'try-out', teacher))).toMatchObject({
      ok: false,
      reason: 'not-your-feedback',
    });
    expect(attempt(server, as.owner, (doc) => stageMovesArray(doc).delete(0, 1))).toMatchObject({
      ok: false,
      reason: 'may-not-remove',
    });
    expect(
      attempt(server, as.owner, (doc) => {
        const [first] = stageMovesArray(doc).toArray() as Array<Record<string, unknown>>;
        doc.transact(() => {
          stageMovesArray(doc).delete(0, 1);
          stageMovesArray(doc).insert(0, [{ ...first, note: 'ditulis ulang' }]);
        });
      }),
    ).toMatchObject({ ok: false, reason: 'may-not-remove' });
    expect(
      attempt(server, as.owner, (doc) =>
        stageMovesArray(doc).push([{ id: 'x', from: 'design', to: 'nowhere', byId: teacher.id }]),
      ),
    ).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('concurrent moves made offline by owner and editor both stay in the history', () => {
    const server = new Y.Doc();
    const ownerCopy = new Y.Doc();
    const editorCopy = new Y.Doc();
    moveStage(ownerCopy, 'design', teacher);
    moveStage(editorCopy, 'design', coTeacher);
    for (const [copy, actor] of [
      [ownerCopy, as.owner],
      [editorCopy, as.editor],
    ] as const) {
      const update = Y.encodeStateAsUpdate(copy);
      expect(checkFeedbackUpdate(server, update, actor)).toEqual({ ok: true });
      Y.applyUpdate(server, update);
    }
    expect(stageMovesArray(server).length).toBe(2);
    expect(currentStage(server)).toBe('design');
  });
});

describe('observation notes', () => {
  const note = { body: 'Siswa antusias saat diskusi kelompok.', tag: 'engagement', tone: 'keep' } as const;

  it('a mentor adds, edits and deletes (as a tombstone) their own note', () => {
    const server = new Y.Doc();
    let id = '';
    expect(
      attempt(server, as.mentor, (doc) => {
        id = addObservation(doc, note, mentor).id;
      }),
    ).toEqual({ ok: true });
    expect(attempt(server, as.mentor, (doc) => editObservation(doc, id, { tag: 'time' }))).toEqual({ ok: true });
    expect(attempt(server, as.mentor, (doc) => deleteObservation(doc, id))).toEqual({ ok: true });
    expect(readObservations(server)).toEqual([]);
    expect(observationsMap(server).has(id)).toBe(true);
  });

  it('nobody writes, changes or removes a note in someone else\u2019s name', () => {
    const server = new Y.Doc();
    let id = '';
    attempt(server, as.mentor, (doc) => {
      id = addObservation(doc, note, mentor).id;
    });
    expect(attempt(server, as.peer, (doc) => addObservation(doc, note, mentor))).toMatchObject({
      ok: false,
      reason: 'not-your-feedback',
    });
    expect(attempt(server, as.owner, (doc) => editObservation(doc, id, { body: 'diubah' }))).toMatchObject({
      ok: false,
      reason: 'not-your-feedback',
    });
    expect(attempt(server, as.mentor, (doc) => observationsMap(doc).delete(id))).toMatchObject({
      ok: false,
      reason: 'may-not-remove',
    });
    expect(readObservations(server).map((entry) => entry.body)).toEqual([note.body]);
  });

  it('a photo must be a small base64 image; anything else is malformed', () => {
    const server = new Y.Doc();
    expect(
      attempt(server, as.mentor, (doc) =>
        addObservation(doc, { ...note, photo: 'data:image/jpeg;base64,/9j/4AAQ' }, mentor),
      ),
    ).toEqual({ ok: true });
    expect(
      attempt(server, as.mentor, (doc) =>
        addObservation(doc, { ...note, photo: 'data:image/svg+xml;base64,PHN2Zz4=' }, mentor),
      ),
    ).toMatchObject({ ok: false, reason: 'malformed' });
    expect(
      attempt(server, as.mentor, (doc) =>
        addObservation(doc, { ...note, photo: `data:image/jpeg;base64,${'A'.repeat(400_001)}` }, mentor),
      ),
    ).toMatchObject({ ok: false, reason: 'malformed' });
  });
});

describe('reflection and follow-up plan', () => {
  it('the owner writes reflections and actions; a mentor may not', () => {
    const server = new Y.Doc();
    expect(
      attempt(server, as.owner, (doc) => {
        setItemReflection(doc, threadRef('t-1'), 'Contoh gambar membantu.', teacher);
        setOverallReflection(doc, { planned: 'Sesuai rencana', students: 'Aktif', learned: 'Waktu kurang' }, teacher);
      }),
    ).toEqual({ ok: true });
    let actionId = '';
    expect(
      attempt(server, as.owner, (doc) => {
        actionId = addAction(
          doc,
          { what: 'Tambah gambar', who: 'Bu Sari', due: '2026-12-10', links: [threadRef('t-1')] },
          teacher,
        ).id;
      }),
    ).toEqual({ ok: true });
    expect(attempt(server, as.editor, (doc) => updateAction(doc, actionId, { status: 'done' }))).toEqual({ ok: true });
    expect(attempt(server, as.mentor, (doc) => updateAction(doc, actionId, { status: 'open' }))).toMatchObject({
      ok: false,
      reason: 'may-not-plan',
    });
    expect(attempt(server, as.mentor, (doc) => setItemReflection(doc, threadRef('t-1'), 'x', mentor))).toMatchObject({
      ok: false,
      reason: 'may-not-plan',
    });
    expect(attempt(server, as.owner, (doc) => removeAction(doc, actionId))).toEqual({ ok: true });
  });

  it('an action or reflection in someone else\u2019s name, or malformed, is refused', () => {
    const server = new Y.Doc();
    expect(
      attempt(server, as.editor, (doc) => addAction(doc, { what: 'x', who: '', due: null, links: [] }, teacher)),
    ).toMatchObject({ ok: false, reason: 'not-your-feedback' });
    expect(attempt(server, as.owner, (doc) => setItemReflection(doc, threadRef('t-1'), 'x', coTeacher))).toMatchObject({
      ok: false,
      reason: 'not-your-feedback',
    });
    expect(
      attempt(server, as.owner, (doc) => addAction(doc, { what: 'x', who: '', due: '10/12/2026', links: [] }, teacher)),
    ).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('nothing outside the known parts, and no part of the wrong shape', () => {
    const server = new Y.Doc();
    expect(attempt(server, as.owner, (doc) => doc.getMap('secret').set('x', 1))).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
    expect(attempt(server, as.owner, (doc) => doc.getArray('actions').push([1]))).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
  });
});
