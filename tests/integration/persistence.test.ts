/** A draft outlives the server: what was written is there after a restart, from the very first sync. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { draftPlainText } from '../../shared/model/draft-doc';
import { DRAFT_CONTENT_FIELD } from '../../shared/model/draft-extensions';
import { connectClient, destroyAllClients } from './support/sync-client';
import { startTestServer, type TestServer } from './support/test-server';
import { nextEvent, waitFor } from './support/wait-for';

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

function writeParagraphs(doc: Y.Doc, texts: string[]): void {
  const fragment = doc.getXmlFragment(DRAFT_CONTENT_FIELD);
  for (const text of texts) {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(text)]);
    fragment.insert(fragment.length, [paragraph]);
  }
}

/** Resolves once the server's sync reply arrived, and what the document held at that moment. */
function textAtFirstSync(client: ReturnType<typeof connectClient>): Promise<string> {
  return nextEvent<string>(
    (listener) =>
      client.provider.on('sync', (synced: boolean) => {
        if (synced) listener(draftPlainText(client.doc));
      }),
    'the first sync',
  );
}

describe('a draft survives a server restart', () => {
  it('content written before a restart is there for a new client afterwards', async () => {
    const writer = connectClient(server.url(), room, token);
    await writer.whenSynced();
    writeParagraphs(writer.doc, ['Bab 1: Fotosintesis', 'Daun menangkap cahaya.']);
    // Once a second client sees it, the server has stored it (it stores before it broadcasts).
    const witness = connectClient(server.url(), room, token);
    await waitFor(() => draftPlainText(witness.doc).includes('Daun menangkap cahaya.'), 'the witness to see it');
    destroyAllClients();

    await server.stop();
    await server.start();

    const reader = connectClient(server.url(), room, token);
    await reader.whenSynced();
    expect(draftPlainText(reader.doc)).toBe('Bab 1: Fotosintesis\nDaun menangkap cahaya.');
  });

  it('a client connecting to a just-started server gets the stored draft in its very first sync, never an empty one', async () => {
    const writer = connectClient(server.url(), room, token);
    await writer.whenSynced();
    writeParagraphs(
      writer.doc,
      Array.from({ length: 50 }, (_, index) => `Paragraf ${index + 1}`),
    );
    const expected = Array.from({ length: 50 }, (_, index) => `Paragraf ${index + 1}`).join('\n');
    const witness = connectClient(server.url(), room, token);
    await waitFor(() => draftPlainText(witness.doc) === expected, 'every paragraph to be stored');
    destroyAllClients();
    await server.stop();

    await server.start();
    const fresh = connectClient(server.url(), room, token);
    expect(await textAtFirstSync(fresh)).toBe(expected);
  });
});

describe('reconnecting does not grow the stored log', () => {
  it('a client that reconnects with nothing new adds nothing to storage; one that deleted offline does', async () => {
    const writer = connectClient(server.url(), room, token);
    await writer.whenSynced();
    writeParagraphs(writer.doc, ['Bab 1', 'Bab 2', 'Bab 3']);
    writer.doc.getXmlFragment(DRAFT_CONTENT_FIELD).delete(0, 1); // its step 2 now always carries a delete set
    const witness = connectClient(server.url(), room, token);
    await waitFor(() => draftPlainText(witness.doc) === 'Bab 2\nBab 3', 'the witness to see the edits');
    const logLength = async () => (await server.storedDocument(room))?.updates.length ?? 0;
    const before = await logLength();

    for (let round = 0; round < 3; round += 1) {
      writer.provider.disconnect();
      writer.provider.connect();
      await waitFor(() => writer.provider.synced, 'the writer to sync again');
    }
    // The last step 2 went out before the writer counted itself synced; a later edit is stored after it.
    witness.doc.getMap('meta').set('seen', true);
    await waitFor(() => writer.doc.getMap('meta').get('seen') === true, 'the witness edit to reach the writer');
    expect(await logLength()).toBe(before + 1);

    writer.provider.disconnect();
    writer.doc.getXmlFragment(DRAFT_CONTENT_FIELD).delete(0, 1); // offline deletion: a change
    writer.provider.connect();
    await waitFor(() => draftPlainText(witness.doc) === 'Bab 3', 'the offline deletion to arrive');
    expect(await logLength()).toBe(before + 2);
  });
});
