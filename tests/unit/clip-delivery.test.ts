import 'fake-indexeddb/auto';
import type { AddressInfo } from 'node:net';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket, WebSocketServer } from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { createDelivery, type Delivery } from '../../extension/outbox/delivery';
import { newOutboxEntry, type Outbox, openOutbox } from '../../extension/outbox/outbox';
import {
  clocksCover,
  clocksNeededFor,
  clocksProvenBy,
  mergeClocks,
  probeMessage,
} from '../../extension/outbox/sync-proof';
import { openDraftConnection } from '../../extension/sync/draft-connection';
import { type Clip, ClipSchema } from '../../shared/model/clip';
import { appendClip, clipIdsInDraft, draftPlainText } from '../../shared/model/draft-doc';
import { CloseCode } from '../../shared/protocol/close-codes';

/**
 * A y-websocket server as small as the protocol allows: greets with sync step 1, answers step 1
 * with step 2, applies updates. `dropUpdates` makes it accept updates and silently ignore them.
 */
async function startStockServer(options: { port?: number; dropUpdates?: boolean; refuseWith?: number } = {}) {
  const docs = new Map<string, Y.Doc>();
  const wss = new WebSocketServer({ host: '127.0.0.1', port: options.port ?? 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  wss.on('connection', (socket, request) => {
    if (options.refuseWith) {
      socket.close(options.refuseWith, 'refused');
      return;
    }
    const room = new URL(request.url ?? '/', 'http://x').pathname.split('/').pop() ?? '';
    const doc = docs.get(room) ?? new Y.Doc();
    docs.set(room, doc);
    socket.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) !== 0) return; // awareness: not needed here
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, 0);
      if (options.dropUpdates) {
        if (decoding.readVarUint(decoder) === syncProtocol.messageYjsSyncStep1) {
          syncProtocol.readSyncStep1(decoder, reply, doc);
        }
      } else {
        syncProtocol.readSyncMessage(decoder, reply, doc, socket);
      }
      if (encoding.length(reply) > 1) socket.send(encoding.toUint8Array(reply));
    });
    const greeting = encoding.createEncoder();
    encoding.writeVarUint(greeting, 0);
    syncProtocol.writeSyncStep1(greeting, doc);
    socket.send(encoding.toUint8Array(greeting));
  });
  const port = (wss.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    doc: (draftId: string) => docs.get(draftId) ?? new Y.Doc(),
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}

async function unusedPort(): Promise<number> {
  const server = await startStockServer();
  await server.close();
  return server.port;
}

let draftCounter = 0;
function makeClip(text: string, draftId = `draft-${String(++draftCounter).padStart(4, '0')}`): Clip {
  return ClipSchema.parse({
    clipId: crypto.randomUUID(),
    draftId,
    kind: 'selection',
    source: { title: 'Sumber', url: 'https://example.org/a', capturedAt: new Date().toISOString() },
    content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
  });
}

const timing = { confirmWaitMs: 3_000, probeEveryMs: 200, idleCloseMs: 2_000 };
let outboxes = 0;
let outbox: Outbox;
let delivery: Delivery;
const servers: { close(): Promise<void> }[] = [];

beforeAll(() => {
  // Node 20 has no global WebSocket; the provider picks up whatever is global when it is created.
  (globalThis as { WebSocket?: unknown }).WebSocket = NodeWebSocket;
});

async function setUp() {
  outbox = await openOutbox(indexedDB, `delivery-test-${++outboxes}`);
  delivery = createDelivery({ outbox: async () => outbox, openConnection: openDraftConnection, timing });
}

afterEach(async () => {
  delivery?.closeAll();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

afterAll(() => {
  delete (globalThis as { WebSocket?: unknown }).WebSocket;
});

describe('a clip leaves the outbox only when the server proved it has it', () => {
  it('delivered to a live server: confirmed, removed from the outbox, in the server draft once', async () => {
    await setUp();
    const server = await startStockServer();
    servers.push(server);
    const clip = makeClip('Tumbuhan hijau membuat makanan');
    const entry = newOutboxEntry(`${server.url}/`, clip, new Date());
    await outbox.put(entry);

    expect(await delivery.deliver(entry, 'token')).toEqual({ delivered: true });
    expect(await outbox.count()).toBe(0);
    expect([...clipIdsInDraft(server.doc(clip.draftId))]).toEqual([clip.clipId]);

    // Delivering it again (a retry that raced the confirmation) does not double it.
    await outbox.put(entry);
    expect(await delivery.deliver(entry, 'token')).toEqual({ delivered: true });
    expect(await outbox.count()).toBe(0);
    expect(draftPlainText(server.doc(clip.draftId))).toBe('Tumbuhan hijau membuat makanan');
  });

  it('a server that silently drops updates never confirms: the clip stays in the outbox', async () => {
    await setUp();
    const server = await startStockServer({ dropUpdates: true });
    servers.push(server);
    const clip = makeClip('Tidak sampai');
    const entry = newOutboxEntry(`${server.url}/`, clip, new Date());
    await outbox.put(entry);

    expect(await delivery.deliver(entry, 'token')).toEqual({ delivered: false, problem: 'timeout' });
    expect(await outbox.get(clip.clipId)).toMatchObject({ attempts: 1, problem: 'timeout' });
    expect(clipIdsInDraft(server.doc(clip.draftId)).size).toBe(0);
  });

  it('server unreachable: answered "offline" quickly; delivered exactly once when the server is back', async () => {
    await setUp();
    const port = await unusedPort();
    const serverUrl = `http://127.0.0.1:${port}/`;
    const clip = makeClip('Karbon dioksida dari udara');
    const entry = newOutboxEntry(serverUrl, clip, new Date());
    await outbox.put(entry);

    const started = Date.now();
    expect(await delivery.deliver(entry, 'token')).toEqual({ delivered: false, problem: 'offline' });
    expect(Date.now() - started).toBeLessThan(timing.confirmWaitMs);
    expect(await outbox.get(clip.clipId)).toMatchObject({ attempts: 1, problem: 'offline' });

    const server = await startStockServer({ port });
    servers.push(server);
    // The draft's connection is still open and reconnecting: it confirms without a new attempt.
    await expect.poll(() => outbox.count(), { timeout: 10_000 }).toBe(0);
    expect(await delivery.deliver(entry, 'token')).toEqual({ delivered: true });
    expect(draftPlainText(server.doc(clip.draftId))).toBe('Karbon dioksida dari udara');
  });

  it('a refused token (close 4401) is reported as unauthorized and the clip is kept', async () => {
    await setUp();
    const server = await startStockServer({ refuseWith: CloseCode.Unauthorized });
    servers.push(server);
    const entry = newOutboxEntry(`${server.url}/`, makeClip('Ditolak'), new Date());
    await outbox.put(entry);
    expect(await delivery.deliver(entry, 'token')).toEqual({ delivered: false, problem: 'unauthorized' });
    expect(await outbox.count()).toBe(1);
  });

  it('without a token nothing is sent and the clip waits', async () => {
    await setUp();
    const entry = newOutboxEntry('http://127.0.0.1:9/', makeClip('Belum masuk'), new Date());
    await outbox.put(entry);
    expect(await delivery.deliver(entry, null)).toEqual({ delivered: false, problem: 'not-signed-in' });
    expect(await outbox.count()).toBe(1);
  });
});

describe('reading the server’s proof from sync messages', () => {
  const syncStep2From = (server: Y.Doc, stateVector: Uint8Array) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(server, stateVector));
    return encoding.toUint8Array(encoder);
  };
  /** What a stock server answers to our probe: sync step 2 for the state vector in it. */
  const answerProbe = (server: Y.Doc, probe: Uint8Array) => {
    const decoder = decoding.createDecoder(probe);
    decoding.readVarUint(decoder);
    expect(decoding.readVarUint(decoder)).toBe(syncProtocol.messageYjsSyncStep1);
    return syncStep2From(server, decoding.readVarUint8Array(decoder));
  };

  it('appending the same clip twice to a Y.Doc adds it once', () => {
    const doc = new Y.Doc();
    const clip = makeClip('Sekali saja');
    expect(appendClip(doc, clip).ok).toBe(true);
    expect(appendClip(doc, clip)).toEqual({ ok: true, duplicate: true });
    expect(draftPlainText(doc)).toBe('Sekali saja');
  });

  it('the answer to a probe proves the clip only once the server has applied it', () => {
    const local = new Y.Doc();
    const server = new Y.Doc();
    Y.applyUpdate(local, Y.encodeStateAsUpdate(server));
    const clip = makeClip('Bukti');
    appendClip(local, clip);
    const needed = clocksNeededFor(local, clip.clipId);
    expect(needed.get(local.clientID)).toBeGreaterThan(0);

    const known = new Map<number, number>();
    mergeClocks(known, clocksProvenBy(answerProbe(server, probeMessage(local, needed))) ?? new Map());
    expect(clocksCover(known, needed)).toBe(false);

    Y.applyUpdate(server, Y.encodeStateAsUpdate(local));
    mergeClocks(known, clocksProvenBy(answerProbe(server, probeMessage(local, needed))) ?? new Map());
    expect(clocksCover(known, needed)).toBe(true);
  });

  it('the probe answer is small: only the end of the clip, not the whole draft', () => {
    const local = new Y.Doc();
    appendClip(local, makeClip('x'.repeat(5_000)));
    const clip = makeClip('Baru');
    appendClip(local, clip);
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(local));
    const answer = answerProbe(server, probeMessage(local, clocksNeededFor(local, clip.clipId)));
    expect(answer.byteLength).toBeLessThan(200);
  });

  it('a sync step 1 from the server proves its whole state vector; awareness proves nothing', () => {
    const server = new Y.Doc();
    server.getText('t').insert(0, 'abc');
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeSyncStep1(encoder, server);
    expect(clocksProvenBy(encoding.toUint8Array(encoder))?.get(server.clientID)).toBe(3);
    expect(clocksProvenBy(new Uint8Array([1, 0]))).toBeNull();
    expect(clocksProvenBy(new Uint8Array([0, 7]))).toBeNull();
  });

  it('a clip deleted after it arrived needs the server to hold everything we hold', () => {
    const local = new Y.Doc();
    const clip = makeClip('Dihapus');
    appendClip(local, clip);
    local.getXmlFragment('default').delete(0, 1);
    const needed = clocksNeededFor(local, clip.clipId);
    expect(needed).toEqual(Y.decodeStateVector(Y.encodeStateVector(local)));
  });
});
