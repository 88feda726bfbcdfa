/** An operator scrapes /metrics (Prometheus) and sees connections, documents, stored updates, latency, bytes and refusals. */
import { hostname } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol/close-codes';
import { connectClient, destroyAllClients, openRawSocket } from './support/sync-client';
import { startTestServer, type TestServer } from './support/test-server';
import { waitFor } from './support/wait-for';

let server: TestServer;

beforeEach(async () => {
  server = await startTestServer();
});

afterEach(async () => {
  destroyAllClients();
  await server.dispose();
});

async function scrape(): Promise<string> {
  const response = await server.fetchMetrics();
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
}

/** The value of one series, e.g. `dampingi_connections` or `dampingi_open_document_bytes{stat="sum"`. */
function value(text: string, series: string): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(series) && !candidate.startsWith('#'));
  return line ? Number(line.split(' ').at(-1)) : Number.NaN;
}

describe('Prometheus metrics', () => {
  it('after two teachers edit and a stranger is refused, /metrics counts all of it, labelled with the process', async () => {
    const { token } = await server.addUser('Bu Sari');
    const { id: room } = await server.createDraft(token, 'Fotosintesis');
    const teacher = connectClient(server.url(), room, token);
    const mentor = connectClient(server.url(), room, token);
    await Promise.all([teacher.whenSynced(), mentor.whenSynced()]);
    teacher.doc.getText('t').insert(0, 'Tumbuhan membuat makanan sendiri.');
    await waitFor(() => mentor.doc.getText('t').length > 0, 'the mentor to see the edit');
    const stranger = await openRawSocket(server.url(), room, 'not-a-token');
    expect((await stranger.closed).code).toBe(CloseCode.Unauthorized);

    const text = await scrape();
    expect(text).toContain(`process="${hostname()}:`);
    expect(value(text, 'dampingi_connections')).toBe(2);
    expect(value(text, 'dampingi_documents_loaded')).toBe(1);
    expect(value(text, 'dampingi_updates_stored_total')).toBeGreaterThanOrEqual(1);
    expect(value(text, 'dampingi_storage_write_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(value(text, 'dampingi_bytes_received_total')).toBeGreaterThan(30);
    expect(value(text, 'dampingi_open_document_bytes{stat="sum"')).toBeGreaterThan(30);
    // The server runs in this test's process, so its memory is this process's.
    expect(value(text, 'dampingi_process_memory_bytes{kind="heap_used"')).toBeGreaterThan(0);
    expect(value(text, 'dampingi_process_memory_bytes{kind="rss"')).toBeGreaterThan(
      value(text, 'dampingi_process_memory_bytes{kind="heap_used"'),
    );
    expect(value(text, 'dampingi_process_memory_bytes{kind="array_buffers"')).toBeGreaterThanOrEqual(0);
    expect(text).toMatch(/dampingi_refusals_total\{code="4401",reason="unauthorized",process="[^"]+"\} 1/);
  });

  it("an open document's size is the bytes of the updates it was stored as, counted as they come (a scrape encodes nothing)", async () => {
    const { token } = await server.addUser('Bu Sari');
    const { id: room } = await server.createDraft(token, 'Fotosintesis');
    const teacher = connectClient(server.url(), room, token);
    const mentor = connectClient(server.url(), room, token);
    await Promise.all([teacher.whenSynced(), mentor.whenSynced()]);
    // Forty keystrokes, each its own update: their log is several times the document encoded as one update.
    for (let index = 0; index < 40; index += 1) {
      teacher.doc.getText('t').insert(index, 'a');
      await waitFor(() => mentor.doc.getText('t').length === index + 1, 'the mentor to see the keystroke');
    }
    const stored = await server.storedDocument(room);
    const logBytes = (stored?.updates ?? []).reduce((sum, { update }) => sum + update.byteLength, 0);
    expect(stored?.updates.length).toBeGreaterThanOrEqual(40);

    const text = await scrape();
    expect(value(text, 'dampingi_open_document_bytes{stat="sum"')).toBe(logBytes);
    expect(value(text, 'dampingi_open_document_bytes{stat="max"')).toBe(logBytes);
  });
});
