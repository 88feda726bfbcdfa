/**
 * The mentoring record holds against an attacker on raw y-websocket clients: a commenter who joined
 * by a share link (a guest) tries `__proto__` keys to forge and delete threads, actions and
 * reflections; writes feedback under the owner's name; speaks for someone else in presence; and
 * writes an image that every reader's browser would fetch from elsewhere. Each is refused, nothing
 * is stored or relayed, and the owner's record is the same after a restart.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CreatedUser } from '../../server/cli/user-commands';
import {
  actionsMap,
  addAction,
  readActions,
  readReflections,
  reflectionsMap,
  setOverallReflection,
} from '../../shared/mentoring/cycle-doc';
import type { Anchor } from '../../shared/mentoring/thread-schema';
import { addThread, type FeedbackAuthor, readThreads, threadsMap } from '../../shared/mentoring/threads';
import { colorForUser } from '../../shared/presence';
import { apiPaths, CreateShareLinkResponseSchema, JoinResponseSchema } from '../../shared/protocol/api';
import { roomName } from '../../shared/protocol/rooms';
import { connectClient, destroyAllClients, type SyncClient } from './support/sync-client';
import { startTestServer, type TestServer } from './support/test-server';
import { waitFor } from './support/wait-for';

let server: TestServer;
let teacher: CreatedUser;
let draftId: string;
let feedbackRoom: string;
let guest: { id: string; name: string; token: string };

const anchor: Anchor = { start: 'AQID', end: 'AQIE', quote: 'fotosintesis', prefix: 'Proses ', suffix: ' terjadi' };
const sari = (): FeedbackAuthor => ({ id: teacher.id, name: teacher.name });

async function post(path: string, token: string | null, body: unknown) {
  const response = await fetch(`${server.url()}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as unknown };
}

/** Someone opens a commenter share link and types only a name: a guest account. */
async function joinAsGuest(name: string) {
  const link = CreateShareLinkResponseSchema.parse(
    (await post(apiPaths.links(draftId), teacher.token, { role: 'commenter' })).json,
  );
  const joined = await post(apiPaths.join, null, { secret: link.secret, name, client: 'extension' });
  expect(joined.status).toBe(200);
  const session = JoinResponseSchema.parse(joined.json).session;
  if (!session) throw new Error('joining without an account gives a session');
  return { id: session.user.id, name: session.user.name, token: session.token };
}

async function synced(room: string, token: string): Promise<SyncClient> {
  const client = connectClient(server.url(), room, token);
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

/** Presence from `from` reaching `to` proves every update `from` sent before it was handled. */
async function throughTheRoom(from: SyncClient, to: SyncClient, marker: string): Promise<void> {
  from.provider.awareness.setLocalStateField('marker', marker);
  await waitFor(
    () => [...to.provider.awareness.getStates().values()].some((state) => state.marker === marker),
    `${marker} to reach the other side`,
  );
}

/** The owner's record: one thread, one action and her overall reflection, stored. */
async function ownersRecord(teacherSide: SyncClient) {
  addThread(teacherSide.doc, { kind: 'strength', anchor, body: 'Pembuka menarik.' }, sari(), new Date(), 'milik-sari');
  addAction(
    teacherSide.doc,
    { what: 'Tambah gambar daun', who: 'Bu Sari', due: null, links: [] },
    sari(),
    new Date(),
    'aksi-1',
  );
  setOverallReflection(teacherSide.doc, { planned: 'Sesuai', students: 'Aktif', learned: 'Waktu' }, sari());
  await waitFor(async () => {
    const stored = await storedDoc(feedbackRoom);
    return (
      threadsMap(stored).has('milik-sari') &&
      actionsMap(stored).has('aksi-1') &&
      readReflections(stored).overall !== null
    );
  }, "the owner's record to be stored");
}

beforeAll(async () => {
  server = await startTestServer({ env: { DAMPINGI_SESSION_CHECK_SECONDS: '1' } });
  teacher = await server.addUser('Bu Sari');
});
beforeEach(async () => {
  draftId = (await server.createDraft(teacher.token, 'LKPD fotosintesis')).id;
  feedbackRoom = roomName(draftId, 'mentoring');
  guest = await joinAsGuest('Pak Budi');
});
afterEach(() => destroyAllClients());
afterAll(async () => {
  await server?.dispose();
});

describe('__proto__ keys cannot forge or erase the mentoring record', () => {
  // Each hides the real entry behind a copy under `__proto__` (where a plain object's `in` and zod
  // still see it) and deletes the real one: a check reading `toJSON()` objects sees no change.
  const forgeries = {
    threads: (doc: Y.Doc) => {
      const real = threadsMap(doc).get('milik-sari')?.toJSON() as Record<string, unknown>;
      const hidden = new Y.Map<unknown>();
      threadsMap(doc).set('__proto__', hidden as Y.Map<unknown>);
      hidden.set('milik-sari', real);
      threadsMap(doc).delete('milik-sari');
    },
    actions: (doc: Y.Doc) => {
      actionsMap(doc).set('__proto__', { 'aksi-1': actionsMap(doc).get('aksi-1') });
      actionsMap(doc).delete('aksi-1');
    },
    reflections: (doc: Y.Doc) => {
      reflectionsMap(doc).set('__proto__', { overall: reflectionsMap(doc).get('overall') });
      reflectionsMap(doc).delete('overall');
    },
    'a value whose own __proto__ key becomes its prototype': (doc: Y.Doc) => {
      const forged = JSON.parse(`{"__proto__": {"authorId": "${teacher.id}"}, "id": "catatan"}`) as object;
      actionsMap(doc).set('catatan', forged);
    },
  } as const;

  for (const [part, forge] of Object.entries(forgeries)) {
    it(`${part}: refused as malformed; the owner's record is whole, live and after a restart`, async () => {
      const teacherSide = await synced(feedbackRoom, teacher.token);
      await ownersRecord(teacherSide);
      const attacker = await synced(feedbackRoom, guest.token);
      attacker.doc.transact(() => forge(attacker.doc));
      await waitFor(() => attacker.refusals.length > 0, 'the server to refuse the forgery');
      expect(attacker.refusals[0]).toMatchObject({ code: 'feedback-rule', reason: 'malformed' });
      await throughTheRoom(attacker, teacherSide, 'setelah-serangan');
      expect(readThreads(teacherSide.doc).threads.map((thread) => thread.id)).toEqual(['milik-sari']);
      expect(readActions(teacherSide.doc).map((action) => action.id)).toEqual(['aksi-1']);
      expect(readReflections(teacherSide.doc).overall?.planned).toBe('Sesuai');

      destroyAllClients();
      await server.stop();
      await server.start();
      const stored = await storedDoc(feedbackRoom);
      expect([...threadsMap(stored).keys()]).toEqual(['milik-sari']);
      expect([...actionsMap(stored).keys()]).toEqual(['aksi-1']);
      expect(readReflections(stored).overall?.planned).toBe('Sesuai');
    });
  }
});

describe('identity comes from the server', () => {
  it("a guest's feedback under the owner's name is refused; under her own account name it is stored", async () => {
    const attacker = await synced(feedbackRoom, guest.token);
    addThread(
      attacker.doc,
      { kind: 'question', anchor, body: 'Mengapa?' },
      { id: guest.id, name: 'Bu Sari' },
      new Date(),
      'nyamar',
    );
    await waitFor(() => attacker.refusals.length > 0, 'the forged name to be refused');
    expect(attacker.refusals[0]).toMatchObject({ code: 'feedback-rule', reason: 'not-your-feedback' });

    const honest = await synced(feedbackRoom, guest.token);
    addThread(
      honest.doc,
      { kind: 'question', anchor, body: 'Mengapa?' },
      { id: guest.id, name: guest.name },
      new Date(),
      'jujur',
    );
    await waitFor(async () => threadsMap(await storedDoc(feedbackRoom)).has('jujur'), 'the honest thread to be stored');
    expect(threadsMap(await storedDoc(feedbackRoom)).has('nyamar')).toBe(false);
  });

  it('presence shows the account behind each connection, whatever the client claims', async () => {
    const teacherSide = await synced(draftId, teacher.token);
    const attacker = await synced(draftId, guest.token);
    attacker.provider.awareness.setLocalStateField('user', { id: teacher.id, name: 'Bu Sari', color: '#000000' });
    await waitFor(() => teacherSide.provider.awareness.getStates().has(attacker.doc.clientID), 'the guest to appear');
    await waitFor(
      () => teacherSide.provider.awareness.getStates().get(attacker.doc.clientID)?.user?.name === 'Pak Budi',
      'the guest to appear under her own name',
    );
    expect(teacherSide.provider.awareness.getStates().get(attacker.doc.clientID)?.user).toEqual({
      id: guest.id,
      name: 'Pak Budi',
      color: colorForUser(guest.id),
      guest: true,
    });
  });

  it("a client cannot speak for another account's client id, and a presence of many kilobytes is not relayed", async () => {
    const teacherSide = await synced(draftId, teacher.token);
    teacherSide.provider.awareness.setLocalStateField('marker', 'asli');
    const attacker = await synced(draftId, guest.token);
    await waitFor(
      () => attacker.provider.awareness.getStates().get(teacherSide.doc.clientID)?.marker === 'asli',
      "the teacher's presence to reach the guest",
    );
    // Speak as the teacher's client id, with a newer clock.
    const spoofed = new Y.Doc();
    spoofed.clientID = teacherSide.doc.clientID;
    const spoof = connectClient(server.url(), draftId, guest.token, spoofed);
    await spoof.whenSynced();
    spoof.provider.awareness.setLocalState({ marker: 'palsu', user: { name: 'Bu Sari' } });
    spoof.provider.awareness.setLocalState({ marker: 'palsu lagi' });
    attacker.provider.awareness.setLocalStateField('marker', 'x'.repeat(50_000));
    await throughTheRoom(attacker, teacherSide, 'sesudahnya');
    const watcher = await synced(draftId, teacher.token);
    await waitFor(
      () => watcher.provider.awareness.getStates().has(attacker.doc.clientID),
      'the guest to appear to a newcomer',
    );
    expect(watcher.provider.awareness.getStates().get(teacherSide.doc.clientID)?.marker).toBe('asli');
    const relayedMarkers = [...watcher.provider.awareness.getStates().values()].map((state) =>
      String(state.marker ?? ''),
    );
    expect(relayedMarkers.every((marker) => marker.length < 1000)).toBe(true);
  });

  it('a name made of invisible, control or direction characters is refused when joining', async () => {
    const link = CreateShareLinkResponseSchema.parse(
      (await post(apiPaths.links(draftId), teacher.token, { role: 'commenter' })).json,
    );
    for (const name of ['\u200b\u200b', 'Bu Sari\u202e', 'Bu\u0000Sari', 'Bu \ud800Sari', ' \t ']) {
      const joined = await post(apiPaths.join, null, { secret: link.secret, name, client: 'extension' });
      expect(joined.status, JSON.stringify(name)).toBe(400);
    }
    const decomposed = await post(apiPaths.join, null, {
      secret: link.secret,
      name: '  Bu   Se\u0301ri  ',
      client: 'extension',
    });
    expect(JoinResponseSchema.parse(decomposed.json).session?.user).toMatchObject({
      name: 'Bu S\u00e9ri',
      guest: true,
    });
  });
});

describe('content images are the draft’s own', () => {
  it('an image written with a source on another site is refused and never stored; a stored picture is kept', async () => {
    await server.shareDraft(teacher.token, draftId, (await server.addUser('Bu Rina')).token, 'editor');
    const editor = await synced(draftId, teacher.token);
    const write = (src: string) => {
      const image = new Y.XmlElement('image');
      image.setAttribute('src', src);
      editor.doc.getXmlFragment('default').insert(0, [image]);
    };
    write('https://contoh.invalid/pelacak.png');
    await waitFor(() => editor.refusals.length > 0, 'the external image to be refused');
    expect(editor.refusals[0]).toMatchObject({ code: 'content-rule', reason: 'external-image' });
    const picture = 'data:image/png;base64,iVBORw0KGgo=';
    const fresh = await synced(draftId, teacher.token);
    const image = new Y.XmlElement('image');
    image.setAttribute('src', picture);
    fresh.doc.getXmlFragment('default').insert(0, [image]);
    await waitFor(
      async () => (await storedDoc(draftId)).getXmlFragment('default').toString().includes(picture),
      'the stored picture to be kept',
    );
    expect((await storedDoc(draftId)).getXmlFragment('default').toString()).not.toContain('contoh.invalid');
  });
});

describe('an account that is signed out, revoked or expired loses its open connections', () => {
  it('signing out ends the session on the server: its open socket closes (4401) and its token is refused', async () => {
    const attacker = await synced(feedbackRoom, guest.token);
    const closed = new Promise<number>((done) =>
      attacker.provider.on('connection-close', (event: CloseEvent | null) => done(event?.code ?? 0)),
    );
    expect((await post(apiPaths.signOut, guest.token, {})).status).toBe(200);
    expect(await closed).toBe(4401);
    const me = await fetch(`${server.url()}${apiPaths.me}`, { headers: { authorization: `Bearer ${guest.token}` } });
    expect(me.status).toBe(401);
  });

  it('revoking a user from the command line closes their open socket within seconds; nothing after is stored', async () => {
    const { revokeTokens } = await import('../../server/cli/user-commands');
    const member = await server.addUser('Pak Eko');
    await server.shareDraft(teacher.token, draftId, member.token, 'editor');
    const writer = await synced(draftId, member.token);
    const closed = new Promise<number>((done) =>
      writer.provider.on('connection-close', (event: CloseEvent | null) => done(event?.code ?? 0)),
    );
    expect(await revokeTokens({ dataDir: server.dataDir, tokenSecret: server.config.tokenSecret }, member.id)).toBe(
      true,
    );
    expect(await closed).toBe(4401);
    writer.doc.getText('t').insert(0, 'ditulis setelah dicabut');
    // The provider cannot get back in: its token is refused at the door.
    await waitFor(
      () => !writer.provider.wsconnected && !writer.provider.wsconnecting,
      'the revoked client to stay out',
    );
    expect((await storedDoc(draftId)).getText('t').toString()).not.toContain('setelah dicabut');
  });
});

describe('a token that expires closes its connection then, not at its next message', () => {
  it('an idle guest whose token expired is closed (4401) and no longer receives edits', async () => {
    const shortLived = await startTestServer({ overrides: { tokenTtlSeconds: 3 } });
    try {
      // The owner signs in for an hour (a link from the command line); the guest gets the server's 3 s.
      const { addUser } = await import('../../server/cli/user-commands');
      const added = await addUser(
        { dataDir: shortLived.dataDir, tokenSecret: shortLived.config.tokenSecret, tokenTtlSeconds: 3600 },
        'Bu Sari',
      );
      if (!added.ok) throw new Error(added.message);
      const owner = added.user;
      const draft = await shortLived.createDraft(owner.token, 'Bahan bacaan');
      const link = await fetch(`${shortLived.url()}${apiPaths.links(draft.id)}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ role: 'viewer' }),
      });
      const { secret } = CreateShareLinkResponseSchema.parse(await link.json());
      const joined = await fetch(`${shortLived.url()}${apiPaths.join}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ secret, name: 'Tamu', client: 'extension' }),
      });
      const session = JoinResponseSchema.parse(await joined.json()).session;
      if (!session) throw new Error('a guest gets a session');
      const reader = connectClient(shortLived.url(), draft.id, session.token);
      const closed = new Promise<number>((done) =>
        reader.provider.on('connection-close', (event: CloseEvent | null) => done(event?.code ?? 0)),
      );
      await reader.whenSynced();
      expect(await closed).toBe(4401);
      const writer = connectClient(shortLived.url(), draft.id, owner.token);
      await writer.whenSynced();
      writer.doc.getText('t').insert(0, 'sesudah kedaluwarsa');
      await waitFor(async () => {
        const stored = await shortLived.storedDocument(draft.id);
        return (stored?.updates.length ?? 0) > 0;
      }, "the owner's edit to be stored");
      expect(reader.doc.getText('t').toString()).toBe('');
    } finally {
      destroyAllClients();
      await shortLived.dispose();
    }
  });
});

describe('per-draft limits refuse with a reason and keep what is stored', () => {
  it('photos beyond the draft’s limit are refused as photos-full; a note without a photo still goes in', async () => {
    const small = await startTestServer({ env: { DAMPINGI_MAX_PHOTO_MB: '1' } });
    try {
      const owner = await small.addUser('Bu Sari');
      const draft = await small.createDraft(owner.token, 'LKPD');
      const room = roomName(draft.id, 'mentoring');
      const side = connectClient(small.url(), room, owner.token);
      await side.whenSynced();
      const { addObservation, observationsMap } = await import('../../shared/mentoring/cycle-doc');
      const photo = `data:image/jpeg;base64,${'A'.repeat(390_000)}`;
      const note = (body: string, withPhoto: boolean) =>
        addObservation(
          side.doc,
          { body, tag: 'engagement', tone: 'keep', photo: withPhoto ? photo : null },
          { id: owner.id, name: owner.name },
        );
      note('satu', true);
      note('dua', true);
      await waitFor(async () => {
        const stored = new Y.Doc();
        const read = await small.storedDocument(room);
        for (const { update } of read?.updates ?? []) Y.applyUpdate(stored, update);
        return observationsMap(stored).size === 2;
      }, 'two photos to be stored');
      note('tiga', true);
      await waitFor(() => side.refusals.length > 0, 'the third photo to be refused');
      expect(side.refusals[0]).toMatchObject({ code: 'feedback-rule', reason: 'photos-full' });
      const again = connectClient(small.url(), room, owner.token);
      await again.whenSynced();
      expect(observationsMap(again.doc).size).toBe(2);
      addObservation(
        again.doc,
        { body: 'tanpa foto', tag: 'time', tone: 'fix', photo: null },
        { id: owner.id, name: owner.name },
      );
      await waitFor(async () => {
        const stored = new Y.Doc();
        const read = await small.storedDocument(room);
        for (const { update } of read?.updates ?? []) Y.applyUpdate(stored, update);
        return observationsMap(stored).size === 3;
      }, 'the note without a photo to be stored');
    } finally {
      destroyAllClients();
      await small.dispose();
    }
  });
});
