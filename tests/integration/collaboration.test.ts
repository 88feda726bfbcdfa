/** Teachers and mentors editing one draft through the real server with stock y-websocket clients. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import { draftPlainText } from '../../shared/model/draft-doc';
import { DRAFT_CONTENT_FIELD } from '../../shared/model/draft-extensions';
import { HealthResponseSchema } from '../../shared/protocol/api';
import { connectClient, destroyAllClients } from './support/sync-client';
import { startTestServer, type TestServer } from './support/test-server';
import { waitFor } from './support/wait-for';

let server: TestServer;
let token: string;
let room: string;

beforeEach(async () => {
  server = await startTestServer();
  token = (await server.addUser('Bu Sari')).token;
  room = (await server.createDraft(token, 'Fotosintesis')).id;
});

afterEach(async () => {
  destroyAllClients();
  await server.dispose();
});

/** Appends a paragraph to the Tiptap content fragment, the way the editor's Yjs binding stores it. */
function appendParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const fragment = doc.getXmlFragment(DRAFT_CONTENT_FIELD);
  fragment.insert(fragment.length, [paragraph]);
}

describe('co-editing a draft', () => {
  it('text typed at the same time by teacher and mentor ends up in both editors, once each', async () => {
    const teacher = connectClient(server.url(), room, token);
    const mentor = connectClient(server.url(), room, token);
    await Promise.all([teacher.whenSynced(), mentor.whenSynced()]);

    teacher.doc.getText('t').insert(0, 'Guru menulis. ');
    mentor.doc.getText('t').insert(0, 'Pendamping menulis. ');

    const teacherText = () => teacher.doc.getText('t').toString();
    const mentorText = () => mentor.doc.getText('t').toString();
    await waitFor(() => teacherText().length === 34 && teacherText() === mentorText(), 'both editors to converge');
    for (const text of [teacherText(), mentorText()]) {
      expect(text.split('Guru menulis. ')).toHaveLength(2);
      expect(text.split('Pendamping menulis. ')).toHaveLength(2);
    }
  });

  it('paragraphs in the Tiptap document (XmlFragment "default") reach the other editor', async () => {
    const teacher = connectClient(server.url(), room, token);
    const mentor = connectClient(server.url(), room, token);
    await Promise.all([teacher.whenSynced(), mentor.whenSynced()]);

    appendParagraph(teacher.doc, 'Tumbuhan membuat makanan sendiri.');
    await waitFor(() => draftPlainText(mentor.doc) !== '', 'the paragraph at the mentor');
    appendParagraph(mentor.doc, 'Apa yang dibutuhkan tumbuhan?');

    const expected = 'Tumbuhan membuat makanan sendiri.\nApa yang dibutuhkan tumbuhan?';
    await waitFor(() => draftPlainText(teacher.doc) === expected, 'the mentor paragraph at the teacher');
    expect(draftPlainText(mentor.doc)).toBe(expected);
  });

  it('edits made while disconnected merge on reconnect with nothing lost or doubled', async () => {
    const teacher = connectClient(server.url(), room, token);
    const mentor = connectClient(server.url(), room, token);
    await Promise.all([teacher.whenSynced(), mentor.whenSynced()]);
    teacher.doc.getText('t').insert(0, 'dasar');
    await waitFor(() => mentor.doc.getText('t').toString() === 'dasar', 'the base text at the mentor');

    teacher.provider.disconnect();
    await waitFor(() => !teacher.provider.wsconnected, 'the teacher to be offline');
    const offline = teacher.doc.getText('t');
    offline.insert(offline.length, ' [ditulis luring]');
    mentor.doc.getText('t').insert(0, '[ditulis daring] ');

    teacher.provider.connect();
    const expected = '[ditulis daring] dasar [ditulis luring]';
    await waitFor(
      () => teacher.doc.getText('t').toString() === expected && mentor.doc.getText('t').toString() === expected,
      'both sides to merge the offline and online edits',
    );

    // A newcomer reads the same from the server: it stored each edit exactly once.
    const newcomer = connectClient(server.url(), room, token);
    await newcomer.whenSynced();
    expect(newcomer.doc.getText('t').toString()).toBe(expected);
  });

  it('a cursor (awareness) of one editor is seen by the other, and goes away when its connection drops without a goodbye', async () => {
    const teacher = connectClient(server.url(), room, token);
    const mentor = connectClient(server.url(), room, token);
    await Promise.all([teacher.whenSynced(), mentor.whenSynced()]);
    teacher.provider.awareness.setLocalStateField('user', { name: 'Bu Sari' });
    const teacherId = teacher.doc.clientID;
    await waitFor(
      () => mentor.provider.awareness.getStates().get(teacherId)?.user?.name === 'Bu Sari',
      'the teacher presence at the mentor',
    );
    // A cut cable: no awareness "I left" message, so it is the server that must tell the mentor.
    teacher.provider.shouldConnect = false;
    (teacher.provider.ws as unknown as WebSocket | null)?.terminate();
    await waitFor(() => !mentor.provider.awareness.getStates().has(teacherId), 'the teacher presence to disappear');
  });

  it('the server lets go of a draft after the last editor leaves, and loads it again for the next one', async () => {
    const health = async () => HealthResponseSchema.parse(await (await fetch(`${server.url()}/health`)).json());
    const teacher = connectClient(server.url(), room, token);
    await teacher.whenSynced();
    teacher.doc.getText('t').insert(0, 'tersimpan');
    expect(await health()).toMatchObject({ rooms: 1, connections: 1 });
    const witness = connectClient(server.url(), room, token);
    await waitFor(() => witness.doc.getText('t').toString() === 'tersimpan', 'the witness to see the edit');

    destroyAllClients();
    await waitFor(async () => (await health()).rooms === 0, 'the room to be unloaded');
    const next = connectClient(server.url(), room, token);
    await next.whenSynced();
    expect(next.doc.getText('t').toString()).toBe('tersimpan');
  });
});
