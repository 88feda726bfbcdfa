/**
 * A draft opened as the page starts (before the session check answers) is the one the draft page
 * then shows, already loaded and synced; one that heard the server refuse a change before the page
 * listened is not handed out, so the page still learns it is read-only.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { closeEarlyDrafts, openDraftEarly } from '../../../../extension/sync/early-draft-open';
import { type LiveDraftState, openLiveDraft } from '../../../../extension/sync/live-draft';
import { draftPlainText } from '../../../../shared/model/draft-doc';
import { FakeWindow, startToySyncServer, withNodeWebSocketGlobal, writeParagraph } from './support/toy-sync-server';

const WAIT_MS = 20_000;
const pendingCounts = { loadPending: () => 0, savePending: () => {} };
const cleanups: (() => Promise<void> | void)[] = [];

function openPage(serverUrl: string) {
  let state: LiveDraftState | null = null;
  const draft = openLiveDraft(
    { serverUrl, token: null, draftId: 'draft-0001' },
    new FakeWindow() as unknown as Window,
    pendingCounts,
    (next) => {
      state = next;
    },
  );
  cleanups.push(() => draft.close());
  return () => state as LiveDraftState | null;
}

withNodeWebSocketGlobal();
afterEach(async () => {
  closeEarlyDrafts();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('a draft opened while the session is checked', { timeout: 30_000 }, () => {
  it('the draft page shows the connection opened early: the text is there and the badge says synced at once', async () => {
    const serverDoc = new Y.Doc();
    writeParagraph(serverDoc, 'Tujuan pembelajaran');
    const server = await startToySyncServer(serverDoc, { refuse: false });
    cleanups.push(server.close);
    const early = openDraftEarly({ serverUrl: server.url, token: null, draftId: 'draft-0001' }, true);
    await vi.waitFor(() => expect(early.provider.synced).toBe(true), { timeout: WAIT_MS });

    const current = openPage(server.url);
    expect(current()?.connection).toBe(early);
    expect(current()?.status.state).toBe('synced');
    expect(draftPlainText(early.doc)).toBe('Tujuan pembelajaran');
  });

  it('a refusal heard before the page listened: the page opens afresh and still learns it may not edit', async () => {
    const serverDoc = new Y.Doc();
    writeParagraph(serverDoc, 'Isi dari guru');
    const server = await startToySyncServer(serverDoc, { refuse: true });
    cleanups.push(server.close);
    const early = openDraftEarly({ serverUrl: server.url, token: null, draftId: 'draft-0001' }, true);
    const heard = new Promise<void>((resolve) => early.onWriteRefused(() => resolve()));
    await vi.waitFor(() => expect(early.provider.synced).toBe(true), { timeout: WAIT_MS });
    // A change kept in the local copy (typed offline earlier) goes out on connecting and is refused.
    writeParagraph(early.doc, 'Catatan saya');
    await heard;

    const current = openPage(server.url);
    expect(current()?.connection).not.toBe(early);
    await vi.waitFor(() => expect(current()?.writeRefusal?.role).toBe('commenter'), { timeout: WAIT_MS });
    expect(current()?.status.state).toBe('write-refused');
  });

  it('nobody takes it (signed out): closing stops its socket', async () => {
    const server = await startToySyncServer(new Y.Doc(), { refuse: false });
    cleanups.push(server.close);
    const early = openDraftEarly({ serverUrl: server.url, token: null, draftId: 'draft-0001' }, true);
    await vi.waitFor(() => expect(early.provider.wsconnected).toBe(true), { timeout: WAIT_MS });
    closeEarlyDrafts();
    expect(early.provider.shouldConnect).toBe(false);
    expect(early.provider.ws).toBeNull();
    const current = openPage(server.url);
    expect(current()?.connection).not.toBe(early);
  });
});
