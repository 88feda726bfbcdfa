/**
 * The feedback document's connection: its own room and local database (the content's keep their
 * names), one sync badge for both documents, and what happens when the server refuses a feedback
 * change — the refused comment is offered back, the rest of the feedback stays writable.
 */
import 'fake-indexeddb/auto';
import type { AddressInfo } from 'node:net';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket as NodeWebSocket, WebSocketServer } from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { combineSyncStatus } from '../../extension/sync/combined-sync-status';
import { localDatabaseName } from '../../extension/sync/draft-connection';
import { type LiveDraftState, openLiveDraft } from '../../extension/sync/live-draft';
import type { SyncStatus } from '../../extension/sync/sync-status';
import type { Anchor } from '../../shared/mentoring/thread-schema';
import { addThread, readThreads } from '../../shared/mentoring/threads';
import { encodeWriteRefusal, type WriteRefusal } from '../../shared/protocol/write-refusal';

const anchor: Anchor = { start: 'AA==', end: 'AA==', quote: 'daun di halaman', prefix: '', suffix: '' };
const teacher = { id: 'u-sari', name: 'Bu Sari' };
const mentor = { id: 'u-budi', name: 'Pak Budi' };

/** A y-websocket server for the feedback room that refuses every update with `refusal`, as ours does. */
async function startRefusingServer(serverDoc: Y.Doc, refusal: WriteRefusal) {
  const rooms: string[] = [];
  let refused = 0;
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  wss.on('connection', (socket, request) => {
    rooms.push(new URL(request.url ?? '', 'http://x').pathname);
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
      if (Y.decodeUpdate(decoding.readVarUint8Array(decoder)).structs.length === 0) return;
      refused++;
      const message = encoding.createEncoder();
      encoding.writeVarUint(message, 2);
      encoding.writeVarUint(message, 0);
      encoding.writeVarString(message, encodeWriteRefusal(refusal));
      socket.send(encoding.toUint8Array(message));
    });
    const greeting = encoding.createEncoder();
    encoding.writeVarUint(greeting, 0);
    syncProtocol.writeSyncStep1(greeting, serverDoc);
    socket.send(encoding.toUint8Array(greeting));
  });
  return {
    url: `http://127.0.0.1:${(wss.address() as AddressInfo).port}`,
    rooms,
    refused: () => refused,
    close: () => new Promise<void>((resolve) => wss.close(() => resolve())),
  };
}

class FakeWindow extends EventTarget {
  navigator = { onLine: true };
}

const pending = new Map<string, number>();
const cleanups: (() => Promise<void> | void)[] = [];

function openFeedback(serverUrl: string) {
  let state: LiveDraftState | null = null;
  const live = openLiveDraft(
    { serverUrl, token: null, draftId: 'draft-0001', kind: 'mentoring' },
    new FakeWindow() as unknown as Window,
    { loadPending: (key) => pending.get(key) ?? 0, savePending: (key, count) => void pending.set(key, count) },
    (next) => {
      state = next;
    },
  );
  cleanups.push(() => live.close());
  return () => state as LiveDraftState | null;
}

beforeAll(() => {
  (globalThis as { WebSocket?: unknown }).WebSocket = NodeWebSocket;
});
afterAll(() => {
  delete (globalThis as { WebSocket?: unknown }).WebSocket;
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("the feedback document's own room and local copy", () => {
  it("the content keeps its database name (nothing stored is lost); the feedback's differs", () => {
    expect(localDatabaseName('http://sekolah.test:8787', 'draft-0001')).toBe('dampingi:sekolah.test:8787:draft-0001');
    expect(localDatabaseName('http://sekolah.test:8787', 'draft-0001', 'mentoring')).toBe(
      'dampingi:sekolah.test:8787:draft-0001.feedback',
    );
  });
});

describe('a feedback change the server refuses', () => {
  it('is dropped from the local copy and offered back as text; the feedback stays writable, and a later refusal is handled too', async () => {
    const serverDoc = new Y.Doc();
    addThread(serverDoc, { kind: 'strength', anchor, body: 'Kegiatan yang bagus.' }, teacher);
    const server = await startRefusingServer(serverDoc, {
      code: 'feedback-rule',
      reason: 'may-not-resolve',
      role: 'commenter',
      room: 'draft-0001.feedback',
    });
    cleanups.push(server.close);
    const current = openFeedback(server.url);
    await vi.waitFor(() => expect(current()?.status.state).toBe('synced'), { timeout: 5000 });
    expect(server.rooms).toEqual(['/sync/draft-0001.feedback']);
    const first = current()?.connection;
    if (!first) throw new Error('no connection');
    expect(first.persistence.name).toMatch(/:draft-0001\.feedback$/);

    addThread(first.doc, { kind: 'question', anchor, body: 'Daun apa saja?' }, mentor);

    await vi.waitFor(
      () => {
        expect(current()?.discardedText).toBe('“daun di halaman” — Daun apa saja?');
        expect(current()?.connection?.provider.synced).toBe(true);
      },
      { timeout: 5000 },
    );
    const reopened = current()?.connection;
    expect(reopened).not.toBe(first);
    expect(readThreads(reopened?.doc as Y.Doc).threads.map((thread) => thread.comments[0]?.body)).toEqual([
      'Kegiatan yang bagus.',
    ]);
    // Not read-only: a broken rule refuses one change, not the document.
    expect(current()?.status.state).toBe('synced');
    expect(current()?.writeRefusal).toMatchObject({ code: 'feedback-rule', reason: 'may-not-resolve' });
    expect(pending.get('draft-0001.feedback')).toBe(0);
    expect(pending.has('draft-0001')).toBe(false);

    addThread(reopened?.doc as Y.Doc, { kind: 'question', anchor, body: 'Berapa lama?' }, mentor);
    await vi.waitFor(() => expect(current()?.discardedText).toBe('“daun di halaman” — Berapa lama?'), {
      timeout: 5000,
    });
    expect(server.refused()).toBe(2);
  });
});

describe('one sync badge for content and feedback', () => {
  const status = (state: SyncStatus['state'], pending = 0, reason: SyncStatus['reason'] = null): SyncStatus => ({
    state,
    pending,
    reason,
  });

  it('shows whichever document is further from in sync, and counts what waits in both', () => {
    expect(combineSyncStatus(status('synced'), status('synced'))).toEqual(status('synced'));
    expect(combineSyncStatus(status('offline', 2, 'network'), status('offline', 1, 'network'))).toEqual(
      status('offline', 3, 'network'),
    );
    expect(combineSyncStatus(status('synced'), status('connecting', 1))).toEqual(status('connecting', 1));
    expect(combineSyncStatus(status('write-refused', 0, 'commenter'), status('synced'))).toEqual(
      status('write-refused', 0, 'commenter'),
    );
    expect(combineSyncStatus(status('syncing'), status('refused', 0, 'forbidden'))).toEqual(
      status('refused', 0, 'forbidden'),
    );
  });

  it('before the feedback document is open, the content speaks alone', () => {
    expect(combineSyncStatus(status('synced'), null)).toEqual(status('synced'));
  });
});
