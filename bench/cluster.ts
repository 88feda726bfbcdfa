/**
 * The cluster run: the live-editing workload (R rooms × C clients, one writer per room) against one
 * Dampingi process on PostgreSQL and against two on PostgreSQL + Redis with each room's clients on
 * both, so every update crosses Redis; and, as the anchor, two Hocuspocus 4 instances on one Redis (its
 * Redis extension, in memory). Reports delivery latency and CPU per delivered update of the Dampingi
 * (or Hocuspocus) processes and, apart, of PostgreSQL, Redis and HAProxy.
 */
import { loadavg } from 'node:os';
import { type LiveEditingResult, runLiveEditing } from './live-editing';
import {
  type ClusterPart,
  type ClusterSetup,
  type ClusterUnderTest,
  clusterParts,
  type ProcessLoad,
  startClusterUnderTest,
} from './servers/dampingi-cluster';
import { startHocuspocusRedisCluster } from './servers/hocuspocus-cluster';
import { sleep } from './stats';

export interface ClusterShape {
  rooms: number;
  clientsPerRoom: number;
  ratePerSecond: number;
  warmupSeconds: number;
  durationSeconds: number;
}

export interface ClusterRunResult {
  setup: ClusterSetup;
  run: number;
  processes: number;
  /** The workload's own figures; its `serverThreadCpuSeconds` holds each part's CPU seconds in the window. */
  live: LiveEditingResult;
  /**
   * Server-side CPU µs per delivered update, by part ('dampingi' = every Dampingi process,
   * 'hocuspocus' = every Hocuspocus instance), and all together.
   */
  cpuMicrosPerDelivered: Partial<
    Record<
      'dampingi' | 'hocuspocus' | Exclude<ClusterPart, 'dampingi 1' | 'dampingi 2' | 'hocuspocus 1' | 'hocuspocus 2'>,
      number
    >
  > & {
    total: number;
  };
  /** The most rooms and connections each process held while the clients were connected. */
  processLoads: ProcessLoad[];
  /**
   * Rooms with clients on every process, so that their updates cross Redis (from the rooms each
   * process held: with two processes and every room held somewhere, the overlap).
   */
  roomsOnEveryProcess: number;
  /** The machine's 1-minute load average before and after the setup ran (2 cores: above 2 is a busy machine). */
  loadAverage: { before: number; after: number };
}

/**
 * Polls each process's `/health` while the workload runs, keeping the most rooms and connections
 * seen, and stops asking once every client is connected (so it adds nothing to the measured window).
 */
function watchProcessLoads(cluster: ClusterUnderTest, shape: ClusterShape): () => Promise<ProcessLoad[]> {
  const peaks: ProcessLoad[] = cluster.processUrls.map(() => ({ rooms: 0, connections: 0 }));
  let stopped = false;
  const everyone = shape.rooms * shape.clientsPerRoom;
  const watching = (async () => {
    while (!stopped) {
      const loads = await cluster.processLoads().catch(() => null);
      loads?.forEach((load, index) => {
        const peak = peaks[index] as ProcessLoad;
        peak.rooms = Math.max(peak.rooms, load.rooms);
        peak.connections = Math.max(peak.connections, load.connections);
      });
      if (loads && loads.reduce((total, load) => total + load.connections, 0) >= everyone) return;
      await sleep(250);
    }
  })();
  return async () => {
    stopped = true;
    await watching;
    return peaks;
  };
}

const perDelivered = (seconds: number | undefined, delivered: number) =>
  seconds === undefined || delivered === 0 ? undefined : (seconds * 1e6) / delivered;

export async function runClusterSetup(setup: ClusterSetup, shape: ClusterShape, run = 1): Promise<ClusterRunResult> {
  const before = loadavg()[0] as number;
  const cluster =
    setup === 'hocuspocus-redis'
      ? await startHocuspocusRedisCluster({ clientsPerRoom: shape.clientsPerRoom })
      : await startClusterUnderTest(setup, { clientsPerRoom: shape.clientsPerRoom });
  try {
    const stopWatching = watchProcessLoads(cluster, shape);
    const live = await runLiveEditing(cluster, shape);
    const processLoads = await stopWatching();
    const parts = live.serverThreadCpuSeconds as Partial<Record<ClusterPart, number>>;
    const delivered = live.deliveredUpdates;
    const dampingiSeconds = (parts['dampingi 1'] ?? 0) + (parts['dampingi 2'] ?? 0);
    const hocuspocusSeconds = (parts['hocuspocus 1'] ?? 0) + (parts['hocuspocus 2'] ?? 0);
    const hocuspocus = setup === 'hocuspocus-redis';
    const allSeconds = clusterParts.reduce((total, part) => total + (parts[part] ?? 0), 0);
    const cpuMicrosPerDelivered: ClusterRunResult['cpuMicrosPerDelivered'] = {
      dampingi: hocuspocus ? undefined : perDelivered(dampingiSeconds, delivered),
      hocuspocus: hocuspocus ? perDelivered(hocuspocusSeconds, delivered) : undefined,
      postgres: perDelivered(parts.postgres, delivered),
      redis: perDelivered(parts.redis, delivered),
      haproxy: perDelivered(parts.haproxy, delivered),
      total: perDelivered(allSeconds, delivered) ?? Number.NaN,
    };
    return {
      setup,
      run,
      processes: cluster.processUrls.length,
      live,
      cpuMicrosPerDelivered,
      processLoads,
      roomsOnEveryProcess: Math.max(
        0,
        processLoads.reduce((total, load) => total + load.rooms, 0) - (processLoads.length - 1) * shape.rooms,
      ),
      loadAverage: { before, after: loadavg()[0] as number },
    };
  } finally {
    await cluster.stop();
  }
}

/** Every setup, `runs` times, interleaved run by run so a drift in the machine's load favours none. */
export async function runClusterWorkload(
  setups: readonly ClusterSetup[],
  shape: ClusterShape,
  runs: number,
  onResult: (result: ClusterRunResult) => void = () => {},
): Promise<ClusterRunResult[]> {
  const results: ClusterRunResult[] = [];
  for (let run = 1; run <= runs; run++) {
    for (const setup of setups) {
      const result = await runClusterSetup(setup, shape, run);
      onResult(result);
      results.push(result);
    }
  }
  return results;
}
