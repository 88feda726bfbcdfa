/**
 * Workload "doc-memory" (issue 21): the heap one open document costs, per draft size. N copies of a
 * draft are opened in this process, each by the real room code (a `RoomRegistry` over SQLite, one
 * connection joined, as the server opens a draft for its first visitor) and, as the anchor, as a
 * plain `Y.Doc` with the update applied (what @y/websocket-server holds per document). The heap
 * used after a full collection, before and after, divided by N: bytes per open document.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import * as Y from 'yjs';
import { configFromEnv } from '../server/config';
import { exposedGarbageCollector } from '../server/idle-collection';
import type { RoomMembership } from '../server/rooms/document-room';
import { RoomRegistry, roomLimitsOf } from '../server/rooms/room-registry';
import { openSqliteStorage } from '../server/storage/sqlite/sqlite-storage';
import { DRAFT_CONTENT_FIELD } from '../shared/model/draft-extensions';
import { roomName } from '../shared/protocol/rooms';
import { offlineBacklog, paragraphText } from './backlog';

export interface DraftShape {
  label: string;
  paragraphs: number;
  /** ~300 KB classroom photos (data URLs), eight paragraphs typed before each. */
  photos: number;
}

export const draftShapes: DraftShape[] = [
  { label: '10 paragraphs', paragraphs: 10, photos: 0 },
  { label: '100 paragraphs', paragraphs: 100, photos: 0 },
  { label: '1,000 paragraphs', paragraphs: 1_000, photos: 0 },
  { label: '10,000 paragraphs', paragraphs: 10_000, photos: 0 },
  { label: '20 photos, 160 paragraphs', paragraphs: 160, photos: 20 },
];

export type Holder = 'room' | 'ydoc';

export interface DocMemoryReading {
  shape: string;
  holder: Holder;
  run: number;
  documents: number;
  encodedBytes: number;
  heapBytesPerDocument: number;
}

/** The draft as its editor writes it: paragraphs typed a phrase at a time (as bench/backlog.ts does). */
export function draftUpdate(shape: DraftShape): Uint8Array {
  if (shape.photos > 0) {
    // offlineBacklog writes eight paragraphs and one photo per ~300 KB.
    const { doc } = offlineBacklog(shape.photos * 300_000 - 150_000);
    return Y.encodeStateAsUpdate(doc);
  }
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(DRAFT_CONTENT_FIELD);
  for (let index = 0; index < shape.paragraphs; index += 1) {
    doc.transact(() => {
      const paragraph = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      paragraph.insert(0, [text]);
      fragment.insert(fragment.length, [paragraph]);
      const words = paragraphText(index).split(' ');
      for (let word = 0; word < words.length; word += 6)
        text.insert(text.length, `${words.slice(word, word + 6).join(' ')} `);
    });
  }
  return Y.encodeStateAsUpdate(doc);
}

/** Enough copies that the per-document figure stands above the heap's noise: ~20 MB of drafts, 3–100 of them. */
export function documentsFor(encodedBytes: number): number {
  return Math.max(3, Math.min(100, Math.floor(20_000_000 / encodedBytes)));
}

const collect = exposedGarbageCollector();

/** Heap used after full collections (two: weak references and finalizers let go in the second). */
function settledHeap(): number {
  collect();
  collect();
  return process.memoryUsage().heapUsed;
}

async function heapOfPlainDocs(update: Uint8Array, count: number): Promise<number> {
  const before = settledHeap();
  const docs = Array.from({ length: count }, () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, update);
    return doc;
  });
  const after = settledHeap();
  for (const doc of docs) doc.destroy();
  return (after - before) / count;
}

const sinkSocket = { isOpen: () => true, send: () => {}, close: () => {} };

async function heapOfRooms(update: Uint8Array, count: number, run: number): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dampingi-doc-memory-'));
  const loaded = configFromEnv({ DAMPINGI_DATA_DIR: dataDir });
  if (!loaded.ok) throw new Error(loaded.message);
  const { config } = loaded;
  const storage = openSqliteStorage({ dataDir, synchronous: 'NORMAL' });
  const names = Array.from({ length: count }, (_, index) => roomName(`memory${run}x${index}`.padEnd(10, '0')));
  for (const name of names) await storage.documents.appendUpdate(name, update);
  const registry = new RoomRegistry({
    documents: storage.documents,
    logger: pino({ level: 'silent' }),
    ...roomLimitsOf(config),
  });
  const memberships: RoomMembership[] = [];
  try {
    const before = settledHeap();
    for (const [index, name] of names.entries()) {
      const session = {
        connectionId: `c${index}`,
        userId: 'teacher',
        userName: 'Bu Sari',
        guest: false,
        sessionId: null,
        role: 'owner' as const,
        tokenExpiresAt: Date.now() + 3_600_000,
        tokenIssuedAt: Date.now(),
      };
      memberships.push(registry.join(name, sinkSocket, session));
    }
    await Promise.all(names.map((name) => registry.room(name)?.whenIdle()));
    if (names.some((name) => registry.room(name)?.status !== 'ready')) throw new Error('a room did not load');
    const after = settledHeap();
    return (after - before) / count;
  } finally {
    for (const membership of memberships) membership.leave();
    await registry.closeAll();
    await storage.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Every shape, both holders, `runs` times, interleaved (the holder that goes first alternates by run). */
export async function runDocMemory(shapes: DraftShape[], runs: number): Promise<DocMemoryReading[]> {
  const readings: DocMemoryReading[] = [];
  const updates = new Map(shapes.map((shape) => [shape, draftUpdate(shape)]));
  for (let run = 1; run <= runs; run += 1) {
    for (const shape of shapes) {
      const update = updates.get(shape) as Uint8Array;
      const documents = documentsFor(update.byteLength);
      const holders: Holder[] = run % 2 === 1 ? ['room', 'ydoc'] : ['ydoc', 'room'];
      for (const holder of holders) {
        const perDocument =
          holder === 'room' ? await heapOfRooms(update, documents, run) : await heapOfPlainDocs(update, documents);
        readings.push({
          shape: shape.label,
          holder,
          run,
          documents,
          encodedBytes: update.byteLength,
          heapBytesPerDocument: perDocument,
        });
      }
    }
  }
  return readings;
}
