import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Role } from '../../shared/auth/roles';
import { CloseCode } from '../../shared/protocol/close-codes';
import { decodeRoleRaised, decodeWriteRefusal } from '../../shared/protocol/write-refusal';
import { DocumentRoom, type DocumentRoomOptions } from './document-room';
import type { RoomSession } from './room-socket';
import {
  applyAwarenessMessages,
  applyServerMessages,
  awarenessMessage,
  clientSyncStep1,
  clientUpdate,
  deferred,
  describeMessage,
  FakeSocket,
  GatedDocumentStore,
  settle,
  silentLogger,
  textUpdate,
} from './room-test-support';

const rooms: DocumentRoom[] = [];
afterEach(() => {
  for (const room of rooms.splice(0)) room.destroy();
});

function openRoom(store: GatedDocumentStore, overrides: Partial<DocumentRoomOptions> = {}) {
  const events = { empty: 0, loadFailed: 0 };
  const room = new DocumentRoom({
    name: 'draft-0001',
    documents: store,
    hooks: {},
    logger: silentLogger,
    maxMessageBytes: 64 * 1024,
    maxPendingMessages: 1000,
    syncChunkBytes: 1024 * 1024,
    compactAfterUpdates: 100,
    writeCapability: 'edit-content',
    onEmpty: () => {
      events.empty += 1;
    },
    onLoadFailed: () => {
      events.loadFailed += 1;
    },
    ...overrides,
  });
  rooms.push(room);
  return { room, events };
}

function session(connectionId: string, role: Role = 'editor', tokenExpiresAt = Number.POSITIVE_INFINITY): RoomSession {
  return { connectionId, userId: `user-${connectionId}`, role, tokenExpiresAt };
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

  it('messages are handled one at a time in arrival order, even when storage is slow', async () => {
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

  it('a hook can refuse an edit: the connection is closed with its code and nothing is stored', async () => {
    const store = new GatedDocumentStore();
    const { room } = openRoom(store, {
      hooks: { beforeStoreUpdate: () => ({ code: CloseCode.Forbidden, detail: 'read only' }) },
    });
    const socket = new FakeSocket('mentor');
    room.join(socket, session('c1')).receive(clientUpdate(textUpdate('coretan')));
    await room.whenIdle();
    expect(socket.closed).toEqual({ code: CloseCode.Forbidden, reason: 'forbidden' });
    expect(store.appended).toEqual([]);
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
    const teacherMembership = room.join(teacher, session('c1'));
    room.join(mentor, session('c2'));
    await room.whenIdle();

    const mentorView = new Awareness(new Y.Doc());
    const { message, clientId } = awarenessMessage('Bu Sari');
    teacherMembership.receive(message);
    await room.whenIdle();
    applyAwarenessMessages(mentorView, mentor.sent);
    expect(mentorView.getStates().get(clientId)).toEqual({ user: { name: 'Bu Sari' } });
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
    room.join(new FakeSocket('mentor'), session('c1')).receive(message);
    await room.whenIdle();
    const teacher = new FakeSocket('teacher');
    room.join(teacher, session('c2'));
    await room.whenIdle();
    const view = new Awareness(new Y.Doc());
    applyAwarenessMessages(view, teacher.sent);
    expect(view.getStates().get(clientId)).toEqual({ user: { name: 'Pak Budi' } });
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
    await new Promise((done) => setTimeout(done, 10));
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
