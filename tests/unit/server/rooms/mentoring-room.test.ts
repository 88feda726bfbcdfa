/** A feedback room checks every update (live or step 2) against the feedback rules before storing it. */
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocumentRoom } from '../../../../server/rooms/document-room';
import { mentoringPolicy } from '../../../../server/rooms/policies/mentoring-policy';
import type { RoomSession } from '../../../../server/rooms/room-socket';
import { encodeSyncStep2Update } from '../../../../server/rooms/sync-messages';
import type { Role } from '../../../../shared/auth/roles';
import type { Anchor } from '../../../../shared/mentoring/thread-schema';
import { addThread, type FeedbackAuthor, readThreads, threadsMap } from '../../../../shared/mentoring/threads';
import { decodeWriteRefusal, type WriteRefusal } from '../../../../shared/protocol/write-refusal';
import {
  applyServerMessages,
  clientUpdate,
  describeMessage,
  destroyTestRooms,
  FakeSocket,
  GatedDocumentStore,
  openTestRoom,
  testSession,
} from '../../../support/room-test-support';

const anchor: Anchor = { start: 'AQID', end: 'AQIE', quote: 'pecahan', prefix: '', suffix: '' };
const mentor: FeedbackAuthor = { id: 'u-budi', name: 'Pak Budi' };
const teacher: FeedbackAuthor = { id: 'u-sari', name: 'Bu Sari' };

afterEach(destroyTestRooms);

function openFeedbackRoom(store: GatedDocumentStore) {
  const refused: WriteRefusal[] = [];
  const room = openTestRoom(store, {
    name: 'draft-0001.feedback',
    policy: mentoringPolicy({ maxDocumentBytes: 64 * 1024 * 1024, maxPhotoChars: 32 * 1024 * 1024 }),
    onWriteRefused: (_session, refusal) => refused.push(refusal),
  });
  return { room, refused };
}

function session(user: FeedbackAuthor, role: Role): RoomSession {
  return testSession(`c-${user.id}`, role, { userId: user.id, userName: user.name });
}

function threadUpdate(by: FeedbackAuthor, id: string): Uint8Array {
  const doc = new Y.Doc();
  addThread(doc, { kind: 'question', anchor, body: 'Mengapa?' }, by, new Date(), id);
  return Y.encodeStateAsUpdate(doc);
}

function refusalIn(message: Uint8Array | undefined): WriteRefusal | null {
  const decoder = decoding.createDecoder(message ?? new Uint8Array([0]));
  if (decoding.readVarUint(decoder) !== 2 || decoding.readVarUint(decoder) !== 0) return null;
  return decodeWriteRefusal(decoding.readVarString(decoder));
}

async function joined(room: DocumentRoom, name: string, who: RoomSession) {
  const socket = new FakeSocket(name);
  const membership = room.join(socket, who);
  await room.whenIdle();
  socket.sent.length = 0;
  return { socket, membership };
}

describe('a feedback room enforces the feedback rules', () => {
  it('a thread in someone else’s name is refused whether it comes live or as step 2; nothing is stored or relayed', async () => {
    const store = new GatedDocumentStore();
    const { room, refused } = openFeedbackRoom(store);
    const mentorSide = await joined(room, 'mentor', session(mentor, 'commenter'));
    const teacherSide = await joined(room, 'teacher', session(teacher, 'owner'));

    mentorSide.membership.receive(clientUpdate(threadUpdate(teacher, 'palsu-1')));
    mentorSide.membership.receive(encodeSyncStep2Update(threadUpdate(teacher, 'palsu-2')));
    await room.whenIdle();

    expect(store.appended).toEqual([]);
    expect(teacherSide.socket.sent).toEqual([]);
    expect(mentorSide.socket.closed).toBeNull();
    const expected = { code: 'feedback-rule', reason: 'not-your-feedback', role: 'commenter', room: room.name };
    expect(mentorSide.socket.sent.map(refusalIn)).toEqual([expected, expected]);
    expect(refused).toEqual([expected, expected]);
    expect(room.readDocument((doc) => threadsMap(doc).size)).toBe(0);
  });

  it('a thread in one’s own name is stored and relayed, also after a refused one on the same connection', async () => {
    const store = new GatedDocumentStore();
    const { room, refused } = openFeedbackRoom(store);
    const mentorSide = await joined(room, 'mentor', session(mentor, 'commenter'));
    const teacherSide = await joined(room, 'teacher', session(teacher, 'owner'));

    mentorSide.membership.receive(clientUpdate(threadUpdate(teacher, 'palsu')));
    mentorSide.membership.receive(clientUpdate(threadUpdate(mentor, 'asli')));
    await room.whenIdle();

    expect(store.appended).toHaveLength(1);
    expect(refused.map((refusal) => refusal.reason)).toEqual(['not-your-feedback']);
    expect(teacherSide.socket.sent.map(describeMessage)).toEqual(['sync-update']);
    const teacherDoc = new Y.Doc();
    applyServerMessages(teacherDoc, teacherSide.socket.sent);
    expect([...threadsMap(teacherDoc).keys()]).toEqual(['asli']);
  });

  it('a burst of feedback waiting together is checked update by update (each after those before it) and stored in one go; a removal in the middle is refused alone', async () => {
    const store = new GatedDocumentStore();
    const { room, refused } = openFeedbackRoom(store);
    const mentorSide = await joined(room, 'mentor', session(mentor, 'commenter'));
    const teacherSide = await joined(room, 'teacher', session(teacher, 'owner'));
    // The mentor writes a thread, then edits its first comment: the edit only checks out after the thread.
    const mentorDoc = new Y.Doc();
    const updates: Uint8Array[] = [];
    mentorDoc.on('update', (update: Uint8Array) => updates.push(update));
    addThread(mentorDoc, { kind: 'question', anchor, body: 'Mengapa?' }, mentor, new Date(), 'baru');
    const comments = threadsMap(mentorDoc).get('baru')?.get('comments') as Y.Array<Y.Map<unknown>>;
    comments.get(0).set('body', 'Mengapa begitu?');
    // All four arrive before the room gets to any: one batch, checked in order, stored in one commit.
    mentorSide.membership.receive(clientUpdate(updates[0] as Uint8Array));
    mentorSide.membership.receive(clientUpdate(updates[1] as Uint8Array));
    // Removing the thread the batch just added: judged against the batch's own thread, not the document's absence.
    threadsMap(mentorDoc).delete('baru');
    mentorSide.membership.receive(clientUpdate(updates[2] as Uint8Array));
    teacherSide.membership.receive(clientUpdate(threadUpdate(teacher, 'milik-guru')));
    await room.whenIdle();

    expect(refused.map((refusal) => refusal.reason)).toEqual(['may-not-remove']);
    expect(store.appended).toHaveLength(3);
    const stored = new Y.Doc();
    for (const update of store.appended) Y.applyUpdate(stored, update);
    expect([...threadsMap(stored).keys()].sort()).toEqual(['baru', 'milik-guru']);
    expect(readThreads(stored).threads.find((thread) => thread.id === 'baru')?.comments[0]?.body).toBe(
      'Mengapa begitu?',
    );
  });

  it('a reconnect’s step 2 that adds nothing is neither checked nor stored', async () => {
    const store = new GatedDocumentStore();
    store.seed(threadUpdate(mentor, 'lama'));
    const { room, refused } = openFeedbackRoom(store);
    const mentorSide = await joined(room, 'mentor', session(mentor, 'commenter'));
    mentorSide.membership.receive(encodeSyncStep2Update(store.updates[0]?.update as Uint8Array));
    await room.whenIdle();
    expect(store.appended).toEqual([]);
    expect(refused).toEqual([]);
    expect(mentorSide.socket.sent).toEqual([]);
  });

  it('a viewer is refused as read-only before any rule runs', async () => {
    const store = new GatedDocumentStore();
    const { room, refused } = openFeedbackRoom(store);
    const viewerSide = await joined(room, 'viewer', session(mentor, 'viewer'));
    viewerSide.membership.receive(clientUpdate(threadUpdate(teacher, 'palsu')));
    await room.whenIdle();
    expect(refused).toEqual([{ code: 'read-only', role: 'viewer', room: room.name }]);
  });
});
