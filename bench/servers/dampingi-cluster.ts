/**
 * The setups of the cluster run: one Dampingi process on PostgreSQL (no Redis), and two processes on
 * PostgreSQL + Redis, reached through HAProxy or directly. Every process and service is pinned to the
 * server core; the whole setup looks to the live-editing workload like one server under test.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  freePort,
  type LocalHaproxy,
  type LocalPostgres,
  type LocalRedis,
  startHaproxy,
  startPostgres,
  startRedis,
} from '../../scripts/dev/local-services';
import { addUser } from '../../server/cli/user-commands';
import { apiPaths, DraftInfoSchema, HealthResponseSchema } from '../../shared/protocol/api';
import { cpuSeconds, mainThreadRunQueueSeconds, peakRssBytes, rssBytes } from '../proc-stats';
import {
  BENCH_METRICS_TOKEN,
  benchMetricsHeaders,
  bundled,
  type RoomAccess,
  SERVER_CORE,
  type ServerUnderTest,
  waitUntilAnswering,
} from '../servers';
import {
  haproxyPid,
  pinProcessTree,
  postgresPostmasterPid,
  processTreeCpuSeconds,
  redisPid,
} from '../service-processes';

export const clusterSetups = ['one-process', 'two-processes', 'two-processes-direct', 'hocuspocus-redis'] as const;
export type ClusterSetup = (typeof clusterSetups)[number];

export const clusterSetupLabels: Record<ClusterSetup, string> = {
  'one-process': 'one process, PostgreSQL, no Redis',
  'two-processes': 'two processes, PostgreSQL + Redis, behind HAProxy',
  'two-processes-direct': 'two processes, PostgreSQL + Redis, clients alternate directly',
  'hocuspocus-redis': 'Hocuspocus 4, two instances + Redis extension, in memory, clients alternate directly',
};

/** The parts whose CPU is read, in the order they are reported. */
export const clusterParts = [
  'dampingi 1',
  'dampingi 2',
  'hocuspocus 1',
  'hocuspocus 2',
  'postgres',
  'redis',
  'haproxy',
] as const;
export type ClusterPart = (typeof clusterParts)[number];

/** What one process says it holds (`GET /health`). */
export interface ProcessLoad {
  rooms: number;
  connections: number;
}

export interface ClusterUnderTest extends ServerUnderTest {
  readonly setup: ClusterSetup;
  /** The Dampingi (or Hocuspocus) processes' HTTP URLs. */
  readonly processUrls: readonly string[];
  /** CPU seconds so far of each part present (the same numbers `threadCpuSeconds` gives the workload). */
  partCpuSeconds(): Partial<Record<ClusterPart, number>>;
  processLoads(): Promise<ProcessLoad[]>;
}

const TOKEN_SECRET = 'a-benchmark-cluster-secret-of-at-least-32-characters';

interface DampingiProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly url: string;
  readonly port: number;
  readonly exited: Promise<void>;
}

async function startDampingi(index: number, dataDir: string, env: Record<string, string>): Promise<DampingiProcess> {
  const port = await freePort();
  const processDir = join(dataDir, `process-${index}`);
  mkdirSync(join(processDir, 'web'), { recursive: true });
  const child = spawn('taskset', ['-c', SERVER_CORE, 'node', await bundled('server/main.ts')], {
    env: {
      ...process.env,
      ...env,
      DAMPINGI_HOST: '127.0.0.1',
      DAMPINGI_PORT: String(port),
      DAMPINGI_DATA_DIR: processDir,
      DAMPINGI_WEB_DIR: join(processDir, 'web'),
      DAMPINGI_TOKEN_SECRET: TOKEN_SECRET,
      MALLOC_ARENA_MAX: '2', // as `npm run serve` starts it
      DAMPINGI_RATE_MESSAGES_PER_SECOND: '1000000',
      DAMPINGI_RATE_BYTES_PER_SECOND: String(1024 * 1024 * 1024),
      DAMPINGI_METRICS_TOKEN: BENCH_METRICS_TOKEN,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilAnswering(`${url}${apiPaths.health}`, child, () => stderr);
  if (child.pid === undefined) throw new Error('server process has no pid');
  return { child, pid: child.pid, url, port, exited };
}

async function stopDampingi(server: DampingiProcess): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 10_000);
  await server.exited;
  clearTimeout(timer);
}

/** Resolves once HAProxy has both processes up: its round robin then alternates between them. */
async function waitForBothBehind(haproxyUrl: string, count: number): Promise<void> {
  const seen = new Set<string>();
  const deadline = Date.now() + 20_000;
  while (seen.size < count) {
    if (Date.now() > deadline) throw new Error(`HAProxy reached only ${seen.size} of ${count} processes in 20 s`);
    const body = await fetch(`${haproxyUrl}/metrics`, { headers: benchMetricsHeaders })
      .then((response) => (response.ok ? response.text() : ''))
      .catch(() => '');
    const label = /process="([^"]+)"/.exec(body)?.[1];
    if (label) seen.add(label);
    else await new Promise((done) => setTimeout(done, 100));
  }
}

async function openRooms(httpUrl: string, dataDir: string, databaseUrl: string, count: number): Promise<RoomAccess[]> {
  const user = await addUser(
    { dataDir, databaseUrl, tokenSecret: TOKEN_SECRET },
    `bench-${Date.now()}-${Math.random().toString(36).slice(2)}`,
  );
  if (!user.ok) throw new Error(user.message);
  const { token } = user.user;
  const rooms: RoomAccess[] = [];
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${httpUrl}${apiPaths.drafts}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: `cluster bench ${i}` }),
    });
    if (response.status !== 201) throw new Error(`creating a draft failed: ${response.status}`);
    rooms.push({ name: DraftInfoSchema.parse(await response.json()).id, params: { token } });
  }
  return rooms;
}

/**
 * Clients arrive room by room, `clientsPerRoom` each; room k's client j goes to process (j + k) mod n,
 * so every room has clients on every process and the rooms' writers are spread evenly.
 */
export function alternatingUrls(urls: readonly string[], clientsPerRoom: number): () => string {
  let next = 0;
  return () => {
    const client = next++;
    const room = Math.floor(client / clientsPerRoom);
    return urls[((client % clientsPerRoom) + room) % urls.length] as string;
  };
}

export interface ClusterStartOptions {
  /**
   * Direct setup: clients come room by room, this many per room; room k's client j goes to process
   * (j + k) mod 2, so each room has clients on both and the writers (j = 0) are shared evenly.
   */
  clientsPerRoom: number;
}

export async function startClusterUnderTest(
  setup: ClusterSetup,
  options: ClusterStartOptions,
): Promise<ClusterUnderTest> {
  const dataDir = mkdtempSync(join(tmpdir(), `dampingi-bench-${setup}-`));
  const stops: (() => Promise<void> | void)[] = [() => rmSync(dataDir, { recursive: true, force: true })];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop();
  };
  try {
    const clustered = setup !== 'one-process';
    const postgres: LocalPostgres = await startPostgres();
    stops.push(() => postgres.destroy());
    const redis: LocalRedis | null = clustered ? await startRedis() : null;
    if (redis) stops.push(() => redis.stop());
    // Started from this process, the services inherited the load generator's core: move them.
    const pids: Partial<Record<ClusterPart, number>> = { postgres: await postgresPostmasterPid(postgres.url) };
    if (redis) pids.redis = await redisPid(redis.url);

    const env: Record<string, string> = { DAMPINGI_DATABASE_URL: postgres.url };
    if (redis) env.DAMPINGI_REDIS_URL = redis.url;
    const processes: DampingiProcess[] = [];
    for (let index = 1; index <= (clustered ? 2 : 1); index++) {
      const started = await startDampingi(index, dataDir, env);
      processes.push(started);
      stops.push(() => stopDampingi(started));
      pids[index === 1 ? 'dampingi 1' : 'dampingi 2'] = started.pid;
    }

    let haproxy: LocalHaproxy | null = null;
    if (setup === 'two-processes') {
      const proxy = await startHaproxy(
        processes.map((server, index) => ({ name: `p${index + 1}`, port: server.port })),
      );
      haproxy = proxy;
      stops.push(() => proxy.stop());
      pids.haproxy = haproxyPid(Number(new URL(proxy.url).port));
      await waitForBothBehind(proxy.url, processes.length);
    }
    for (const part of ['postgres', 'redis', 'haproxy'] as const) {
      const pid = pids[part];
      if (pid !== undefined) pinProcessTree(pid, SERVER_CORE);
    }

    const first = processes[0] as DampingiProcess;
    const wsUrls = processes.map((server) => `${server.url.replace('http', 'ws')}/sync`);
    const nextDirectUrl = alternatingUrls(wsUrls, options.clientsPerRoom);
    const sum = (read: (pid: number) => number) => processes.reduce((total, server) => total + read(server.pid), 0);
    const partCpuSeconds = () =>
      Object.fromEntries(
        Object.entries(pids).map(([part, pid]) => [
          part,
          part.startsWith('dampingi') ? cpuSeconds(pid) : processTreeCpuSeconds(pid),
        ]),
      ) as Partial<Record<ClusterPart, number>>;
    return {
      kind: 'dampingi',
      setup,
      protocol: 'y-websocket',
      httpUrl: first.url,
      processUrls: processes.map((server) => server.url),
      // Through HAProxy (round robin), or each new client to its process (see ClusterStartOptions).
      get wsUrl() {
        if (haproxy) return `${haproxy.url.replace('http', 'ws')}/sync`;
        return nextDirectUrl();
      },
      pid: first.pid,
      cpuProfilePath: null,
      // The Dampingi processes only; the services' share is in partCpuSeconds.
      cpuSeconds: () => sum(cpuSeconds),
      threadCpuSeconds: partCpuSeconds,
      partCpuSeconds,
      mainThreadRunQueueSeconds: () => sum(mainThreadRunQueueSeconds),
      peakRssBytes: () => sum(peakRssBytes),
      rssBytes: () => sum(rssBytes),
      openRooms: (count) => openRooms(first.url, dataDir, postgres.url, count),
      processLoads: () =>
        Promise.all(
          processes.map(async (server) => {
            const health = HealthResponseSchema.parse(await (await fetch(`${server.url}${apiPaths.health}`)).json());
            return { rooms: health.rooms, connections: health.connections };
          }),
        ),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
