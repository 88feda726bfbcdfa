/**
 * Workload "hostile" (issue 17): many connections send mutated y-websocket sync and awareness
 * messages (bit flips, truncations, wrong and huge claimed lengths, garbage; tests/integration's
 * fast-check generators) in bursts, reconnecting whenever the server closes them. After each
 * checkpoint (200,000 and 1,000,000 messages) every connection is closed and the server left idle;
 * its RSS then, against the RSS after a warm-up, is what it kept.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import { hostileMessage } from '../tests/integration/support/hostile-messages';
import { mallocHeapRssBytes } from './proc-stats';
import { benchMetricsHeaders, type RoomAccess, type ServerKind, type ServerUnderTest } from './servers';
import { sleep } from './stats';

export interface HostileShape {
  connections: number;
  /** Messages a connection sends at once before waiting for the server's answer (or close). */
  burst: number;
  /** Cumulative messages sent before each reading. */
  checkpoints: number[];
  settleSeconds: number;
  /** Sending stops after this long (the next readings then show the messages actually sent). */
  maxSendSeconds: number;
  /** Write a heap snapshot after each reading (the server must be started with `heapSnapshotDir`). */
  heapSnapshotDir?: string;
}

export interface HostileReading {
  messages: number;
  rssBytes: number;
  /** Of it, glibc malloc's main arena (`[heap]`): native memory, not V8's. */
  mallocHeapBytes: number;
  /** Dampingi only: its `process.memoryUsage()` as /metrics reports it, read just after the RSS. */
  memory: ProcessMemory | null;
  /** Connections (sessions) opened so far, and how many of them the server closed. */
  sessions: number;
  closedByServer: number;
  heapSnapshot: string | null;
}

export interface HostileResult {
  server: ServerKind;
  shape: Omit<HostileShape, 'heapSnapshotDir'>;
  startRssBytes: number;
  /** After a warm-up (every connection once, a few messages each) and the same quiet period. */
  baselineRssBytes: number;
  baselineMallocHeapBytes: number;
  baselineMemory: ProcessMemory | null;
  readings: HostileReading[];
  peakRssBytes: number;
  closeCodes: Record<string, number>;
  /** The server still answers HTTP after the last reading. */
  alive: boolean;
  seconds: number;
}

/** Bytes by kind: rss, heap_used, heap_total, external, array_buffers. */
export type ProcessMemory = Record<string, number>;

/** Dampingi's `dampingi_process_memory_bytes` gauge; null for the anchors, which have no such endpoint. */
async function processMemory(server: ServerUnderTest): Promise<ProcessMemory | null> {
  if (server.kind !== 'dampingi') return null;
  const body = await (await fetch(`${server.httpUrl}/metrics`, { headers: benchMetricsHeaders })).text();
  const memory: ProcessMemory = {};
  for (const match of body.matchAll(/^dampingi_process_memory_bytes\{kind="(\w+)"[^}]*\} (\S+)$/gm)) {
    memory[match[1] as string] = Number(match[2]);
  }
  return memory;
}

/** Accounts may hold 40 connections each in Dampingi as shipped; more accounts, not a lifted limit. */
const CONNECTIONS_PER_ROOM = 40;
const POOL_SIZE = 20_000;

/** A fixed pool from the fuzz generators, each send given one more random bit flip half the time. */
function messageSource(seed: number): () => Uint8Array {
  const pool = fc.sample(hostileMessage, { numRuns: POOL_SIZE, seed }).map((message) => message.bytes);
  let state = seed;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  return () => {
    const message = pool[Math.floor(random() * pool.length)] as Uint8Array;
    if (message.length === 0 || random() < 0.5) return message;
    const copy = message.slice();
    const at = Math.floor(random() * copy.length);
    copy[at] = (copy[at] as number) ^ (1 << Math.floor(random() * 8));
    return copy;
  };
}

/** Hocuspocus multiplexes documents on one socket: every message carries its document name first. */
function framing(
  server: ServerUnderTest,
  room: RoomAccess,
): { url: string; first: Uint8Array | null; wrap: (m: Uint8Array) => Uint8Array } {
  if (server.protocol === 'y-websocket') {
    const query = new URLSearchParams(room.params).toString();
    return {
      url: `${server.wsUrl}/${encodeURIComponent(room.name)}${query ? `?${query}` : ''}`,
      first: null,
      wrap: (m) => m,
    };
  }
  const prefixed = (write: (encoder: encoding.Encoder) => void) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, room.name);
    write(encoder);
    return encoding.toUint8Array(encoder);
  };
  const auth = prefixed((encoder) => {
    encoding.writeVarUint(encoder, 2); // Auth
    encoding.writeVarUint(encoder, 0); // Token
    encoding.writeVarString(encoder, 'bench');
  });
  return { url: server.wsUrl, first: auth, wrap: (m) => prefixed((encoder) => encoding.writeUint8Array(encoder, m)) };
}

interface SessionOutcome {
  closedByServer: boolean;
  code: number;
}

/** One connection: open, send the burst, wait for the server to close it or the bytes to leave, close. */
async function session(target: ReturnType<typeof framing>, messages: Uint8Array[]): Promise<SessionOutcome> {
  const ws = new WebSocket(target.url, { perMessageDeflate: false });
  ws.on('error', () => {});
  let closedByClient = false;
  const closed = new Promise<number>((done) => ws.once('close', (code) => done(code)));
  const opened = await Promise.race([
    new Promise<boolean>((done) => ws.once('open', () => done(true))),
    closed.then(() => false),
  ]);
  if (opened) {
    if (target.first) ws.send(target.first);
    for (const message of messages) {
      if (ws.readyState !== ws.OPEN) break;
      ws.send(target.wrap(message));
    }
    // Until sent, then a moment for the server to answer or refuse.
    for (let waited = 0; ws.readyState === ws.OPEN && (ws.bufferedAmount > 0 || waited < 100); waited += 20) {
      await sleep(20);
    }
    if (ws.readyState === ws.OPEN) {
      closedByClient = true;
      ws.close(1000);
    }
  }
  const timer = setTimeout(() => ws.terminate(), 5000);
  const code = await closed;
  clearTimeout(timer);
  return { closedByServer: opened && !closedByClient, code };
}

async function answers(server: ServerUnderTest): Promise<boolean> {
  try {
    const response = await fetch(server.kind === 'dampingi' ? `${server.httpUrl}/health` : server.httpUrl);
    await response.text();
    return response.ok;
  } catch {
    return false;
  }
}

/** Sends SIGUSR2 and waits until the new snapshot file has stopped growing. */
async function heapSnapshot(server: ServerUnderTest, dir: string): Promise<string> {
  const before = new Set(existsSync(dir) ? readdirSync(dir) : []);
  process.kill(server.pid, 'SIGUSR2');
  for (let tries = 0; tries < 600; tries += 1) {
    await sleep(500);
    const added = readdirSync(dir).find((name) => name.endsWith('.heapsnapshot') && !before.has(name));
    if (!added) continue;
    const path = join(dir, added);
    const size = statSync(path).size;
    await sleep(1000);
    if (size > 0 && statSync(path).size === size) return path;
  }
  throw new Error('no heap snapshot within 5 minutes');
}

export async function runHostile(server: ServerUnderTest, shape: HostileShape): Promise<HostileResult> {
  const started = Date.now();
  const rooms: RoomAccess[] = [];
  const roomCount = Math.ceil(shape.connections / CONNECTIONS_PER_ROOM);
  // Dampingi makes one account per call; the anchors take any name.
  for (let index = 0; index < roomCount; index += 1) rooms.push(...(await server.openRooms(1)));
  const targets = Array.from({ length: shape.connections }, (_, slot) =>
    framing(server, rooms[slot % rooms.length] as RoomAccess),
  );
  const next = messageSource(17);
  const closeCodes: Record<string, number> = {};
  let sent = 0;
  let sessions = 0;
  let closedByServer = 0;

  /** Every slot keeps a connection busy until `total` messages have been sent. */
  const sendUntil = (total: number, burst: number) =>
    Promise.all(
      targets.map(async (target) => {
        while (sent < total && Date.now() < sendDeadline) {
          const count = Math.min(burst, total - sent);
          sent += count;
          sessions += 1;
          const outcome = await session(
            target,
            Array.from({ length: count }, () => next()),
          );
          if (outcome.closedByServer) closedByServer += 1;
          closeCodes[outcome.code] = (closeCodes[outcome.code] ?? 0) + 1;
        }
      }),
    );
  const settle = async () => {
    await sleep(shape.settleSeconds * 1000);
    return server.rssBytes();
  };

  const startRssBytes = server.rssBytes();
  const sendDeadline = Date.now() + shape.maxSendSeconds * 1000;
  await sendUntil(shape.connections * 5, 5);
  const baselineRssBytes = await settle();
  const baselineMallocHeapBytes = mallocHeapRssBytes(server.pid);
  const baselineMemory = await processMemory(server);
  const warmUp = sent;
  const readings: HostileReading[] = [];
  for (const checkpoint of shape.checkpoints) {
    await sendUntil(warmUp + checkpoint, shape.burst);
    const rssBytes = await settle();
    const snapshot = shape.heapSnapshotDir ? await heapSnapshot(server, shape.heapSnapshotDir) : null;
    const mallocHeapBytes = mallocHeapRssBytes(server.pid);
    const memory = await processMemory(server);
    readings.push({
      messages: sent - warmUp,
      rssBytes,
      mallocHeapBytes,
      memory,
      sessions,
      closedByServer,
      heapSnapshot: snapshot,
    });
  }
  return {
    server: server.kind,
    shape: {
      connections: shape.connections,
      burst: shape.burst,
      checkpoints: shape.checkpoints,
      settleSeconds: shape.settleSeconds,
      maxSendSeconds: shape.maxSendSeconds,
    },
    startRssBytes,
    baselineRssBytes,
    baselineMallocHeapBytes,
    baselineMemory,
    readings,
    peakRssBytes: server.peakRssBytes(),
    closeCodes,
    alive: await answers(server),
    seconds: (Date.now() - started) / 1000,
  };
}
