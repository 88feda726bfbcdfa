import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { DocumentRoomOptions } from '../../../../server/rooms/document-room';
import { contentPolicy } from '../../../../server/rooms/policies/content-policy';
import type { RoomPolicy } from '../../../../server/rooms/policies/room-policy';
import type { RoomSession } from '../../../../server/rooms/room-socket';
import type { Role } from '../../../../shared/auth/roles';
import { colorForUser } from '../../../../shared/presence';
import { CloseCode } from '../../../../shared/protocol/close-codes';
import { decodeRoleRaised, decodeWriteRefusal } from '../../../../shared/protocol/write-refusal';
import {
  applyAwarenessMessages,
  applyServerMessages,
  awarenessMessage,
  clientSyncStep1,
  clientUpdate,
  deferred,
  describeMessage,
  destroyTestRooms,
  FakeSocket,
  GatedDocumentStore,
  openTestRoom,
  settle,
  testSession,
  textUpdate,
} from '../../../support/room-test-support';

afterEach(destroyTestRooms);

function openRoom(store: GatedDocumentStore, overrides: Partial<DocumentRoomOptions> = {}) {
  const events = { empty: 0, loadFailed: 0 };
  const room = openTestRoom(store, {
    onEmpty: () => {
      events.empty += 1;
    },
    onLoadFailed: () => {
      events.loadFailed += 1;
    },
    ...overrides,
  });
  return { room, events };
}

function session(connectionId: string, role: Role = 'editor', tokenExpiresAt = Number.POSITIVE_INFINITY): RoomSession {
  return testSession(connectionId, role, { tokenExpiresAt });
}

describe('a room loads its document before answering anyone', () => {
  it('a client that connects during the load is answered only after the stored content is loaded', async () => {
    const store = new GatedDocumentStore();
    store.seed(textUpdate('Tumbuhan membuat makanan'));
    const loaded = deferred();
    store.loadGate = loaded.promise;
    const { room } = openRoom(store);

    const socket = new FakeSocket('teacher');
    const membership = room.join(socket, session('c1'));
    const client = new Y.Doc();
    membership.receive(clientSyncStep1(client));
    await settle();
    expect(room.status).toBe('loading');
    expect(socket.sent).toEqual([]);

    loaded.resolve();
    await room.whenIdle();
    expect(socket.sent.map(describeMessage)).toEqual(['sync-step1', 'sync-step2']);
    applyServerMessages(client, socket.sent);
    expect(client.getText('t').toString()).toBe('Tumbuhan membuat makanan');
  });

  it('a connection sending more messages than may wait for the load is closed as rate-limited (4429); others are answered', async () => {
    const store = new GatedDocumentStore();
    const loaded = deferred();
    store.loadGate = loaded.promise;
    const { room } = openRoom(store, { maxPendingMessages: 5 });
    const flooder = new FakeSocket('flooder');
    const flooding = room.join(flooder, session('c1'));
    const teacher = new FakeSocket('teacher');
    room.join(teacher, session('c2')).receive(clientSyncStep1(new Y.Doc()));
    for (let index = 0; index < 6; index += 1) flooding.receive(clientSyncStep1(new Y.Doc()));
    expect(flooder.closed?.code).toBe(CloseCode.RateLimited);

    loaded.resolve();
    await room.whenIdle();
    expect(flooder.sent).toEqual([]);
    expect(teacher.sent.map(describeMessage)).toEqual(['sync-step1', 'sync-step2']);
  });

  it('when loading fails every waiting connection is closed with server-error (4500), never answered with an empty document', async () => {
    const store = new GatedDocumentStore();
    store.failLoad = true;
    const { room, events } = openRoom(store);
    const socket = new FakeSocket('teacher');
    room.join(socket, session('c1')).receive(clientSyncStep1(new Y.Doc()));
    await room.whenIdle();
    expect(socket.sent).toEqual([]);
    expect(socket.closed?.code).toBe(CloseCode.ServerError);
    expect(room.status).toBe('failed');
    expect(events.loadFailed).toBe(1);
  });

  it('a long update log is compacted into one snapshot on load, with the same content', async () => {
    const store = new GatedDocumentStore();
    const source = new Y.Doc();
    source.on('update', (update: Uint8Array) => store.seed(update));
    for (const word of ['satu ', 'dua ', 'tiga ', 'empat '])
      source.getText('t').insert(source.getText('t').length, word);
    const { room } = openRoom(store, { compactAfterUpdates: 3 });
    await room.whenIdle();
    expect(store.updates).toEqual([]);
    expect(store.snapshot).not.toBeNull();
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, store.snapshot as Uint8Array);
    expect(reloaded.getText('t').toString()).toBe('satu dua tiga empat ');
  });
});

describe('an edit is stored, then applied, then sent to the others', () => {
  it('the other connection receives the edit only after storage confirmed it, and the sender does not get it back', async () => {
    const timeline: string[] = [];
    const store = new GatedDocumentStore(timeline);
    const { room } = openRoom(store);
    const teacher = new FakeSocket('teacher', timeline);
    const mentor = new FakeSocket('mentor', timeline);
    const teacherMembership = room.join(teacher, session('c1'));
    room.join(mentor, session('c2'));
    await room.whenIdle();
    timeline.length = 0;

    const stored = deferred();
    store.appendGate = stored.promise;
    const edit = textUpdate('Bab 1: Fotosintesis');
    teacherMembership.receive(clientUpdate(edit));
    await settle();
    expect(timeline).toEqual(['store append started']);

    stored.resolve();
    await room.whenIdle();
    expect(timeline).toEqual(['store append started', 'store append finished', 'mentor received sync-update']);
    expect(store.appended).toEqual([edit]);
    const mentorDoc = new Y.Doc();
    applyServerMessages(mentorDoc, mentor.sent);
    expect(mentorDoc.getText('t').toString()).toBe('Bab 1: Fotosintesis');
  });

  it('edits are stored in arrival order, even when storage is slow', async () => {
    const store = new GatedDocumentStore();
    const { room } = openRoom(store);
    const membership = room.join(new FakeSocket('teacher'), session('c1'));
    await room.whenIdle();
    const slow = deferred();
    store.appendGate = slow.promise;
    const author = new Y.Doc();
    const updates: Uint8Array[] = [];
    author.on('update', (update: Uint8Array) => updates.push(update));
    author.getText('t').insert(0, 'a');
    author.getText('t').insert(1, 'b');
    for (const update of updates) membership.receive(clientUpdate(update));
    await settle();
    expect(store.appended).toEqual([]);
    slow.resolve();
    await room.whenIdle();
    expect(store.appended).toEqual(updates);
  });

  it('when storage fails the edit is not applied and the sender is closed with server-error (4500) to retry later', async () => {
    const store = new GatedDocumentStore();
    store.failAppend = true;
    const { room } = openRoom(store);
    const teacher = new FakeSocket('teacher');
    const mentor = new FakeSocket('mentor');
    const membership = room.join(teacher, session('c1'));
    room.join(mentor, session('c2'));
    await room.whenIdle();
    const mentorMessagesBefore = mentor.sent.length;
    membership.receive(clientUpdate(textUpdate('hilang?')));
    await room.whenIdle();
    expect(teacher.closed?.code).toBe(CloseCode.ServerError);
    expect(mentor.sent.length).toBe(mentorMessagesBefore);
    expect(mentor.closed).toBeNull();
  });

  it("the room's policy can refuse an edit: the sender is told why, nothing is stored, the connection stays open", async () => {
    const store = new GatedDocumentStore();
    const policy: RoomPolicy = {
      ...contentPolicy(),
      check: () => ({ code: 'content-rule', reason: 'external-image', detail: 'test' }),
    };
    const { room } = openRoom(store, { policy });
    const socket = new FakeSocket('mentor');
    room.join(socket, session('c1')).receive(clientUpdate(textUpdate('coretan')));
    await room.whenIdle();
    expect(socket.closed).toBeNull();
    expect(store.appended).toEqual([]);
    const refusals = socket.sent.filter((message) => describeMessage(message) === 'type 2');
    expect(refusals).toHaveLength(1);
  });
});

describe('a burst of edits waits for one commit, not one each', () => {
  /** Three edits of one author, as a fast typist sends them. */
  function typedUpdates(words: string[]): Uint8Array[] {
    const author = new Y.Doc();
    const updates: Uint8Array[] = [];
    author.on('update', (update: Uint8Array) => updates.push(update));
    for (const word of words) author.getText('t').insert(author.getText('t').length, word);
    return updates;
  }

  it('edits that arrive while one is being stored are handed to the store together, then relayed in order', async () => {
    const timeline: string[] = [];
    const store = new GatedDocumentStore(timeline);
    const { room } = openRoom(store);
    const teacher = room.join(new FakeSocket('teacher', timeline), session('c1'));
    const mentorSocket = new FakeSocket('mentor', timeline);
    const mentor = room.join(mentorSocket, session('c2'));
    const observer = new FakeSocket('observer', timeline);
    room.join(observer, session('c3', 'viewer'));
    await room.whenIdle();
    timeline.length = 0;

    const disk = deferred();
    store.appendGate = disk.promise;
    const [first, second, third] = typedUpdates(['Tujuan ', 'pembelajaran ', 'hari ini']);
    teacher.receive(clientUpdate(first as Uint8Array));
    await settle();
    // The second and third come in while the first waits for the disk; one is the mentor's.
    teacher.receive(clientUpdate(second as Uint8Array));
    mentor.receive(clientUpdate(textUpdate('Catatan: ')));
    teacher.receive(clientUpdate(third as Uint8Array));
    await settle();
    expect(timeline).toEqual(['store append started']);

    disk.resolve();
    await room.whenIdle();
    const stores = timeline.filter((entry) => entry.startsWith('store'));
    expect(stores).toEqual([
      'store append started',
      'store append finished',
      // one commit for the three that waited, instead of three in a row
      'store append started',
      'store append started',
      'store append started',
      'store append finished',
      'store append finished',
      'store append finished',
    ]);
    expect(timeline.filter((entry) => entry === 'observer received sync-update')).toHaveLength(4);
    const observerDoc = new Y.Doc();
    applyServerMessages(observerDoc, observer.sent);
    expect(observerDoc.getText('t').toString()).toContain('Tujuan pembelajaran hari ini');
    expect(observerDoc.getText('t').toString()).toContain('Catatan: ');
    expect(mentorSocket.closed).toBeNull();
  });

  it('applies a burst in the order the store numbered it, whatever order the store answers in', async () => {
    const seqsApplied: number[] = [];
    const answers: (() => void)[] = [];
    let nextSeq = 10;
    const store = new GatedDocumentStore();
    const outOfOrder = Object.assign(Object.create(store) as GatedDocumentStore, {
      appendUpdate: (_name: string, _update: Uint8Array) => {
        const seq = nextSeq++;
        return new Promise<number>((resolve) => answers.push(() => resolve(seq)));
      },
    });
    const { room } = openRoom(outOfOrder, {
      hooks: { afterStoreUpdate: ({ seq }) => seqsApplied.push(seq) },
    });
    const teacher = room.join(new FakeSocket('teacher'), session('c1'));
    await room.whenIdle();
    const updates = typedUpdates(['satu ', 'dua ', 'tiga ', 'empat ']);
    for (const update of updates) teacher.receive(clientUpdate(update));
    await settle();
    answers.shift()?.(); // the first alone, then the three that waited behind it
    await settle();
    while (answers.length > 0) answers.pop()?.(); // answered last to first
    await room.whenIdle();
    expect(seqsApplied).toEqual([10, 11, 12, 13]);
    const text = room.readDocument((doc) => doc.getText('t').toString());
    expect(text).toBe('satu dua tiga empat ');
  });

  it('when one edit of a burst cannot be stored, only its sender is closed (4500); the stored ones are applied and relayed', async () => {
    const store = new GatedDocumentStore();
    let calls = 0;
    const failsSecond = Object.assign(Object.create(store) as GatedDocumentStore, {
      appendUpdate: async (name: string, update: Uint8Array) => {
        calls += 1;
        if (calls === 3) throw new Error('connection to the database lost');
        return store.appendUpdate(name, update);
      },
    });
    const { room } = openRoom(failsSecond);
    const teacherSocket = new FakeSocket('teacher');
    const mentorSocket = new FakeSocket('mentor');
    const observer = new FakeSocket('observer');
    const teacher = room.join(teacherSocket, session('c1'));
    const mentor = room.join(mentorSocket, session('c2'));
    room.join(observer, session('c3', 'viewer'));
    await room.whenIdle();
    const disk = deferred();
    store.appendGate = disk.promise;
    teacher.receive(clientUpdate(textUpdate('Judul ')));
    await settle();
    teacher.receive(clientUpdate(textUpdate('isi ')));
    mentor.receive(clientUpdate(textUpdate('saran ')));
    await settle();
    disk.resolve();
    await room.whenIdle();
    expect(mentorSocket.closed?.code).toBe(CloseCode.ServerError);
    expect(teacherSocket.closed).toBeNull();
    const observerDoc = new Y.Doc();
    applyServerMessages(observerDoc, observer.sent);
    const seen = observerDoc.getText('t').toString();
    expect(seen).toContain('Judul ');
    expect(seen).toContain('isi ');
    expect(seen).not.toContain('saran');
    expect(store.appended).toHaveLength(2);
  });

  it("a commenter's edit inside a burst is refused on its own; the writers' edits around it are stored", async () => {
    const store = new GatedDocumentStore();
    const refused: string[] = [];
    const { room } = openRoom(store, { onWriteRefused: (_who, refusal) => refused.push(refusal.code) });
    const teacher = room.join(new FakeSocket('teacher'), session('c1'));
    const commenterSocket = new FakeSocket('commenter');
    const commenter = room.join(commenterSocket, session('c2', 'commenter'));
    await room.whenIdle();
    const disk = deferred();
    store.appendGate = disk.promise;
    const [first, second, third] = typedUpdates(['a', 'b', 'c']);
    teacher.receive(clientUpdate(first as Uint8Array));
    await settle();
    teacher.receive(clientUpdate(second as Uint8Array));
    commenter.receive(clientUpdate(textUpdate('coretan')));
    teacher.receive(clientUpdate(third as Uint8Array));
    disk.resolve();
    await room.whenIdle();
    expect(store.appended).toEqual([first, second, third]);
    expect(refused).toEqual(['read-only']);
    expect(commenterSocket.sent.map(describeMessage).filter((kind) => kind === 'type 2')).toHaveLength(1);
    expect(commenterSocket.closed).toBeNull();
    expect(room.readDocument((doc) => doc.getText('t').toString())).toBe('abc');
  });
});

describe('bad input closes only the connection that sent it', () => {
  it('garbage closes that connection with invalid-message (4422); the document, storage and the other connection are untouched', async () => {
    const store = new GatedDocumentStore();
    const { room } = openRoom(store);
    const attacker = new FakeSocket('attacker');
    const teacher = new FakeSocket('teacher');
    const attackerMembership = room.join(attacker, session('c1'));
    const teacherMembership = room.join(teacher, session('c2'));
    await room.whenIdle();

    attackerMembership.receive(new Uint8Array([0, 2, 0xff, 0xff, 0xff]));
    attackerMembership.receive(clientUpdate(textUpdate('after the close'))); // ignored: already closed
    await room.whenIdle();
    expect(attacker.closed).toEqual({ code: CloseCode.InvalidMessage, reason: 'invalid-message' });
    expect(store.appended).toEqual([]);
    expect(teacher.closed).toBeNull();
    expect(room.connectionCount).toBe(1);

    const client = new Y.Doc();
    teacherMembership.receive(clientSyncStep1(client));
    await room.whenIdle();
    applyServerMessages(client, teacher.sent);
    expect(client.getText('t').toString()).toBe('');
  });

  it('an oversized message closes that connection with message-too-large (4413)', async () => {
    const store = new GatedDocumentStore();
    const { room } = openRoom(store, { maxMessageBytes: 2048 });
    const socket = new FakeSocket('teacher');
    room.join(socket, session('c1')).receive(clientUpdate(textUpdate('x'.repeat(5000))));
    await room.whenIdle();
    expect(socket.closed).toEqual({ code: CloseCode.MessageTooLarge, reason: 'message-too-large' });
    expect(store.appended).toEqual([]);
  });
});

describe('presence (awareness) is relayed, never stored', () => {
  it('others see a cursor, and it disappears for them when that connection leaves', async () => {
    const store = new GatedDocumentStore();
    const { room, events } = openRoom(store);
    const teacher = new FakeSocket('teacher');
    const mentor = new FakeSocket('mentor');
    const teacherMembership = room.join(teacher, testSession('c1', 'owner', { userId: 'u-sari', userName: 'Bu Sari' }));
    room.join(mentor, session('c2'));
    await room.whenIdle();

    const mentorView = new Awareness(new Y.Doc());
    const { message, clientId } = awarenessMessage('Bu Sari');
    teacherMembership.receive(message);
    await room.whenIdle();
    applyAwarenessMessages(mentorView, mentor.sent);
    expect(mentorView.getStates().get(clientId)).toEqual({
      user: { id: 'u-sari', name: 'Bu Sari', color: colorForUser('u-sari'), guest: false },
    });
    expect(teacher.sent.map(describeMessage)).not.toContain('awareness');
    expect(store.appended).toEqual([]);

    const before = mentor.sent.length;
    teacherMembership.leave();
    applyAwarenessMessages(mentorView, mentor.sent.slice(before));
    expect(mentorView.getStates().has(clientId)).toBe(false);
    expect(events.empty).toBe(0);
    mentorView.destroy();
  });

  it('a newcomer is told who is already there', async () => {
    const { room } = openRoom(new GatedDocumentStore());
    const { message, clientId } = awarenessMessage('Pak Budi');
    const mentorSession = testSession('c1', 'commenter', { userId: 'u-budi', userName: 'Pak Budi', guest: true });
    room.join(new FakeSocket('mentor'), mentorSession).receive(message);
    await room.whenIdle();
    const teacher = new FakeSocket('teacher');
    room.join(teacher, session('c2'));
    await room.whenIdle();
    const view = new Awareness(new Y.Doc());
    applyAwarenessMessages(view, teacher.sent);
    expect(view.getStates().get(clientId)).toEqual({
      user: { id: 'u-budi', name: 'Pak Budi', color: colorForUser('u-budi'), guest: true },
    });
    view.destroy();
  });

  it('the room reports when its last connection leaves', async () => {
    const { room, events } = openRoom(new GatedDocumentStore());
    const membership = room.join(new FakeSocket('teacher'), session('c1'));
    await room.whenIdle();
    membership.leave();
    expect(events.empty).toBe(1);
    expect(room.connectionCount).toBe(0);
  });
});

describe('rights are checked on every message, not only when connecting', () => {
  it("a commenter's edit is answered with a refusal, never stored or relayed, and the connection stays open", async () => {
    const store = new GatedDocumentStore();
    const refused: string[] = [];
    const { room } = openRoom(store, { onWriteRefused: (who) => refused.push(who.role) });
    const mentor = new FakeSocket('mentor');
    const teacher = new FakeSocket('teacher');
    const mentorMembership = room.join(mentor, session('c1', 'commenter'));
    room.join(teacher, session('c2', 'owner'));
    await room.whenIdle();
    mentor.sent.length = 0;
    teacher.sent.length = 0;

    mentorMembership.receive(clientUpdate(textUpdate('ganti semua')));
    await room.whenIdle();
    expect(store.appended).toEqual([]);
    expect(teacher.sent).toEqual([]);
    expect(mentor.closed).toBeNull();
    expect(mentor.sent.map(describeMessage)).toEqual(['type 2']);
    const decoder = decoding.createDecoder(mentor.sent[0] as Uint8Array);
    decoding.readVarUint(decoder); // message type: auth
    expect(decoding.readVarUint(decoder)).toBe(0); // permission denied
    expect(decodeWriteRefusal(decoding.readVarString(decoder))).toEqual({
      code: 'read-only',
      role: 'commenter',
      room: 'draft-0001',
    });
    expect(refused).toEqual(['commenter']);

    // Presence still works for a commenter.
    const { message } = awarenessMessage('Pak Budi');
    mentorMembership.receive(message);
    await room.whenIdle();
    expect(teacher.sent.map(describeMessage)).toEqual(['awareness']);
  });

  it('a role raised or removed while connected applies from the next message on', async () => {
    const store = new GatedDocumentStore();
    const { room } = openRoom(store);
    const mentor = new FakeSocket('mentor');
    const membership = room.join(mentor, session('c1', 'commenter'));
    await room.whenIdle();
    mentor.sent.length = 0;
    room.reviseAccess('user-c1', 'editor');
    // The raise is announced (the editor unlocks without a reload).
    expect(mentor.sent.map(describeMessage)).toEqual(['type 2']);
    const notice = decoding.createDecoder(mentor.sent[0] as Uint8Array);
    decoding.readVarUint(notice);
    decoding.readVarUint(notice);
    expect(decodeRoleRaised(decoding.readVarString(notice))).toEqual({ code: 'role-raised', role: 'editor' });
    const edit = textUpdate('Tujuan pembelajaran');
    membership.receive(clientUpdate(edit));
    await room.whenIdle();
    expect(store.appended).toEqual([edit]);
    // Lowering needs no notice: the next change it forbids is refused.
    mentor.sent.length = 0;
    room.reviseAccess('user-c1', 'viewer');
    expect(mentor.sent).toEqual([]);
    room.reviseAccess('user-c1', null);
    expect(mentor.closed).toEqual({ code: CloseCode.Forbidden, reason: 'forbidden' });
  });

  it('the first message after the token expired closes the connection with 4401', async () => {
    const store = new GatedDocumentStore();
    let now = 1_000;
    const { room } = openRoom(store, { now: () => now });
    const teacher = new FakeSocket('teacher');
    const membership = room.join(teacher, session('c1', 'owner', 2_000));
    await room.whenIdle();
    membership.receive(clientUpdate(textUpdate('sebelum')));
    await room.whenIdle();
    now = 2_000;
    membership.receive(clientUpdate(textUpdate('sesudah')));
    await room.whenIdle();
    expect(store.appended).toHaveLength(1);
    expect(teacher.closed).toEqual({ code: CloseCode.Unauthorized, reason: 'unauthorized' });
  });
});

describe('background compaction', () => {
  it('folds a growing log into a snapshot while the room stays open, losing nothing and keeping later edits', async () => {
    const store = new GatedDocumentStore();
    const { room } = openRoom(store, { compactAfterUpdates: 5, compactionDelayMs: 0 });
    const teacher = new FakeSocket('teacher');
    const membership = room.join(teacher, session('c1', 'owner'));
    await room.whenIdle();
    const writer = new Y.Doc();
    const typed: Uint8Array[] = [];
    writer.on('update', (update: Uint8Array) => typed.push(update));
    for (const word of ['Tumbuhan ', 'membuat ', 'makanan ', 'dengan ', 'bantuan ', 'cahaya ']) {
      writer.getText('t').insert(writer.getText('t').length, word);
    }
    for (const update of typed.splice(0)) membership.receive(clientUpdate(update));
    await room.whenIdle();
    // The compaction runs in the background, after the room is idle: wait for its snapshot (in memory).
    await vi.waitFor(() => expect(store.snapshot).not.toBeNull(), { timeout: 4_000 });
    await room.whenIdle();
    expect(store.snapshot).not.toBeNull();
    expect(store.updates.length).toBeLessThan(5);

    writer.getText('t').insert(writer.getText('t').length, 'matahari.');
    for (const update of typed.splice(0)) membership.receive(clientUpdate(update));
    await room.whenIdle();
    const reloaded = new Y.Doc();
    if (store.snapshot) Y.applyUpdate(reloaded, store.snapshot);
    for (const { update } of store.updates) Y.applyUpdate(reloaded, update);
    expect(reloaded.getText('t').toString()).toBe('Tumbuhan membuat makanan dengan bantuan cahaya matahari.');
  });
});
