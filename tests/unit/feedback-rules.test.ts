/**
 * The rules the server applies to every feedback update: own identity only, decisions for owner
 * and editors, nothing removed, nothing malformed. Each case makes the update the way a client
 * (honest or not) would, on its own copy of the document.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkMentoringUpdate as checkFeedbackUpdate } from '../../shared/mentoring/mentoring-checker';
import type { FeedbackActor } from '../../shared/mentoring/thread-rules';
import type { Anchor } from '../../shared/mentoring/thread-schema';
import {
  addReply,
  addThread,
  deleteComment,
  editComment,
  readThreads,
  recordOutcome,
  setThreadStatus,
  threadsMap,
} from '../../shared/mentoring/threads';
import { attemptFeedbackChange } from './support/feedback-attempt';

const anchor: Anchor = {
  start: 'AQID',
  end: 'AQIE',
  quote: 'pecahan senilai',
  prefix: 'Mengenal ',
  suffix: ' lewat kue',
};
const mentor = { id: 'u-budi', name: 'Pak Budi' };
const teacher = { id: 'u-sari', name: 'Bu Sari' };
const asMentor: FeedbackActor = { userId: mentor.id, name: mentor.name, role: 'commenter' };
const asTeacher: FeedbackActor = { userId: teacher.id, name: teacher.name, role: 'owner' };

const attempt = attemptFeedbackChange;

function serverWithThread(kind: 'improvement' | 'suggestion' = 'improvement') {
  const server = new Y.Doc();
  let threadId = '';
  const { result, apply } = attempt(server, asMentor, (copy) => {
    threadId = addThread(
      copy,
      {
        kind,
        anchor,
        body: 'Tambahkan contoh gambar.',
        suggestion: kind === 'suggestion' ? 'pecahan yang sama nilainya' : null,
      },
      mentor,
    );
  });
  expect(result).toEqual({ ok: true });
  apply();
  return { server, threadId };
}

describe('feedback rules', () => {
  it('the mentor adds feedback in their own name; the teacher replies; each edits and deletes their own', () => {
    const { server, threadId } = serverWithThread();
    const reply = attempt(server, asTeacher, (copy) => addReply(copy, threadId, 'Baik, saya tambahkan.', teacher));
    expect(reply.result).toEqual({ ok: true });
    reply.apply();
    const [first, second] = readThreads(server).threads[0]?.comments ?? [];
    expect(
      attempt(server, asMentor, (copy) => editComment(copy, threadId, first!.id, 'Tambahkan dua contoh.')).result,
    ).toEqual({ ok: true });
    expect(attempt(server, asTeacher, (copy) => deleteComment(copy, threadId, second!.id)).result).toEqual({
      ok: true,
    });
  });

  it('a thread or comment in someone else’s name is refused', () => {
    const server = new Y.Doc();
    const forged = attempt(server, asMentor, (copy) =>
      addThread(copy, { kind: 'strength', anchor, body: 'Bagus' }, teacher),
    );
    expect(forged.result).toMatchObject({ ok: false, reason: 'not-your-feedback' });

    const { server: withThread, threadId } = serverWithThread();
    const [first] = readThreads(withThread).threads[0]?.comments ?? [];
    expect(
      attempt(withThread, asTeacher, (copy) => editComment(copy, threadId, first!.id, 'diubah')).result,
    ).toMatchObject({
      ok: false,
      reason: 'not-your-feedback',
    });
    expect(
      attempt(withThread, asMentor, (copy) => addReply(copy, threadId, 'atas nama guru', teacher)).result,
    ).toMatchObject({
      ok: false,
      reason: 'not-your-feedback',
    });
    // The teacher may not change what the mentor pointed at or proposed.
    expect(
      attempt(withThread, asTeacher, (copy) => threadsMap(copy).get(threadId)?.set('kind', 'strength')).result,
    ).toMatchObject({ ok: false, reason: 'not-your-feedback' });
  });

  it('only owner and editors resolve, reopen or decide on a suggestion', () => {
    const { server, threadId } = serverWithThread('suggestion');
    expect(
      attempt(server, asMentor, (copy) => setThreadStatus(copy, threadId, 'resolved', mentor.id)).result,
    ).toMatchObject({
      ok: false,
      reason: 'may-not-resolve',
    });
    expect(
      attempt(server, { userId: 'u-ed', name: 'Bu Editor', role: 'editor' }, (copy) =>
        setThreadStatus(copy, threadId, 'resolved', 'u-ed'),
      ).result,
    ).toEqual({
      ok: true,
    });
    const accepted = attempt(server, asTeacher, (copy) => recordOutcome(copy, threadId, 'accepted', teacher.id));
    expect(accepted.result).toEqual({ ok: true });
    accepted.apply();
    expect(readThreads(server).threads[0]).toMatchObject({
      outcome: 'accepted',
      status: 'resolved',
      resolvedBy: teacher.id,
    });
  });

  it('nothing is removed, and nothing outside the threads is accepted', () => {
    const { server, threadId } = serverWithThread();
    expect(attempt(server, asMentor, (copy) => threadsMap(copy).delete(threadId)).result).toMatchObject({
      ok: false,
      reason: 'may-not-remove',
    });
    const comments = () => threadsMap(server).get(threadId)?.get('comments');
    expect(comments()).toBeInstanceOf(Y.Array);
    expect(
      attempt(server, asMentor, (copy) =>
        (threadsMap(copy).get(threadId)?.get('comments') as Y.Array<unknown> | undefined)?.delete(0, 1),
      ).result,
    ).toMatchObject({ ok: false, reason: 'may-not-remove' });
    expect(attempt(server, asMentor, (copy) => copy.getText('other').insert(0, 'x')).result).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
    expect(attempt(server, asMentor, (copy) => threadsMap(copy).set('x', new Y.Map())).result).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
    expect(checkFeedbackUpdate(server, new Uint8Array([1, 2, 3, 250]), asMentor)).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
  });
});
