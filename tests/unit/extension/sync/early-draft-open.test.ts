/**
 * A draft opened as the page starts (before the session check answers) is the one the draft page
 * then shows, already loaded and synced; one that heard the server refuse a change before the page
 * listened is not handed out, so the page still learns it is read-only.
 */
import 'fake-indexeddb/auto';
import type { AddressInfo } from 'node:net';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket as NodeWebSocket, WebSocketServer } from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { closeEarlyDrafts, openDraftEarly } from '../../../../extension/sync/early-draft-open';
import { type LiveDraftState, openLiveDraft } from '../../../../extension/sync/live-draft';
import { draftFragment, draftPlainText } from '../../../../shared/model/draft-doc';
import { encodeWriteRefusal } from '../../../../shared/protocol/write-refusal';

/** A y-websocket server holding `serverDoc`; with `refuse`, it refuses every update with content, as ours does a commenter's. */
async function startSyncServer(serverDoc: Y.Doc, refuse: boolean) {
  let refused = 0;
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  wss.on('connection', (socket) => {
    socket.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) !== 0) return;
      const type = decoding.readVarUint(decoder);
      if (type === syncProtocol.messageYjsSyncStep1) {
        const reply = encoding.createEncoder();
        encoding.writeVarUint(reply, 0);
        syncProtocol.writeSyncStep2(reply, serverDoc, decoding.readVarUint8Array(decoder));
        socket.send(encoding.toUint8Array(reply));
        return;
      }
      const update = decoding.readVarUint8Array(decoder);
      if (Y.decodeUpdate(update).structs.length === 0) return;
      if (!refuse) {
        Y.applyUpdate(serverDoc, update);
        return;
      }
      refused += 1;
      const refusal = encoding.createEncoder();
      encoding.writeVarUint(refusal, 2);
      encoding.writeVarUint(refusal, 0);
      encoding.writeVarString(
        refusal,
        encodeWriteRefusal({ code: 'read-only', role: 'commenter', room: 'draft-0001' }),
      );
      socket.send(encoding.toUint8Array(refusal));
    });
    const greeting = encoding.createEncoder();
    encoding.writeVarUint(greeting, 0);
    syncProtocol.writeSyncStep1(greeting, serverDoc);
    socket.send(encoding.toUint8Array(greeting));
  });
  const port = (wss.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    refused: () => refused,
    close: () => new Promise<void>((resolve) => wss.close(() => resolve())),
  };
}

class FakeWindow extends EventTarget {
  navigator = { onLine: true };
}

function writeParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  draftFragment(doc).insert(draftFragment(doc).length, [paragraph]);
}

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

beforeAll(() => {
  (globalThis as { WebSocket?: unknown }).WebSocket = NodeWebSocket;
});
afterAll(() => {
  delete (globalThis as { WebSocket?: unknown }).WebSocket;
});
afterEach(async () => {
  closeEarlyDrafts();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('a draft opened while the session is checked', { timeout: 30_000 }, () => {
  it('the draft page shows the connection opened early: the text is there and the badge says synced at once', async () => {
    const serverDoc = new Y.Doc();
    writeParagraph(serverDoc, 'Tujuan pembelajaran');
    const server = await startSyncServer(serverDoc, false);
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
    const server = await startSyncServer(serverDoc, true);
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
    const server = await startSyncServer(new Y.Doc(), false);
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
