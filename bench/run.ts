/**
 * `npm run bench`: runs the chosen workloads against each server (a fresh child process per
 * measurement, pinned to core 0; this load generator pins itself to core 1) and writes the results.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { loadConcurrentTrace, replayConcurrentTrace } from './concurrent-traces';
import { type ExtractionResult, runExtraction } from './extraction';
import { type LiveEditingResult, runLiveEditing } from './live-editing';
import { type OfflineMergeResult, runOfflineMerge } from './offline-merge';
import { type BenchOptions, readOptions } from './options';
import { type BenchResults, type Machine, summariseLive, writeResults } from './report';
import { type ServerKind, type ServerUnderTest, startServerUnderTest } from './servers';
import { loadSequentialTrace, replayTrace, type TraceReplayResult } from './traces';

const LOAD_GENERATOR_CORE = '1';
const PACKAGES = ['yjs', 'y-websocket', 'ws', '@y/websocket-server', '@hocuspocus/server', '@hocuspocus/provider'];

function packageVersion(name: string): string {
  const text = readFileSync(join('node_modules', name, 'package.json'), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}

function git(args: string[]): string {
  return spawnSync('git', args, { encoding: 'utf8' }).stdout ?? '';
}

function describeMachine(): Machine {
  return {
    cpuModel: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    packages: Object.fromEntries(PACKAGES.map((name) => [name, packageVersion(name)])),
    commit: git(['rev-parse', '--short', 'HEAD']).trim(),
    serverTreeDirty: git(['status', '--porcelain', '--', 'server', 'shared']).trim() !== '',
  };
}

/** Pins every thread of this process to the load-generator core (when there is more than one core). */
function pinLoadGenerator(): void {
  if (cpus().length < 2) return;
  const pinned = spawnSync('taskset', ['-a', '-cp', LOAD_GENERATOR_CORE, String(process.pid)], { encoding: 'utf8' });
  if (pinned.status !== 0) console.warn(`could not pin the load generator: ${pinned.stderr}`);
}

async function withServer<T>(kind: ServerKind, work: (server: ServerUnderTest) => Promise<T>): Promise<T> {
  const server = await startServerUnderTest(kind);
  try {
    return await work(server);
  } finally {
    await server.stop();
  }
}

async function liveEditing(options: BenchOptions): Promise<LiveEditingResult[]> {
  const results: LiveEditingResult[] = [];
  // Servers interleaved run by run, so a drift in the machine's state does not favour one of them.
  for (const rooms of options.rooms) {
    for (let run = 1; run <= options.runs; run++) {
      for (const kind of options.servers) {
        const result = await withServer(kind, (server) =>
          runLiveEditing(server, {
            rooms,
            clientsPerRoom: options.clients,
            ratePerSecond: options.rate,
            warmupSeconds: options.warmup,
            durationSeconds: options.duration,
          }),
        );
        console.log(
          `live ${rooms} rooms run ${run} ${kind}: p50 ${result.p50Ms.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms, ` +
            `${result.cpuMicrosPerDelivered.toFixed(0)} µs CPU/update, ${(result.peakRssBytes / 2 ** 20).toFixed(0)} MiB, ` +
            `${result.deliveredUpdates}/${result.expectedDeliveries} delivered, ` +
            `load generator ${(result.generatorBusyFraction * 100).toFixed(0)}% busy`,
        );
        results.push(result);
      }
    }
  }
  return results;
}

/** Loads a trace once and returns how to replay it against one server. */
function traceReplay(path: string, options: BenchOptions): (server: ServerUnderTest) => Promise<TraceReplayResult> {
  const replayOptions = { maxTxns: options.traceTxns, windowTxns: options.traceWindow };
  if (path.includes('.concurrent.')) {
    const trace = loadConcurrentTrace(path);
    return (server) => replayConcurrentTrace(server, path, trace, replayOptions);
  }
  const trace = loadSequentialTrace(path);
  return (server) => replayTrace(server, path, trace, replayOptions);
}

async function traces(options: BenchOptions): Promise<TraceReplayResult[]> {
  const files = readdirSync(options.traceDir)
    .filter((name) => name.endsWith('.json.gz'))
    .sort();
  const results: TraceReplayResult[] = [];
  for (const file of files) {
    const replay = traceReplay(join(options.traceDir, file), options);
    for (const kind of options.servers) {
      const result = await withServer(kind, replay);
      console.log(
        `trace ${file} ${kind}: ${result.txns} txns, ${result.opsPerSecond.toFixed(0)} ops/s, ` +
          `text ${result.textMatches ? 'matches' : 'DIFFERS'}`,
      );
      results.push(result);
    }
  }
  return results;
}

async function offlineMerge(options: BenchOptions): Promise<OfflineMergeResult[]> {
  const results: OfflineMergeResult[] = [];
  for (const kind of options.servers) {
    for (const edits of options.offlineEdits) {
      const result = await withServer(kind, (server) => runOfflineMerge(server, edits));
      console.log(
        `offline ${kind} N=${edits}: ${result.bytes.sent + result.bytes.received} B vs floor ${result.floorBytes} B ` +
          `(${result.ratioToFloor.toFixed(3)}×), converged in ${result.convergeMs.toFixed(0)} ms`,
      );
      results.push(result);
    }
  }
  return results;
}

async function extraction(options: BenchOptions): Promise<ExtractionResult> {
  const result = await runExtraction(options.corpusDir, { repeats: options.extractionRepeats });
  const { dampingi, readability, defuddle } = result.perPageMs;
  console.log(
    `extraction over ${result.pages} pages, median ms/page: ours ${dampingi.median.toFixed(2)}, ` +
      `Readability ${readability.median.toFixed(2)}, Defuddle ${defuddle.median.toFixed(2)}`,
  );
  return result;
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2), process.env);
  pinLoadGenerator();
  // Every y-websocket provider adds a process 'exit' listener; hundreds of clients are expected here.
  process.setMaxListeners(0);
  const results: BenchResults = {
    date: new Date().toISOString(),
    machine: describeMachine(),
    options,
    live: options.workloads.includes('live') ? await liveEditing(options) : [],
    traces: options.workloads.includes('traces') ? await traces(options) : [],
    offline: options.workloads.includes('offline') ? await offlineMerge(options) : [],
    extraction: options.workloads.includes('extraction') ? await extraction(options) : null,
  };
  const written = writeResults(results);
  console.table(
    summariseLive(results.live).map((s) => ({
      rooms: s.rooms,
      server: s.server,
      p50Ms: s.p50Ms.median,
      p99Ms: s.p99Ms.median,
      cpuMicrosPerDelivered: s.cpuMicrosPerDelivered.median,
      peakRssMiB: s.peakRssMiB.median,
    })),
  );
  console.log(`wrote ${written.jsonPath} and ${written.markdownPath}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
