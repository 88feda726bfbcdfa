/**
 * A large backlog must not be held several times over while it is merged: these check the structure
 * of what the room keeps and sends (shared buffers, released structs, relayed bytes), not memory use.
 */

import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { GarbageScope } from '../../../../server/idle-collection';
import { contentPolicy } from '../../../../server/rooms/policies/content-policy';
import type { RoomPolicy } from '../../../../server/rooms/policies/room-policy';
import {
  type DecodedUpdate,
  decodeClientMessage,
  encodeSyncStep2Update,
  encodeSyncUpdate,
  MessageType,
  updateMessage,
} from '../../../../server/rooms/sync-messages';
import {
  applyServerMessages,
  clientUpdate,
  describeMessage,
  destroyTestRooms,
  FakeSocket,
  GatedDocumentStore,
  openTestRoom,
  testSession,
  textUpdate,
} from '../../../support/room-test-support';

const LIMIT = 64 * 1024 * 1024;

function decodedUpdate(message: Uint8Array): DecodedUpdate {
  const result = decodeClientMessage(message, LIMIT);
  if (!result.ok || (result.message.type !== 'sync-update' && result.message.type !== 'sync-step2')) {
    throw new Error('not an update message');
  }
  return result.message.update;
}

/** An update of about `bytes` bytes: one long text, as a pasted chapter or a photo's data URL is. */
function largeUpdate(bytes: number): Uint8Array {
  return textUpdate('a'.repeat(bytes));
}

/** y-protocols' step 2 with a ready-made update (its `writeSyncStep2` takes a document). */
function writeStep2Carrying(encoder: encoding.Encoder, update: Uint8Array): void {
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(encoder, update);
}

describe('a large message is not copied on its way in or out', () => {
  it("a large update stays a view of the message's own buffer; a small one is copied out of a larger buffer", () => {
    const message = clientUpdate(largeUpdate(1024 * 1024));
    expect(decodedUpdate(message).bytes.buffer).toBe(message.buffer);

    // A small frame inside a socket's 64 KiB read: kept as a view, it would pin all of it.
    const small = clientUpdate(textUpdate('Bab 1'));
    const socketRead = new Uint8Array(64 * 1024);
    socketRead.set(small, 1000);
    const inRead = socketRead.subarray(1000, 1000 + small.byteLength);
    const payload = decodedUpdate(inRead).bytes;
    expect(payload.buffer).not.toBe(socketRead.buffer);
    expect(payload.buffer.byteLength).toBe(payload.byteLength);
  });

  it("a large step 2 is relayed in the very buffer it arrived in, as an update message; a small one's copy is encoded anew", () => {
    const update = largeUpdate(1024 * 1024);
    const step2 = encodeSyncStep2Update(update);
    const relayed = updateMessage(decodedUpdate(step2));
    expect(relayed.buffer).toBe(step2.buffer);
    expect(describeMessage(relayed)).toBe('sync-update');
    expect(Buffer.from(relayed).equals(encodeSyncUpdate(update))).toBe(true);

    const small = encodeSyncStep2Update(textUpdate('Bab 1'));
    const socketRead = new Uint8Array(64 * 1024);
    socketRead.set(small, 10);
    const inRead = socketRead.subarray(10, 10 + small.byteLength);
    const relayedSmall = updateMessage(decodedUpdate(inRead));
    expect(relayedSmall.buffer).not.toBe(socketRead.buffer);
    expect(describeMessage(relayedSmall)).toBe('sync-update');
  });

  it('an update or step 2 message is built in one buffer of its exact size, byte for byte as y-protocols writes it', () => {
    const update = largeUpdate(256 * 1024);
    for (const [encode, write] of [
      [encodeSyncUpdate, syncProtocol.writeUpdate],
      [encodeSyncStep2Update, writeStep2Carrying],
    ] as const) {
      const message = encode(update);
      expect(message.buffer.byteLength).toBe(message.byteLength);
      const expected = encoding.createEncoder();
      encoding.writeVarUint(expected, MessageType.Sync);
      write(expected, update);
      expect(Buffer.from(message).equals(encoding.toUint8Array(expected))).toBe(true);
    }
  });
});

describe('merging an update keeps one decoded copy at a time', () => {
  afterEach(destroyTestRooms);

  function openRoom(
    policy: RoomPolicy = contentPolicy(),
    documents = new GatedDocumentStore(),
    collectGarbage?: (scope?: GarbageScope) => void,
    syncChunkBytes = 1024 * 1024,
  ) {
    return openTestRoom(documents, { collectGarbage, maxMessageBytes: LIMIT, syncChunkBytes, policy });
  }

  it("the decoded structs are let go once the room's rules have read them; the bytes stay for storing and relaying", async () => {
    const checked: DecodedUpdate[] = [];
    const policy = contentPolicy();
    const room = openRoom({
      ...policy,
      check: (update, session) => {
        checked.push(update);
        expect(update.structs.length).toBeGreaterThan(0);
        return policy.check(update, session);
      },
    });
    const teacher = room.join(new FakeSocket('teacher'), testSession('c1', 'editor'));
    const edit = largeUpdate(64 * 1024);
    teacher.receive(clientUpdate(edit));
    await room.whenIdle();
    expect(checked).toHaveLength(1);
    expect(checked[0]?.structs).toEqual([]);
    expect(Buffer.from(checked[0]?.bytes ?? []).equals(edit)).toBe(true);
    expect(room.readDocument((doc) => doc.getText('t').length)).toBe(64 * 1024);
  });

  it("others get the writer's update as it was sent, not the document's re-encoding of what it added", async () => {
    const room = openRoom();
    const teacher = room.join(new FakeSocket('teacher'), testSession('c1', 'editor'));
    const mentor = new FakeSocket('mentor');
    room.join(mentor, testSession('c2', 'editor'));
    const author = new Y.Doc();
    author.getText('t').insert(0, 'Bab 1. ');
    teacher.receive(clientUpdate(Y.encodeStateAsUpdate(author)));
    await room.whenIdle();

    // Offline, she added a line; her whole state goes out again (what the room has, and the line).
    author.getText('t').insert(7, 'Fotosintesis');
    const whole = Y.encodeStateAsUpdate(author);
    mentor.sent.length = 0;
    teacher.receive(clientUpdate(whole));
    await room.whenIdle();
    expect(mentor.sent).toEqual([encodeSyncUpdate(whole)]);

    // The same again adds nothing: nothing is relayed.
    mentor.sent.length = 0;
    teacher.receive(clientUpdate(whole));
    await room.whenIdle();
    expect(mentor.sent).toEqual([]);
  });

  it('an update arriving before one it depends on is relayed too, so others end up with both', async () => {
    const room = openRoom();
    const teacher = room.join(new FakeSocket('teacher'), testSession('c1', 'editor'));
    const mentor = new FakeSocket('mentor');
    room.join(mentor, testSession('c2', 'editor'));
    await room.whenIdle();
    mentor.sent.length = 0;
    const author = new Y.Doc();
    const updates: Uint8Array[] = [];
    author.on('update', (update: Uint8Array) => updates.push(update));
    author.getText('t').insert(0, 'Daun ');
    author.getText('t').insert(5, 'hijau');
    const [first, second] = updates as [Uint8Array, Uint8Array];

    teacher.receive(clientUpdate(second));
    await room.whenIdle();
    expect(mentor.sent.map(describeMessage)).toEqual(['sync-update']);
    teacher.receive(clientUpdate(first));
    await room.whenIdle();

    const mentorDoc = new Y.Doc();
    applyServerMessages(mentorDoc, mentor.sent);
    expect(mentorDoc.getText('t').toString()).toBe('Daun hijau');
    expect(room.readDocument((doc) => doc.getText('t').toString())).toBe('Daun hijau');
  });

  it('a large update is stored in slices of about the chunk size that rebuild it, and relayed as those slices, in order', async () => {
    const documents = new GatedDocumentStore();
    const room = openRoom(contentPolicy(), documents);
    const teacher = room.join(new FakeSocket('teacher'), testSession('c1', 'editor'));
    const mentor = new FakeSocket('mentor');
    room.join(mentor, testSession('c2', 'editor'));
    await room.whenIdle();
    mentor.sent.length = 0;
    const author = new Y.Doc();
    const fragment = author.getXmlFragment('default');
    for (let index = 0; index < 40; index += 1) {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(`Paragraf ${index}: ${'murid membaca pecahan '.repeat(4000)}`)]);
      fragment.insert(fragment.length, [paragraph]);
    }
    fragment.delete(0, 2);
    const backlog = Y.encodeStateAsUpdate(author);
    teacher.receive(clientUpdate(backlog));
    await room.whenIdle();

    // 3.5 MB in slices of ~1 MiB (the room's syncChunkBytes): SQLite never binds the whole at once.
    expect(documents.appended.length).toBeGreaterThanOrEqual(4);
    for (const slice of documents.appended) expect(slice.byteLength).toBeLessThan(1.5 * 1024 * 1024);
    const reloaded = new Y.Doc();
    for (const slice of documents.appended) Y.applyUpdate(reloaded, slice);
    expect(reloaded.getXmlFragment('default').toString()).toBe(fragment.toString());
    // Relayed slice by slice as read back from storage (the deletions' slice adds nothing here: the
    // deleted paragraphs came as deleted items), so the mentor is never sent one 3.5 MB frame.
    expect(mentor.sent.length).toBeGreaterThanOrEqual(documents.appended.length - 1);
    for (const [index, message] of mentor.sent.entries()) {
      expect(Buffer.from(message).equals(encodeSyncUpdate(documents.appended[index] as Uint8Array))).toBe(true);
    }
    const mentorDoc = new Y.Doc();
    applyServerMessages(mentorDoc, mentor.sent);
    expect(mentorDoc.getXmlFragment('default').toString()).toBe(fragment.toString());
  });

  it('between storing a very large update and applying it, garbage is collected (the message goes first)', async () => {
    const timeline: string[] = [];
    const documents = new GatedDocumentStore(timeline);
    const room = openRoom(contentPolicy(), documents, (scope = 'full') => {
      if (scope === 'full') timeline.push('collected');
    });
    const teacher = room.join(new FakeSocket('teacher', timeline), testSession('c1', 'editor'));
    await room.whenIdle();
    teacher.receive(clientUpdate(largeUpdate(1024 * 1024)));
    await room.whenIdle();
    expect(timeline).not.toContain('collected');

    timeline.length = 0;
    teacher.receive(clientUpdate(largeUpdate(33 * 1024 * 1024)));
    await room.whenIdle();
    // Once while checking its 33 MiB of slices (their garbage), once when the message is let go.
    expect(timeline.filter((entry) => entry === 'collected')).toHaveLength(2);
    expect(timeline.indexOf('collected')).toBeLessThan(timeline.indexOf('store append started'));
    expect(timeline.lastIndexOf('store append finished')).toBeLessThan(timeline.lastIndexOf('collected'));
    expect(room.readDocument((doc) => doc.getText('t').length)).toBe(34 * 1024 * 1024);
  });

  it('after each slice of a sliced update is checked, stored and applied the young generation is collected; never for one stored whole', async () => {
    const timeline: string[] = [];
    const documents = new GatedDocumentStore(timeline);
    const room = openRoom(contentPolicy(), documents, (scope = 'full') => {
      if (scope === 'young') timeline.push('young collected');
    });
    const teacher = room.join(new FakeSocket('teacher'), testSession('c1', 'editor'));
    await room.whenIdle();
    teacher.receive(clientUpdate(largeUpdate(512 * 1024)));
    await room.whenIdle();
    expect(timeline).not.toContain('young collected');

    teacher.receive(clientUpdate(largeUpdate(5 * 1024 * 1024)));
    await room.whenIdle();
    const slices = documents.appended.length - 1;
    expect(slices).toBeGreaterThanOrEqual(5);
    // Once per slice checked (its decoded structs), stored (its bytes) and applied (read back).
    expect(timeline.filter((entry) => entry === 'young collected')).toHaveLength(3 * slices);
    const afterWhole = timeline.indexOf('store append finished') + 1;
    const sliced = timeline.slice(timeline.indexOf('store append finished', afterWhole));
    // Each slice's append finished, then a collection, before the next slice is stored.
    for (let index = 0; index < slices; index += 1) {
      const finished = sliced.indexOf('store append finished');
      expect(sliced[finished + 1]).toBe('young collected');
      sliced.splice(0, finished + 2);
    }
  });

  it('slices are stored at most ~1 MiB each even when sync answers go in larger pieces', async () => {
    const documents = new GatedDocumentStore();
    const room = openRoom(contentPolicy(), documents, undefined, 4 * 1024 * 1024);
    const teacher = room.join(new FakeSocket('teacher'), testSession('c1', 'editor'));
    await room.whenIdle();
    teacher.receive(clientUpdate(largeUpdate(5 * 1024 * 1024)));
    await room.whenIdle();
    expect(documents.appended.length).toBeGreaterThanOrEqual(5);
    for (const slice of documents.appended) expect(slice.byteLength).toBeLessThan(1.1 * 1024 * 1024);
    expect(room.readDocument((doc) => doc.getText('t').length)).toBe(5 * 1024 * 1024);
  });
});
