/**
 * The cluster run's anchor: two Hocuspocus 4 instances (bench/servers/hocuspocus-redis.ts) sharing one
 * throwaway Redis through `@hocuspocus/extension-redis`, each room's clients alternating between them
 * as in the 'two-processes-direct' setup. Documents live in memory only: nothing is stored.
 * Every process is pinned to the server core, as the Dampingi setups are.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { z } from 'zod';
import { freePort, type LocalRedis, startRedis } from '../../scripts/dev/local-services';
import { cpuSeconds, mainThreadRunQueueSeconds, peakRssBytes, rssBytes } from '../proc-stats';
import { bundled, type RoomAccess, SERVER_CORE, waitUntilAnswering } from '../servers';
import { pinProcessTree, processTreeCpuSeconds, redisPid } from '../service-processes';
import { alternatingUrls, type ClusterPart, type ClusterStartOptions, type ClusterUnderTest } from './dampingi-cluster';

interface HocuspocusProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly url: string;
  readonly exited: Promise<void>;
}

/** What an instance's `GET /health` answers (see hocuspocus-redis.ts). */
const HealthSchema = z.object({ rooms: z.number().int().min(0), connections: z.number().int().min(0) });

async function startInstance(index: number, redisUrl: string): Promise<HocuspocusProcess> {
  const port = await freePort();
  const child = spawn('taskset', ['-c', SERVER_CORE, 'node', await bundled('bench/servers/hocuspocus-redis.ts')], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), REDIS_URL: redisUrl, INSTANCE: String(index) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilAnswering(`${url}/health`, child, () => stderr);
  if (child.pid === undefined) throw new Error('Hocuspocus process has no pid');
  return { child, pid: child.pid, url, exited };
}

async function stopInstance(instance: HocuspocusProcess): Promise<void> {
  if (instance.child.exitCode !== null || instance.child.signalCode !== null) return;
  // Hocuspocus stops on SIGTERM itself (unloading documents waits the Redis extension's 1 s delay).
  instance.child.kill('SIGTERM');
  const timer = setTimeout(() => instance.child.kill('SIGKILL'), 10_000);
  await instance.exited;
  clearTimeout(timer);
}

export async function startHocuspocusRedisCluster(options: ClusterStartOptions): Promise<ClusterUnderTest> {
  const stops: (() => Promise<void> | void)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop();
  };
  try {
    const redis: LocalRedis = await startRedis();
    stops.push(() => redis.stop());
    const pids: Partial<Record<ClusterPart, number>> = { redis: await redisPid(redis.url) };
    // Started from this process, Redis inherited the load generator's core: move it.
    pinProcessTree(pids.redis as number, SERVER_CORE);

    const instances: HocuspocusProcess[] = [];
    for (const index of [1, 2] as const) {
      const started = await startInstance(index, redis.url);
      instances.push(started);
      stops.push(() => stopInstance(started));
      pids[`hocuspocus ${index}`] = started.pid;
    }

    const first = instances[0] as HocuspocusProcess;
    const wsUrls = instances.map((instance) => instance.url.replace('http', 'ws'));
    const nextUrl = alternatingUrls(wsUrls, options.clientsPerRoom);
    let roomCounter = 0;
    const sum = (read: (pid: number) => number) => instances.reduce((total, instance) => total + read(instance.pid), 0);
    const partCpuSeconds = () =>
      Object.fromEntries(
        Object.entries(pids).map(([part, pid]) => [
          part,
          part.startsWith('hocuspocus') ? cpuSeconds(pid) : processTreeCpuSeconds(pid),
        ]),
      ) as Partial<Record<ClusterPart, number>>;
    return {
      kind: 'hocuspocus',
      setup: 'hocuspocus-redis',
      protocol: 'hocuspocus',
      httpUrl: first.url,
      processUrls: instances.map((instance) => instance.url),
      // Room k's client j goes to instance (j + k) mod 2, as in 'two-processes-direct'.
      get wsUrl() {
        return nextUrl();
      },
      pid: first.pid,
      cpuProfilePath: null,
      // The Hocuspocus processes only; Redis's share is in partCpuSeconds.
      cpuSeconds: () => sum(cpuSeconds),
      threadCpuSeconds: partCpuSeconds,
      partCpuSeconds,
      mainThreadRunQueueSeconds: () => sum(mainThreadRunQueueSeconds),
      peakRssBytes: () => sum(peakRssBytes),
      rssBytes: () => sum(rssBytes),
      // Hocuspocus asks no token here: a room is a document name.
      openRooms: async (count): Promise<RoomAccess[]> =>
        Array.from({ length: count }, () => ({ name: `cluster-bench-${roomCounter++}`, params: {} })),
      processLoads: () =>
        Promise.all(
          instances.map(async (instance) => HealthSchema.parse(await (await fetch(`${instance.url}/health`)).json())),
        ),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
