/**
 * A large update in a draft's room: scanned, checked slice by slice before any is stored (a refusal
 * stores nothing), stored, let go, then applied, relayed and announced slice by slice.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocumentRoom, DocumentRoomOptions } from '../../../../server/rooms/document-room';
import { contentPolicy } from '../../../../server/rooms/policies/content-policy';
import { encodeSyncStep2Update } from '../../../../server/rooms/sync-messages';
import type { Role } from '../../../../shared/auth/roles';
import { CloseCode } from '../../../../shared/protocol/close-codes';
import { encodeStructs, intoRuns } from '../../../../shared/sync/update-structs';
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

const CHUNK = 64 * 1024;

afterEach(destroyTestRooms);

function openRoom(store: GatedDocumentStore, overrides: Partial<DocumentRoomOptions> = {}) {
  return openTestRoom(store, {
    maxMessageBytes: 64 * 1024 * 1024,
    syncChunkBytes: CHUNK,
    compactAfterUpdates: 1000,
    ...overrides,
  });
}

function join(room: DocumentRoom, name: string, role: Role = 'editor') {
  const socket = new FakeSocket(name);
  const membership = room.join(socket, testSession(name, role));
  return { socket, membership };
}

/** An offline draft of ~600 KB: paragraphs and photos as data URLs; then `last` is added at its end. */
function backlog(last?: (fragment: Y.XmlFragment) => void): { doc: Y.Doc; update: Uint8Array } {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('default');
  for (let index = 0; index < 30; index += 1) {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(`Paragraf ${index}: ${'murid membaca pecahan '.repeat(200)}`)]);
    fragment.insert(fragment.length, [paragraph]);
    const image = new Y.XmlElement('image');
    image.setAttribute('src', `data:image/jpeg;base64,${'QUJD'.repeat(4000)}`);
    fragment.insert(fragment.length, [image]);
  }
  fragment.delete(0, 1);
  last?.(fragment);
  return { doc, update: Y.encodeStateAsUpdate(doc) };
}

describe('a large update is checked whole before any slice is stored', () => {
  it('an image from elsewhere in its last slice: refused, and nothing of it is stored or applied', async () => {
    const store = new GatedDocumentStore();
    const room = openRoom(store);
    const teacher = join(room, 'teacher');
    const mentor = join(room, 'mentor');
    await room.whenIdle();
    mentor.socket.sent.length = 0;
    const { update } = backlog((fragment) => {
      const image = new Y.XmlElement('image');
      image.setAttribute('src', 'https://pelacak.example/foto.png');
      fragment.insert(fragment.length, [image]);
    });
    expect(update.byteLength).toBeGreaterThan(8 * CHUNK);

    teacher.membership.receive(clientUpdate(update));
    await room.whenIdle();
    expect(store.appended).toEqual([]);
    expect(teacher.socket.sent.map(describeMessage).at(-1)).toBe('type 2'); // the refusal notice
    expect(teacher.socket.closed).toBeNull();
    expect(mentor.socket.sent).toEqual([]);
    expect(room.readDocument((doc) => doc.getXmlFragment('default').length)).toBe(0);
  });

  it('a malformed struct in its last slice closes the sender as invalid, and nothing is stored', async () => {
    const store = new GatedDocumentStore();
    const room = openRoom(store);
    const teacher = join(room, 'teacher');
    await room.whenIdle();
    const { doc } = backlog();
    doc.getMap('meta').set('judul', 'Pecahan');
    doc.getMap('meta').set('judul', 'Pecahan sederhana');
    const structs = Y.decodeUpdate(Y.encodeStateAsUpdate(doc)).structs;
    // The second title points forward in its own client's history: Yjs would throw applying it.
    const last = structs.at(-1) as Y.Item;
    last.origin = Y.createID(last.id.client, last.id.clock + 10);
    const update = encodeStructs(intoRuns(structs));

    teacher.membership.receive(clientUpdate(update));
    await room.whenIdle();
    expect(teacher.socket.closed?.code).toBe(CloseCode.InvalidMessage);
    expect(store.appended).toEqual([]);
    expect(room.readDocument((current) => current.getXmlFragment('default').length)).toBe(0);
  });

  it('a reader sending one is refused (read-only), and nothing is stored', async () => {
    const store = new GatedDocumentStore();
    const room = openRoom(store);
    const reader = join(room, 'reader', 'viewer');
    await room.whenIdle();
    reader.membership.receive(clientUpdate(backlog().update));
    await room.whenIdle();
    expect(store.appended).toEqual([]);
    expect(reader.socket.sent.map(describeMessage).at(-1)).toBe('type 2');
  });
});

describe('a large update is stored, then applied and relayed slice by slice', () => {
  it('each slice has its own seq, is announced as its own update, and the mentor rebuilds the draft from the relayed slices', async () => {
    const store = new GatedDocumentStore();
    const announced: { seq: number; bytes: number }[] = [];
    const room = openRoom(store, {
      hooks: { afterStoreUpdate: ({ seq, update }) => announced.push({ seq, bytes: update.byteLength }) },
    });
    const teacher = join(room, 'teacher');
    const mentor = join(room, 'mentor');
    await room.whenIdle();
    mentor.socket.sent.length = 0;
    const { doc, update } = backlog();

    teacher.membership.receive(clientUpdate(update));
    await room.whenIdle();
    expect(store.appended.length).toBeGreaterThan(8);
    expect(announced.map(({ seq }) => seq)).toEqual(store.updates.map(({ seq }) => seq));
    expect(announced.map(({ bytes }) => bytes)).toEqual(store.appended.map((slice) => slice.byteLength));
    // Relayed as they were read back, none larger than a slice and a photo.
    expect(mentor.socket.sent.map(describeMessage).every((type) => type === 'sync-update')).toBe(true);
    for (const message of mentor.socket.sent) expect(message.byteLength).toBeLessThan(CHUNK + 20_000);
    const mentorDoc = new Y.Doc();
    applyServerMessages(mentorDoc, mentor.socket.sent);
    const expected = doc.getXmlFragment('default').toString();
    expect(mentorDoc.getXmlFragment('default').toString()).toBe(expected);
    expect(room.readDocument((current) => current.getXmlFragment('default').toString())).toBe(expected);
    // Stored as slices that a fresh load rebuilds exactly.
    const reloaded = new Y.Doc();
    for (const slice of store.appended) Y.applyUpdate(reloaded, slice);
    expect(Buffer.from(Y.encodeStateAsUpdate(reloaded)).equals(Y.encodeStateAsUpdate(doc))).toBe(true);
  });

  it('sent again after a cut connection (as an update or a step 2), it stores and relays nothing more', async () => {
    const store = new GatedDocumentStore();
    const room = openRoom(store);
    const teacher = join(room, 'teacher');
    const mentor = join(room, 'mentor');
    await room.whenIdle();
    const { update } = backlog();
    teacher.membership.receive(clientUpdate(update));
    await room.whenIdle();
    const stored = store.appended.length;
    mentor.socket.sent.length = 0;

    const again = join(room, 'teacher-again');
    again.membership.receive(clientUpdate(update));
    again.membership.receive(encodeSyncStep2Update(update));
    await room.whenIdle();
    expect(store.appended).toHaveLength(stored);
    expect(mentor.socket.sent).toEqual([]);
  });

  it('storing a slice fails: the sender is closed and nothing is applied or relayed', async () => {
    const store = new GatedDocumentStore();
    const room = openRoom(store);
    const teacher = join(room, 'teacher');
    const mentor = join(room, 'mentor');
    await room.whenIdle();
    mentor.socket.sent.length = 0;
    store.failAppend = true;
    teacher.membership.receive(clientUpdate(backlog().update));
    await room.whenIdle();
    expect(teacher.socket.closed?.code).toBe(CloseCode.ServerError);
    expect(mentor.socket.sent).toEqual([]);
    expect(room.readDocument((doc) => doc.getXmlFragment('default').length)).toBe(0);
  });

  it('a slice compacted away before it was read back is not applied from a stale copy; the room catches up instead', async () => {
    const store = new GatedDocumentStore();
    const room = openRoom(store);
    const teacher = join(room, 'teacher');
    await room.whenIdle();
    const readBack = store.loadUpdate.bind(store);
    let reads = 0;
    store.loadUpdate = async (name, seq) => {
      reads += 1;
      return reads === 3 ? null : readBack(name, seq);
    };
    teacher.membership.receive(clientUpdate(backlog().update));
    await room.whenIdle();
    // Two slices applied, then the missing one stops the loop (one process: only logged).
    expect(reads).toBe(3);
    expect(teacher.socket.closed).toBeNull();
  });

  it("a policy that reads updates whole (the mentoring room's) is given a large one whole, as before", async () => {
    const store = new GatedDocumentStore();
    const checked: number[] = [];
    const room = openRoom(store, {
      policy: {
        ...contentPolicy(),
        checksSlices: false,
        check: (update) => {
          checked.push(update.structs.length);
          return null;
        },
      },
    });
    const teacher = join(room, 'teacher');
    await room.whenIdle();
    teacher.membership.receive(clientUpdate(backlog().update));
    await room.whenIdle();
    expect(checked).toHaveLength(1);
    expect(checked[0]).toBeGreaterThan(60);
    expect(store.appended.length).toBeGreaterThan(1);
  });
});
