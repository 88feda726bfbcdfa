import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readCurrentDocument } from '../../../../server/rooms/stored-document';
import { waitFor } from '../../../integration/support/wait-for';
import {
  clientSyncStep1,
  clientUpdate,
  deferred,
  destroyTestRooms,
  FakeSocket,
  GatedDocumentStore,
  openTestRoom,
  silentLogger,
  testSession,
  textUpdate,
} from '../../../support/room-test-support';

afterEach(destroyTestRooms);

describe('reading a draft as it is now (what a version records)', () => {
  it('a read asked for while an edit is being stored sees that edit once it is stored, not the document just before', async () => {
    const timeline: string[] = [];
    const store = new GatedDocumentStore(timeline);
    const first = textUpdate('Tumbuhan ');
    store.seed(first);
    const room = openTestRoom(store);
    const teacher = room.join(new FakeSocket('teacher'), testSession('c1', 'editor'));
    teacher.receive(clientSyncStep1(new Y.Doc()));
    await room.whenIdle();

    const stored = deferred();
    store.appendGate = stored.promise;
    const base = new Y.Doc();
    Y.applyUpdate(base, first);
    const before = Y.encodeStateVector(base);
    base.getText('t').insert(9, 'membuat makanan');
    teacher.receive(clientUpdate(Y.encodeStateAsUpdate(base, before)));
    await waitFor(() => timeline.includes('store append started'), 'the edit to be on its way to storage');

    const reading = readCurrentDocument(
      { documents: store, openRoom: () => room, logger: silentLogger },
      'draft-0001',
      (doc) => doc.getText('t').toString(),
    );
    stored.resolve();
    expect(await reading).toBe('Tumbuhan membuat makanan');
    expect(store.appended).toHaveLength(1);
  });

  it('a draft whose room is not loaded is read from storage', async () => {
    const store = new GatedDocumentStore();
    store.seed(textUpdate('Dari penyimpanan'));
    const text = await readCurrentDocument(
      { documents: store, openRoom: () => null, logger: silentLogger },
      'draft-0001',
      (doc) => doc.getText('t').toString(),
    );
    expect(text).toBe('Dari penyimpanan');
  });
});
