/**
 * The feedback rules enforced by the real server: a mentor (commenter) and a teacher (owner) on
 * stock y-websocket providers. What the rules refuse is never relayed or stored, the sender is
 * told why and stays connected; the draft list counts the threads still open.
 */
import * as encoding from 'lib0/encoding';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { CreatedUser } from '../../server/cli/user-commands';
import { MessageType } from '../../server/rooms/sync-messages';
import type { Anchor } from '../../shared/mentoring/thread-schema';
import {
  addReply,
  addThread,
  type FeedbackAuthor,
  readThreads,
  setThreadStatus,
  threadsMap,
} from '../../shared/mentoring/threads';
import { apiPaths, DraftListResponseSchema } from '../../shared/protocol/api';
import { roomName } from '../../shared/protocol/rooms';
import { connectClient, destroyAllClients, openRawSocket, type SyncClient } from './support/sync-client';
import { startTestServer, type TestServer } from './support/test-server';
import { waitFor } from './support/wait-for';

let server: TestServer;
let teacher: CreatedUser;
let mentor: CreatedUser;
let draftId: string;
let feedbackRoom: string;

const anchor: Anchor = { start: 'AQID', end: 'AQIE', quote: 'fotosintesis', prefix: 'Proses ', suffix: ' terjadi' };
const author = (user: CreatedUser): FeedbackAuthor => ({ id: user.id, name: user.name });

async function synced(room: string, user: CreatedUser): Promise<SyncClient> {
  const client = connectClient(server.url(), room, user.token);
  await client.whenSynced();
  return client;
}

async function storedDoc(name: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const stored = await server.storedDocument(name);
  if (stored?.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const { update } of stored?.updates ?? []) Y.applyUpdate(doc, update);
  return doc;
}

/** A thread by `by`, as the editor makes it; `id` fixed so tests can find it. */
function writeThread(doc: Y.Doc, by: FeedbackAuthor, id: string): void {
  addThread(doc, { kind: 'improvement', anchor, body: 'Tambahkan contoh daun.' }, by, new Date(), id);
}

/** Waits until `client` is refused once more than before, and returns that refusal. */
async function nextRefusal(client: SyncClient, before = 0) {
  await waitFor(() => client.refusals.length > before, 'the server to refuse the update');
  return client.refusals[before];
}

/**
 * Awareness from `from` reaching `to` proves every document update `from` sent earlier was
 * handled: the room handles one connection's messages in order and relays them in order.
 */
async function throughTheRoom(from: SyncClient, to: SyncClient, name: string): Promise<void> {
  from.provider.awareness.setLocalStateField('marker', name);
  await waitFor(
    () => [...to.provider.awareness.getStates().values()].some((state) => state.marker === name),
    `${name} to appear to the other side`,
  );
}

async function listDrafts(user: CreatedUser) {
  const response = await fetch(`${server.url()}${apiPaths.drafts}`, {
    headers: { authorization: `Bearer ${user.token}` },
  });
  expect(response.status).toBe(200);
  return DraftListResponseSchema.parse(await response.json()).drafts;
}

async function openFeedbackOf(user: CreatedUser, id: string): Promise<number | undefined> {
  return (await listDrafts(user)).find((draft) => draft.id === id)?.openFeedback;
}

beforeAll(async () => {
  server = await startTestServer();
  teacher = await server.addUser('Bu Sari');
  mentor = await server.addUser('Pak Budi');
});
beforeEach(async () => {
  draftId = (await server.createDraft(teacher.token, 'Modul ajar fotosintesis')).id;
  feedbackRoom = roomName(draftId, 'mentoring');
  await server.shareDraft(teacher.token, draftId, mentor.token, 'commenter');
});
afterEach(() => destroyAllClients());
afterAll(async () => {
  await server?.dispose();
});

describe('feedback in the mentor’s own name', () => {
  it('a mentor’s thread reaches the teacher at once and is stored', async () => {
    const teacherSide = await synced(feedbackRoom, teacher);
    const mentorSide = await synced(feedbackRoom, mentor);
    writeThread(mentorSide.doc, author(mentor), 'saran-1');
    await waitFor(() => threadsMap(teacherSide.doc).has('saran-1'), 'the thread to reach the teacher');
    expect(readThreads(teacherSide.doc).threads[0]).toMatchObject({ authorId: mentor.id, status: 'open' });
    await waitFor(async () => threadsMap(await storedDoc(feedbackRoom)).has('saran-1'), 'the thread to be stored');
    // And the teacher's reply in her own name goes through too.
    addReply(teacherSide.doc, 'saran-1', 'Baik, akan saya tambahkan.', author(teacher));
    await waitFor(() => readThreads(mentorSide.doc).threads[0]?.comments.length === 2, 'the reply to reach the mentor');
    expect([...teacherSide.refusals, ...mentorSide.refusals]).toEqual([]);
  });
});

describe('what the feedback rules refuse is never relayed or stored', () => {
  it('a thread the mentor writes in the teacher’s name is refused, and the stored feedback is unchanged after a restart', async () => {
    const teacherSide = await synced(feedbackRoom, teacher);
    const mentorSide = await synced(feedbackRoom, mentor);
    writeThread(mentorSide.doc, author(mentor), 'asli');
    await waitFor(async () => threadsMap(await storedDoc(feedbackRoom)).has('asli'), 'the honest thread to be stored');
    const storedBefore = await storedDoc(feedbackRoom);

    writeThread(mentorSide.doc, author(teacher), 'palsu');
    expect(await nextRefusal(mentorSide)).toEqual({
      code: 'feedback-rule',
      reason: 'not-your-feedback',
      role: 'commenter',
      room: feedbackRoom,
    });
    // The refused connection stays open: its presence still reaches the teacher, after the refused update would have.
    await throughTheRoom(mentorSide, teacherSide, 'Pak Budi');
    expect(mentorSide.provider.wsconnected).toBe(true);
    expect(threadsMap(teacherSide.doc).has('palsu')).toBe(false);

    destroyAllClients();
    await server.stop();
    await server.start();
    const storedAfter = await storedDoc(feedbackRoom);
    expect(Y.encodeStateVector(storedAfter)).toEqual(Y.encodeStateVector(storedBefore));
    expect(readThreads(storedAfter)).toEqual(readThreads(storedBefore));
    const reloaded = await synced(feedbackRoom, teacher);
    expect([...threadsMap(reloaded.doc).keys()]).toEqual(['asli']);
  });

  it('a mentor typing in the content is refused as read-only and the stored content is unchanged', async () => {
    const teacherSide = await synced(draftId, teacher);
    teacherSide.doc.getText('t').insert(0, 'Tumbuhan membuat makanan.');
    await waitFor(async () => (await storedDoc(draftId)).getText('t').length > 0, 'the teacher’s text to be stored');
    const before = Y.encodeStateAsUpdate(await storedDoc(draftId));

    const mentorSide = await synced(draftId, mentor);
    mentorSide.doc.getText('t').insert(0, '[ditulis mentor] ');
    expect(await nextRefusal(mentorSide)).toEqual({ code: 'read-only', role: 'commenter', room: draftId });
    await throughTheRoom(mentorSide, teacherSide, 'Pak Budi');
    expect(teacherSide.doc.getText('t').toString()).toBe('Tumbuhan membuat makanan.');
    expect(Y.encodeStateAsUpdate(await storedDoc(draftId))).toEqual(before);
  });

  it('a mentor may not resolve a thread; the teacher may, and the mentor sees it resolved', async () => {
    const mentorSide = await synced(feedbackRoom, mentor);
    writeThread(mentorSide.doc, author(mentor), 'saran-1');
    await waitFor(async () => threadsMap(await storedDoc(feedbackRoom)).has('saran-1'), 'the thread to be stored');

    setThreadStatus(mentorSide.doc, 'saran-1', 'resolved', mentor.id);
    expect(await nextRefusal(mentorSide)).toMatchObject({ code: 'feedback-rule', reason: 'may-not-resolve' });
    expect(readThreads(await storedDoc(feedbackRoom)).threads[0]?.status).toBe('open');
    // Its later changes build on the refused one, so the editor drops its copy and reconnects (as here).
    mentorSide.destroy();

    const teacherSide = await synced(feedbackRoom, teacher);
    const watching = await synced(feedbackRoom, mentor);
    setThreadStatus(teacherSide.doc, 'saran-1', 'resolved', teacher.id);
    await waitFor(() => readThreads(watching.doc).threads[0]?.status === 'resolved', 'the mentor to see it resolved');
    expect(readThreads(await storedDoc(feedbackRoom)).threads[0]).toMatchObject({
      status: 'resolved',
      resolvedBy: teacher.id,
    });
    expect(teacherSide.refusals).toEqual([]);
  });

  it('removing a thread is refused, even for the teacher', async () => {
    const teacherSide = await synced(feedbackRoom, teacher);
    writeThread(teacherSide.doc, author(teacher), 'catatan');
    await waitFor(async () => threadsMap(await storedDoc(feedbackRoom)).has('catatan'), 'the thread to be stored');

    threadsMap(teacherSide.doc).delete('catatan');
    expect(await nextRefusal(teacherSide)).toEqual({
      code: 'feedback-rule',
      reason: 'may-not-remove',
      role: 'owner',
      room: feedbackRoom,
    });
    const other = await synced(feedbackRoom, mentor);
    expect(threadsMap(other.doc).has('catatan')).toBe(true);
    expect(threadsMap(await storedDoc(feedbackRoom)).has('catatan')).toBe(true);
  });

  it('after a refused update the same connection’s next valid update goes through, and metrics count the refusal', async () => {
    const teacherSide = await synced(feedbackRoom, teacher);
    const raw = await openRawSocket(server.url(), feedbackRoom, mentor.token);
    // Two separate client docs, so the valid update does not build on the refused one.
    const forged = new Y.Doc();
    writeThread(forged, author(teacher), 'palsu');
    raw.ws.send(syncUpdateMessage(Y.encodeStateAsUpdate(forged)));
    await waitFor(() => raw.received.some(isAuthMessage), 'the refusal on the raw socket');

    const honest = new Y.Doc();
    writeThread(honest, author(mentor), 'asli');
    raw.ws.send(syncUpdateMessage(Y.encodeStateAsUpdate(honest)));
    await waitFor(() => threadsMap(teacherSide.doc).has('asli'), 'the valid thread to reach the teacher');
    expect(threadsMap(teacherSide.doc).has('palsu')).toBe(false);
    expect(raw.ws.readyState).toBe(raw.ws.OPEN);
    raw.ws.close();

    const metrics = await (await server.fetchMetrics()).text();
    expect(metrics).toMatch(/dampingi_refusals_total\{code="4403",reason="feedback-rule",process="[^"]+"\} [1-9]/);
  });
});

describe('the draft list counts open feedback', () => {
  it('counts open threads from the open room and from storage, and follows changes at once', async () => {
    expect(await openFeedbackOf(teacher, draftId)).toBe(0);
    const teacherSide = await synced(feedbackRoom, teacher);
    const mentorSide = await synced(feedbackRoom, mentor);
    writeThread(mentorSide.doc, author(mentor), 'satu');
    writeThread(mentorSide.doc, author(mentor), 'dua');
    await waitFor(() => threadsMap(teacherSide.doc).size === 2, 'both threads to reach the teacher');
    // The count was cached as 0 above; storing the threads must have dropped it.
    expect(await openFeedbackOf(teacher, draftId)).toBe(2);
    expect(await openFeedbackOf(mentor, draftId)).toBe(2);

    setThreadStatus(teacherSide.doc, 'satu', 'resolved', teacher.id);
    await waitFor(async () => (await openFeedbackOf(teacher, draftId)) === 1, 'the resolved thread to leave the count');

    // With every room unloaded and the cache empty (a restart), the count comes from storage.
    destroyAllClients();
    await server.stop();
    await server.start();
    expect(await openFeedbackOf(teacher, draftId)).toBe(1);
    const other = await server.createDraft(teacher.token, 'Tanpa umpan balik');
    expect(await openFeedbackOf(teacher, other.id)).toBe(0);
  });
});

function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

function isAuthMessage(message: Uint8Array): boolean {
  return message[0] === MessageType.Auth;
}
