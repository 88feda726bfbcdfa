/**
 * A draft reopened in a browser that keeps its local copy: the socket connects at once but speaks
 * only once the copy is loaded, so the server neither sends the whole draft back nor receives it
 * again (twice the draft's size on a school connection, before), and a connect or disconnect asked
 * for meanwhile still holds.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { type DraftConnection, openDraftConnection } from '../../../../extension/sync/draft-connection';
import { socketSpeakingAfter } from '../../../../extension/sync/speak-after-local-copy';
import { storedLocally } from '../../../../extension/sync/stored-locally';
import { draftPlainText } from '../../../../shared/model/draft-doc';
import { startToySyncServer, withNodeWebSocketGlobal, writeParagraph } from './support/toy-sync-server';

const WAIT_MS = 20_000;
const cleanups: (() => Promise<void> | void)[] = [];
let nextDraft = 0;

withNodeWebSocketGlobal();
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function open(serverUrl: string, draftId: string, connect = true): DraftConnection {
  const connection = openDraftConnection({ serverUrl, token: null, draftId, connect });
  cleanups.push(() => connection.destroy());
  return connection;
}

async function serverWithLongDraft() {
  const serverDoc = new Y.Doc();
  for (let i = 0; i < 2_000; i++)
    writeParagraph(serverDoc, `Paragraf ${i}: siswa membaca teks dan menjawab pertanyaan.`);
  const server = await startToySyncServer(serverDoc, { refuse: false });
  cleanups.push(server.close);
  return { serverDoc, server, draftBytes: Y.encodeStateAsUpdate(serverDoc).byteLength };
}

describe('a draft connection and its local copy', { timeout: 40_000 }, () => {
  it('reopened with its local copy: neither the server nor the browser sends the draft again', async () => {
    const serverDoc = new Y.Doc();
    const server = await startToySyncServer(serverDoc, { refuse: false });
    cleanups.push(server.close);
    const draftId = `draft-${nextDraft++}`;
    const first = open(server.url, draftId);
    await vi.waitFor(() => expect(first.provider.synced).toBe(true), { timeout: WAIT_MS });
    // Typed paragraph by paragraph: the copy holds each as its own update, as a day's typing leaves it,
    // so loading it takes longer than the socket's handshake on loopback.
    for (let i = 0; i < 3_000; i++)
      writeParagraph(first.doc, `Paragraf ${i}: siswa membaca teks dan menjawab pertanyaan.`);
    await vi.waitFor(() => expect(draftPlainText(serverDoc)).toBe(draftPlainText(first.doc)), { timeout: WAIT_MS });
    await storedLocally(first.persistence);
    first.destroy();
    const draftBytes = Y.encodeStateAsUpdate(serverDoc).byteLength;

    server.resetBytes();
    const again = open(server.url, draftId);
    await vi.waitFor(() => expect(again.provider.synced).toBe(true), { timeout: WAIT_MS });
    await again.whenLocalLoaded;
    // The browser's reply to the server's step 1 is in once the server has answered its own step 1 too.
    await vi.waitFor(() => expect(server.syncRequests()).toBe(2), { timeout: WAIT_MS });
    expect(draftPlainText(again.doc)).toBe(draftPlainText(serverDoc));
    expect(draftBytes).toBeGreaterThan(100_000);
    expect(server.bytes().sent).toBeLessThan(draftBytes / 50);
    expect(server.bytes().received).toBeLessThan(draftBytes / 50);
  });

  it('the socket connects at once, while the local copy loads', async () => {
    const { serverDoc, server } = await serverWithLongDraft();
    const connection = open(server.url, `draft-${nextDraft++}`);
    expect(connection.provider.ws).not.toBeNull();
    await connection.whenLocalLoaded;
    await vi.waitFor(() => expect(connection.provider.synced).toBe(true), { timeout: WAIT_MS });
    expect(draftPlainText(connection.doc)).toBe(draftPlainText(serverDoc));
  });

  it('the socket says nothing, and the provider hears nothing, before the local copy is loaded', async () => {
    const { server } = await serverWithLongDraft();
    let loaded = () => {};
    const Socket = socketSpeakingAfter(new Promise<void>((resolve) => (loaded = resolve)));
    const socket = new Socket(server.url.replace(/^http/, 'ws'));
    cleanups.push(() => socket.close());
    const opened = vi.fn();
    const heard = vi.fn();
    socket.onopen = opened;
    socket.onmessage = heard;
    // The server's greeting (its step 1) has reached this browser: held, as the open before it.
    const arrived = vi.fn();
    socket.addEventListener('message', arrived);
    await vi.waitFor(() => expect(arrived).toHaveBeenCalledTimes(1), { timeout: WAIT_MS });
    expect(opened).not.toHaveBeenCalled();
    expect(heard).not.toHaveBeenCalled();
    loaded();
    await vi.waitFor(() => expect(heard).toHaveBeenCalledTimes(1), { timeout: WAIT_MS });
    expect(opened).toHaveBeenCalledTimes(1);
    expect(opened.mock.invocationCallOrder[0]).toBeLessThan(heard.mock.invocationCallOrder[0] as number);
  });

  it('a socket closed before the local copy is loaded never reports an open', async () => {
    const { server } = await serverWithLongDraft();
    let loaded = () => {};
    const copyLoaded = new Promise<void>((resolve) => (loaded = resolve));
    const Socket = socketSpeakingAfter(copyLoaded);
    const socket = new Socket(server.url.replace(/^http/, 'ws'));
    const opened = vi.fn();
    const closed = vi.fn();
    socket.onopen = opened;
    socket.onclose = closed;
    socket.addEventListener('open', () => socket.close());
    await vi.waitFor(() => expect(closed).toHaveBeenCalledTimes(1), { timeout: WAIT_MS });
    loaded();
    await copyLoaded;
    await Promise.resolve();
    expect(opened).not.toHaveBeenCalled();
  });

  it('opened offline it stays unconnected after loading, and connects when asked', async () => {
    const { serverDoc, server } = await serverWithLongDraft();
    const connection = open(server.url, `draft-${nextDraft++}`, false);
    await connection.whenLocalLoaded;
    expect(connection.provider.ws).toBeNull();
    connection.provider.connect();
    await vi.waitFor(() => expect(connection.provider.synced).toBe(true), { timeout: WAIT_MS });
    expect(draftPlainText(connection.doc)).toBe(draftPlainText(serverDoc));
  });

  it('asked to disconnect before the copy loaded (the network went away): it does not speak after', async () => {
    const { server } = await serverWithLongDraft();
    const connection = open(server.url, `draft-${nextDraft++}`);
    connection.provider.disconnect();
    await connection.whenLocalLoaded;
    // A second connection that does connect: once it has synced, the first would have had its chance.
    const other = open(server.url, `draft-${nextDraft++}`);
    await vi.waitFor(() => expect(other.provider.synced).toBe(true), { timeout: WAIT_MS });
    expect(connection.provider.ws).toBeNull();
    expect(server.syncRequests()).toBe(1);
  });
});
