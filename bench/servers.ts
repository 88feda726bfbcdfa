/**
 * The servers under test, each a child process pinned to core 0: Dampingi (durable SQLite) and the
 * anchors (@y/websocket-server in memory and with LevelDB, Hocuspocus in memory).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { bundleServer } from '../scripts/bundle-server';
import { addUser } from '../server/cli/user-commands';
import { apiPaths, DraftInfoSchema } from '../shared/protocol/api';
import { cpuSeconds, mainThreadRunQueueSeconds, peakRssBytes, rssBytes, threadCpuSeconds } from './proc-stats';

export const serverKinds = ['dampingi', 'yws-memory', 'yws-leveldb', 'hocuspocus'] as const;
export type ServerKind = (typeof serverKinds)[number];

/**
 * Dampingi's SQLite durability as shipped (`FULL`: survives power loss); `BENCH_DAMPINGI_SYNCHRONOUS=NORMAL`
 * measures the process-crash durability instead (README, DAMPINGI_SQLITE_SYNCHRONOUS).
 */
const dampingiSynchronous = z
  .enum(['FULL', 'NORMAL'])
  .default('FULL')
  .parse(process.env.BENCH_DAMPINGI_SYNCHRONOUS || undefined);

export const serverLabels: Record<ServerKind, string> = {
  dampingi: `Dampingi (SQLite, synchronous=${dampingiSynchronous})`,
  'yws-memory': '@y/websocket-server (memory)',
  'yws-leveldb': '@y/websocket-server (LevelDB)',
  hocuspocus: 'Hocuspocus (memory)',
};

/** Which client speaks to the server: the stock y-websocket provider or the Hocuspocus provider. */
export type ClientProtocol = 'y-websocket' | 'hocuspocus';

/** A room a client may join: its name and the URL parameters (the token) it needs. */
export interface RoomAccess {
  readonly name: string;
  readonly params: Record<string, string>;
}

export interface ServerUnderTest {
  readonly kind: ServerKind;
  readonly protocol: ClientProtocol;
  /** The server's HTTP base URL (Dampingi serves its API and the web editor there). */
  readonly httpUrl: string;
  /** What the client is given as its server URL (y-websocket appends `/<room>`). */
  readonly wsUrl: string;
  readonly pid: number;
  /** Where the server writes its V8 CPU profile on exit, when started with `cpuProfileDir`. */
  readonly cpuProfilePath: string | null;
  cpuSeconds(): number;
  /** CPU seconds per thread name ('main thread', 'V8Worker', …). */
  threadCpuSeconds(): Record<string, number>;
  /** Time the main thread waited, runnable, for a CPU taken by other processes. */
  mainThreadRunQueueSeconds(): number;
  peakRssBytes(): number;
  rssBytes(): number;
  /** The last lines the server wrote to stderr (why it exited, when it did). */
  stderrTail?(): string;
  openRooms(count: number): Promise<RoomAccess[]>;
  stop(): Promise<void>;
}

/** Dampingi serves /metrics only to this bearer token (DAMPINGI_METRICS_TOKEN); the bench reads it. */
export const BENCH_METRICS_TOKEN = 'bench-metrics-token-0123456789';
export const benchMetricsHeaders = { authorization: `Bearer ${BENCH_METRICS_TOKEN}` };

/** The core the server runs on; the load generator pins itself elsewhere (see run.ts). */
export const SERVER_CORE = '0';

export interface ServerStartOptions {
  /** Dampingi only: the directory it serves the web editor from (default an empty one). */
  webDir?: string;
  /** Node servers only: write a V8 CPU profile (`--cpu-prof`) into this directory when the server exits. */
  cpuProfileDir?: string;
  /** Node servers only: run under V8's GC trace (bench/gc-trace.ts), its lines written to this file. */
  gcTraceFile?: string;
  /** Dampingi only: keep the per-connection and per-account rate limits as shipped (the traces lift them). */
  shippedRateLimits?: boolean;
  /** Node servers only: SIGUSR2 makes the server write a V8 heap snapshot into this directory. */
  heapSnapshotDir?: string;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const address = probe.address();
  await new Promise<void>((done) => probe.close(() => done()));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

const bundles = new Map<string, Promise<string>>();

/** TypeScript servers bundled once per run, as `npm start` runs ours (scripts/bundle-server.ts). */
export function bundled(entry: string): Promise<string> {
  const existing = bundles.get(entry);
  if (existing) return existing;
  // Under node_modules, so the bench's own servers (Hocuspocus) resolve their imports too; one
  // folder per checkout, as worktrees may share one node_modules and must not run each other's bundle.
  const checkout = basename(process.cwd()).replace(/[^\w.-]/g, '_');
  const result = bundleServer(
    entry,
    join('node_modules', '.cache', `dampingi-bench-${checkout}`, basename(entry).replace(/\.ts$/, '')),
  );
  bundles.set(entry, result);
  return result;
}

async function launchCommand(
  kind: ServerKind,
  dataDir: string,
  options: ServerStartOptions,
): Promise<{ args: string[]; env: Record<string, string> }> {
  switch (kind) {
    case 'dampingi':
      return {
        args: ['node', await bundled('server/main.ts')],
        env: {
          DAMPINGI_DATA_DIR: dataDir,
          DAMPINGI_WEB_DIR: options.webDir ?? join(dataDir, 'web'),
          DAMPINGI_SQLITE_SYNCHRONOUS: dampingiSynchronous,
          // The trace replay types faster than any person; the per-connection limits would slow it down.
          ...(options.shippedRateLimits
            ? {}
            : {
                DAMPINGI_RATE_MESSAGES_PER_SECOND: '1000000',
                DAMPINGI_RATE_BYTES_PER_SECOND: String(1024 * 1024 * 1024),
                DAMPINGI_RATE_USER_MESSAGES_PER_SECOND: '1000000',
                DAMPINGI_RATE_USER_BYTES_PER_SECOND: String(1024 * 1024 * 1024),
                // Every bench client signs in as one account; the shipped cap (40) would refuse the 41st.
                DAMPINGI_MAX_CONNECTIONS_PER_USER: '10000',
              }),
          DAMPINGI_METRICS_TOKEN: BENCH_METRICS_TOKEN,
          LOG_LEVEL: 'warn',
          // As `npm run serve` starts it (package.json; bench/HOSTILE.md).
          MALLOC_ARENA_MAX: '2',
        },
      };
    case 'yws-memory':
      return { args: ['node', 'node_modules/@y/websocket-server/src/server.js'], env: {} };
    case 'yws-leveldb':
      return { args: ['node', 'node_modules/@y/websocket-server/src/server.js'], env: { YPERSISTENCE: dataDir } };
    case 'hocuspocus':
      return { args: ['node', await bundled('bench/servers/hocuspocus-server.ts')], env: {} };
  }
}

export async function waitUntilAnswering(httpUrl: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited while starting:\n${stderr()}`);
    try {
      await fetch(httpUrl);
      return;
    } catch {
      await new Promise((done) => setTimeout(done, 50));
    }
  }
  throw new Error(`server at ${httpUrl} did not answer within 30 s:\n${stderr()}`);
}

async function dampingiRooms(httpUrl: string, dataDir: string, count: number): Promise<RoomAccess[]> {
  const created = await addUser({ dataDir }, `bench-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  if (!created.ok) throw new Error(created.message);
  const { token } = created.user;
  const rooms: RoomAccess[] = [];
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${httpUrl}${apiPaths.drafts}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: `bench ${i}` }),
    });
    if (response.status !== 201) throw new Error(`creating a draft failed: ${response.status}`);
    const draft = DraftInfoSchema.parse(await response.json());
    rooms.push({ name: draft.id, params: { token } });
  }
  return rooms;
}

/** `node --cpu-prof` flags, inserted after `node`; the profile is written when the process exits. */
function profiled(args: string[], kind: ServerKind, dir: string | undefined): { args: string[]; path: string | null } {
  if (dir === undefined) return { args, path: null };
  mkdirSync(dir, { recursive: true });
  const name = `${kind}-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`;
  const [node, ...rest] = args;
  return {
    args: [node as string, '--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${name}`, ...rest],
    path: join(dir, name),
  };
}

export async function startServerUnderTest(
  kind: ServerKind,
  options: ServerStartOptions = {},
): Promise<ServerUnderTest> {
  const dataDir = mkdtempSync(join(tmpdir(), `dampingi-bench-${kind}-`));
  mkdirSync(join(dataDir, 'web'));
  const port = await freePort();
  const launch = await launchCommand(kind, dataDir, options);
  const { env } = launch;
  const { args: profiledArgs, path: cpuProfilePath } = profiled(launch.args, kind, options.cpuProfileDir);
  const [node, ...rest] = profiledArgs;
  const nodeFlags = [
    ...(options.gcTraceFile ? ['--trace-gc-nvp'] : []),
    ...(options.heapSnapshotDir
      ? ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${options.heapSnapshotDir}`]
      : []),
  ];
  if (options.heapSnapshotDir) mkdirSync(options.heapSnapshotDir, { recursive: true });
  const args = [node as string, ...nodeFlags, ...rest];
  if (options.gcTraceFile) mkdirSync(dirname(options.gcTraceFile), { recursive: true });
  // The GC trace goes to stdout; the servers' own logs go to stderr.
  const stdout = options.gcTraceFile ? openSync(options.gcTraceFile, 'w') : 'ignore';
  const child = spawn('taskset', ['-c', SERVER_CORE, ...args], {
    env: {
      ...process.env,
      ...env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DAMPINGI_HOST: '127.0.0.1',
      DAMPINGI_PORT: String(port),
    },
    stdio: ['ignore', stdout, 'pipe'],
  });
  if (typeof stdout === 'number') closeSync(stdout); // the child has its own copy
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const httpUrl = `http://127.0.0.1:${port}`;
  await waitUntilAnswering(kind === 'dampingi' ? `${httpUrl}${apiPaths.health}` : httpUrl, child, () => stderr);
  const pid = child.pid;
  if (pid === undefined) throw new Error('server process has no pid');
  let roomCounter = 0;
  return {
    kind,
    protocol: kind === 'hocuspocus' ? 'hocuspocus' : 'y-websocket',
    httpUrl,
    wsUrl: kind === 'dampingi' ? `ws://127.0.0.1:${port}/sync` : `ws://127.0.0.1:${port}`,
    pid,
    cpuProfilePath,
    cpuSeconds: () => cpuSeconds(pid),
    threadCpuSeconds: () => threadCpuSeconds(pid),
    mainThreadRunQueueSeconds: () => mainThreadRunQueueSeconds(pid),
    peakRssBytes: () => peakRssBytes(pid),
    rssBytes: () => rssBytes(pid),
    stderrTail: () => stderr.slice(-2000),
    async openRooms(count) {
      if (kind === 'dampingi') return dampingiRooms(httpUrl, dataDir, count);
      return Array.from({ length: count }, () => ({ name: `bench-room-${roomCounter++}`, params: {} }));
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
