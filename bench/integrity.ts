/**
 * Workload "integrity" (issue 16): what checking an update of a draft's mentoring document costs
 * on a small (~100 KB) and a large (~10 MB, observation photos) document, beside the way it was
 * checked before (a copy of the whole document per update), and whether an edit flood into one
 * draft slows the relay of an unrelated draft on the same server.
 */
import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { addObservation, observationsMap } from '../shared/mentoring/cycle-doc';
import { MentoringChecker } from '../shared/mentoring/mentoring-checker';
import { MentoringIndex } from '../shared/mentoring/mentoring-index';
import type { Anchor } from '../shared/mentoring/thread-schema';
import { addReply, addThread, type FeedbackAuthor } from '../shared/mentoring/threads';
import { roomName } from '../shared/protocol/rooms';
import type { ServerUnderTest } from './servers';
import { type Spread, spread } from './stats';

export interface CheckCost {
  label: string;
  documentBytes: number;
  /** Microseconds per checked update, now (touched entries only). */
  perUpdateMicros: Spread;
  /** The same updates checked the way they were before: a copy of the whole document each. */
  wholeCopyMicros: Spread;
}

export interface FloodLatency {
  floodedDocumentBytes: number;
  floodEdits: number;
  floodSeconds: number;
  /** Relay latency in an unrelated draft: before the flood and while it runs (ms). */
  quiet: Spread;
  flooded: Spread;
  /** The server's CPU per flood update (µs), everything it did meanwhile included. */
  serverMicrosPerFloodUpdate: number;
  /** /health answer time, before and during (ms). */
  healthQuietMs: number;
  healthFloodedMs: number;
}

export interface IntegrityResult {
  checks: CheckCost[];
  flood: FloodLatency | null;
}

const teacher: FeedbackAuthor = { id: 'u-sari', name: 'Bu Sari' };
const mentor: FeedbackAuthor = { id: 'u-budi', name: 'Pak Budi' };
const anchor: Anchor = { start: 'AQID', end: 'AQIE', quote: 'pecahan', prefix: '', suffix: '' };
/** A downscaled classroom photo is ~300 KB of data URL. */
const photo = (seed: number) => `data:image/jpeg;base64,${String(seed).padStart(8, '0')}${'A'.repeat(300_000)}`;

/** A mentoring document with `threads` threads and `photos` observation notes with a photo. */
function mentoringDocument(threads: number, photos: number): Y.Doc {
  const doc = new Y.Doc();
  for (let index = 0; index < threads; index += 1) {
    addThread(
      doc,
      { kind: 'improvement', anchor, body: `Masukan nomor ${index}: `.repeat(8) },
      mentor,
      new Date(),
      `t-${index}`,
    );
  }
  for (let index = 0; index < photos; index += 1) {
    addObservation(doc, { body: `Catatan ${index}`, tag: 'engagement', tone: 'keep', photo: photo(index) }, mentor);
  }
  return doc;
}

/** Each a reply to a thread, as a mentor typing feedback sends them. */
function replyUpdates(doc: Y.Doc, count: number, threads: number): Uint8Array[] {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const updates: Uint8Array[] = [];
  copy.on('update', (update: Uint8Array) => updates.push(update));
  for (let index = 0; index < count; index += 1) addReply(copy, `t-${index % threads}`, `balasan ${index}`, teacher);
  copy.destroy();
  return updates;
}

/** The check as it was: the whole document copied and read as JSON, before and after the update. */
function wholeCopyCheck(doc: Y.Doc, update: Uint8Array): void {
  const scratch = new Y.Doc({ gc: false });
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
  scratch.getMap('threads').toJSON();
  observationsMap(scratch).toJSON();
  Y.applyUpdate(scratch, update);
  scratch.getMap('threads').toJSON();
  observationsMap(scratch).toJSON();
  scratch.destroy();
}

function measureCheck(label: string, threads: number, photos: number, updates: number): CheckCost {
  const doc = mentoringDocument(threads, photos);
  const documentBytes = Y.encodeStateAsUpdate(doc).byteLength;
  const index = new MentoringIndex(doc);
  const checker = new MentoringChecker(doc, index, { maxDocumentBytes: 2 ** 40, maxPhotoChars: 2 ** 40 });
  const edits = replyUpdates(doc, updates, threads);
  const micros: number[] = [];
  for (const update of edits) {
    const started = performance.now();
    const result = checker.check(update, { userId: teacher.id, name: teacher.name, role: 'owner' });
    micros.push((performance.now() - started) * 1000);
    if (!result.ok) throw new Error(`an honest reply was refused: ${result.detail}`);
    Y.applyUpdate(doc, update);
  }
  // The old way costs seconds per update on the large document: a sample is enough.
  const sample = doc.getMap('threads');
  const copyMicros: number[] = [];
  for (const update of replyUpdates(doc, Math.min(20, updates), threads)) {
    const started = performance.now();
    wholeCopyCheck(doc, update);
    copyMicros.push((performance.now() - started) * 1000);
  }
  if (sample.size !== threads) throw new Error('threads changed under the benchmark');
  checker.destroy();
  index.destroy();
  doc.destroy();
  return { label, documentBytes, perUpdateMicros: spread(micros), wholeCopyMicros: spread(copyMicros) };
}

export function runCheckCosts(updates = 2000): CheckCost[] {
  return [measureCheck('~100 KB', 120, 0, updates), measureCheck('~10 MB', 120, 33, updates)];
}

function provider(server: ServerUnderTest, room: string, token: string, doc: Y.Doc): WebsocketProvider {
  return new WebsocketProvider(server.wsUrl, room, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
}

async function until(condition: () => boolean, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 5));
  }
}

async function healthMs(server: ServerUnderTest): Promise<number> {
  const started = performance.now();
  await (await fetch(`${server.httpUrl}/health`)).text();
  return performance.now() - started;
}

/** Pings through an unrelated draft every 50 ms for `seconds`; each ping's relay time in ms. */
async function relayLatencies(
  server: ServerUnderTest,
  room: string,
  token: string,
  seconds: number,
): Promise<number[]> {
  const sender = new Y.Doc();
  const receiver = new Y.Doc();
  const a = provider(server, room, token, sender);
  const b = provider(server, room, token, receiver);
  await until(() => a.synced && b.synced, 'the ping clients to sync');
  const latencies: number[] = [];
  const sent = new Map<number, number>();
  receiver.getMap<number>('ping').observe((event) => {
    for (const key of event.keysChanged) {
      const at = sent.get(Number(key));
      if (at !== undefined) latencies.push(performance.now() - at);
    }
  });
  const end = performance.now() + seconds * 1000;
  for (let ping = 0; performance.now() < end; ping += 1) {
    sent.set(ping, performance.now());
    sender.getMap<number>('ping').set(String(ping), ping);
    await new Promise((done) => setTimeout(done, 50));
  }
  await until(() => latencies.length >= sent.size - 1, 'the last pings');
  a.destroy();
  b.destroy();
  return latencies;
}

/** One draft's mentoring document grows to ~10 MB of photos, then 4 connections flood it with small notes. */
export async function runFloodLatency(server: ServerUnderTest, floodEdits = 2000): Promise<FloodLatency> {
  // Two accounts: the flood comes from one, the unrelated draft is another's (as in a school).
  const [flooded] = await server.openRooms(1);
  const [unrelated] = await server.openRooms(1);
  if (!flooded || !unrelated) throw new Error('two drafts are needed');
  const token = flooded.params.token as string;
  const me = await (await fetch(`${server.httpUrl}/api/me`, { headers: { authorization: `Bearer ${token}` } })).json();
  const author = me as FeedbackAuthor;
  const feedback = roomName(flooded.name, 'mentoring');
  const seeder = new Y.Doc();
  const seed = provider(server, feedback, token, seeder);
  await until(() => seed.synced, 'the seeding client to sync');
  for (let index = 0; index < 33; index += 1) {
    addObservation(seeder, { body: `Catatan ${index}`, tag: 'engagement', tone: 'keep', photo: photo(index) }, author);
  }
  const floodedDocumentBytes = Y.encodeStateAsUpdate(seeder).byteLength;
  await until(() => seed.ws?.bufferedAmount === 0, 'the photos to be sent');
  seed.destroy();

  await relayLatencies(server, unrelated.name, unrelated.params.token as string, 1); // warm up
  const healthQuietMs = await healthMs(server);
  const quiet = await relayLatencies(server, unrelated.name, unrelated.params.token as string, 5);
  const flooders = Array.from({ length: 4 }, () => {
    const doc = new Y.Doc();
    return { doc, connection: provider(server, feedback, token, doc) };
  });
  await until(() => flooders.every(({ connection }) => connection.synced), 'the flooders to sync');
  const floodStarted = performance.now();
  const cpuBefore = server.cpuSeconds();
  const during = relayLatencies(server, unrelated.name, unrelated.params.token as string, 5);
  const healthDuring = (async () => {
    await new Promise((done) => setTimeout(done, 1000));
    return healthMs(server);
  })();
  for (let index = 0; index < floodEdits; index += 1) {
    const { doc } = flooders[index % flooders.length] as (typeof flooders)[number];
    addObservation(doc, { body: `banjir ${index}`, tag: 'other', tone: 'fix', photo: null }, author);
    if (index % 50 === 0) await new Promise((done) => setImmediate(done));
  }
  const flooded_ = await during;
  const healthFloodedMs = await healthDuring;
  await until(
    () => flooders.every(({ connection }) => (connection.ws?.bufferedAmount ?? 0) === 0),
    'the flood to be sent',
  );
  const floodSeconds = (performance.now() - floodStarted) / 1000;
  const serverMicrosPerFloodUpdate = ((server.cpuSeconds() - cpuBefore) * 1e6) / floodEdits;
  for (const { connection } of flooders) connection.destroy();
  return {
    floodedDocumentBytes,
    floodEdits,
    floodSeconds,
    serverMicrosPerFloodUpdate,
    quiet: spread(quiet),
    flooded: spread(flooded_),
    healthQuietMs,
    healthFloodedMs,
  };
}
