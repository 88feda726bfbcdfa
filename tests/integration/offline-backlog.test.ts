/**
 * A teacher's offline backlog merges whatever its size (up to the server's limit, 256 MiB by
 * default): from a stock y-websocket client, which sends it as one message, and from our own
 * editor's provider, which sends it in parts — and a connection cut halfway through the parts
 * resumes with only what the server still lacks. Meanwhile her mentor keeps editing online.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type BacklogUpload, sendBacklogInParts, type UploadProgress } from '../../extension/sync/backlog-upload';
import { freePort } from '../../scripts/dev/free-port';
import { connectClient, destroyAllClients } from './support/sync-client';
import { startTestServer, type TestServer } from './support/test-server';
import { waitFor } from './support/wait-for';

let server: TestServer;

afterEach(async () => {
  destroyAllClients();
  await server?.dispose();
});

/** `count` paragraphs of about `bytes` each, written into `doc` (as the editor stores text). */
function writeParagraphs(doc: Y.Doc, count: number, bytes: number, label: string): void {
  const body = 'Siswa mengamati daun dan mencatat warnanya. '.repeat(Math.ceil(bytes / 45)).slice(0, bytes);
  const fragment = doc.getXmlFragment('default');
  for (let index = 0; index < count; index += 1) {
    doc.transact(() => {
      const paragraph = new Y.XmlElement('paragraph');
      // Who wrote it, where counting is cheap (reading megabytes of text on every poll is not).
      paragraph.setAttribute('dari', label);
      paragraph.insert(0, [new Y.XmlText(`${label} ${index}: ${body}`)]);
      fragment.push([paragraph]);
    });
  }
}

function paragraphsStartingWith(doc: Y.Doc, label: string): number {
  return doc
    .getXmlFragment('default')
    .toArray()
    .filter((node) => node instanceof Y.XmlElement && node.getAttribute('dari') === label).length;
}

describe('an offline backlog merges', () => {
  it('a stock y-websocket client with 50 MB written offline merges while the mentor edits; the server stores it once', async () => {
    server = await startTestServer();
    const teacher = await server.addUser('Bu Sari');
    const mentorUser = await server.addUser('Pak Budi');
    const { id: room } = await server.createDraft(teacher.token, 'Modul ajar');
    await server.shareDraft(teacher.token, room, mentorUser.token, 'editor');
    const mentor = connectClient(server.url(), room, mentorUser.token);
    await mentor.whenSynced();
    writeParagraphs(mentor.doc, 20, 200, 'Pendamping');

    const offline = new Y.Doc();
    writeParagraphs(offline, 5_100, 10_000, 'Guru');
    expect(Y.encodeStateAsUpdate(offline).byteLength).toBeGreaterThan(50_000_000);
    const teacherSide = connectClient(server.url(), room, teacher.token, offline);
    await waitFor(
      () => paragraphsStartingWith(mentor.doc, 'Guru') === 5_100,
      'the backlog to reach the mentor',
      120_000,
    );
    await waitFor(
      () => paragraphsStartingWith(teacherSide.doc, 'Pendamping') === 20,
      "the mentor's edits to reach her",
    );

    destroyAllClients();
    await server.stop();
    await server.start();
    const fresh = connectClient(server.url(), room, teacher.token);
    await waitFor(() => fresh.provider.synced, 'a fresh client to sync', 120_000);
    expect(paragraphsStartingWith(fresh.doc, 'Guru')).toBe(5_100);
    expect(paragraphsStartingWith(fresh.doc, 'Pendamping')).toBe(20);
  }, 240_000);

  it('our provider sends 20 MB in parts with progress; cut halfway, it resumes with only what the server lacks', async () => {
    // A slow school link: the server reads 2 MiB a second, so the upload is still going when the cut comes.
    // One port across the restart, so the provider finds the server again by itself.
    const port = String(await freePort());
    server = await startTestServer({
      env: { DAMPINGI_PORT: port, DAMPINGI_RATE_BYTES_PER_SECOND: String(2 * 1024 * 1024) },
    });
    const teacher = await server.addUser('Bu Sari');
    const { id: room } = await server.createDraft(teacher.token, 'LKPD');
    const offline = new Y.Doc();
    writeParagraphs(offline, 2_100, 10_000, 'Guru');
    const client = connectClient(server.url(), room, teacher.token, offline);
    const upload: BacklogUpload = sendBacklogInParts(client.provider, { partBytes: 512 * 1024 });
    const uploads: UploadProgress[][] = [[]];
    upload.onProgress((progress) => {
      if (progress) uploads.at(-1)?.push(progress);
      else uploads.push([]);
    });
    // Halfway through the first upload the server goes away, and comes back.
    await waitFor(
      () => {
        const last = uploads[0]?.at(-1);
        return last !== undefined && last.sentBytes > last.totalBytes / 2;
      },
      'half the backlog to be sent',
      60_000,
    );
    await server.stop();
    await server.start();
    await waitFor(() => uploads.length >= 3, 'the second upload to end', 120_000);
    const [first, second] = uploads as [UploadProgress[], UploadProgress[]];
    const firstTotal = first.at(-1)?.totalBytes ?? 0;
    const secondTotal = second.at(-1)?.totalBytes ?? Number.POSITIVE_INFINITY;
    expect(firstTotal).toBeGreaterThan(20_000_000);
    // The server kept the whole parts it had read: the second upload sends only the rest.
    expect(secondTotal).toBeLessThan(firstTotal * 0.9);
    const fresh = connectClient(server.url(), room, teacher.token);
    await waitFor(() => fresh.provider.synced, 'a fresh client to sync', 120_000);
    // The last parts may still be on their way through the slow link: they arrive, once each.
    await waitFor(
      () => paragraphsStartingWith(fresh.doc, 'Guru') >= 2_100,
      'every paragraph to reach the server',
      120_000,
    );
    expect(paragraphsStartingWith(fresh.doc, 'Guru')).toBe(2_100);
    upload.stop();
  }, 240_000);
});
