/**
 * `npm run bench`: runs the chosen workloads against each server (a fresh child process per
 * measurement, pinned to core 0; this load generator pins itself to core 1) and writes the results.
 */

import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { runBacklog } from './backlog';
import { writeBacklogResults } from './backlog-report';
import { runClusterWorkload } from './cluster';
import { missingAnchors, serviceVersions, writeClusterResults } from './cluster-report';
import { loadConcurrentTrace, replayConcurrentTrace } from './concurrent-traces';
import { summariseCpuProfile } from './cpu-profile';
import { draftShapes, runDocMemory } from './doc-memory';
import { writeDocMemoryResults } from './doc-memory-report';
import { runExtraction } from './extraction';
import { writeExtractionResults } from './extraction/report';
import { FIRST_LOAD_TARGETS, writeFirstLoad } from './first-load';
import { type GcTracedRun, readGcTrace, writeMemoryMarkdown } from './gc-trace';
import { type HostileResult, runHostile } from './hostile';
import { writeHostileResults } from './hostile-report';
import { runCheckCosts, runFloodLatency } from './integrity';
import { writeIntegrityResults } from './integrity-report';
import { type LiveEditingResult, runLiveEditing } from './live-editing';
import { type OfflineMergeResult, runOfflineMerge } from './offline-merge';
import { type OpenDraftResult, runOpenDraft } from './open-draft';
import { longestTrace } from './open-draft/draft-document';
import { type BenchOptions, readOptions } from './options';
import { keptNotes, popupPaintMarkdown, runPopupPaint } from './popup-paint';
import { type ProfiledRun, uptime, writeProfileMarkdown } from './profile-report';
import { type BenchResults, type Machine, summariseLive, writeResults } from './report';
import {
  SERVER_CORE,
  type ServerKind,
  type ServerStartOptions,
  type ServerUnderTest,
  startServerUnderTest,
} from './servers';
import { measureCommitCost } from './sqlite-commit-cost';
import { loadSequentialTrace, replayTrace, type TraceReplayResult } from './traces';

const LOAD_GENERATOR_CORE = '1';
/** Workloads that write their own Markdown file, not RESULTS.md. */
const ownFileWorkloads = new Set([
  'cluster',
  'integrity',
  'extraction',
  'backlog',
  'doc-memory',
  'hostile',
  'bundle',
  'popup',
]);
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

/** Pins every thread of this process to one core (when there is more than one core). */
function pinTo(core: string): void {
  if (cpus().length < 2) return;
  const pinned = spawnSync('taskset', ['-a', '-cp', core, String(process.pid)], { encoding: 'utf8' });
  if (pinned.status !== 0) console.warn(`could not pin the benchmark process to core ${core}: ${pinned.stderr}`);
}

async function withServer<T>(
  kind: ServerKind,
  work: (server: ServerUnderTest) => Promise<T>,
  start: ServerStartOptions = {},
): Promise<T> {
  const server = await startServerUnderTest(kind, start);
  try {
    return await work(server);
  } finally {
    await server.stop();
  }
}

async function liveEditing(
  options: BenchOptions,
  profiled: ProfiledRun[],
  gcTraced: GcTracedRun[],
): Promise<LiveEditingResult[]> {
  const results: LiveEditingResult[] = [];
  // Servers interleaved run by run, so a drift in the machine's state does not favour one of them.
  for (const rooms of options.rooms) {
    for (let run = 1; run <= options.runs; run++) {
      for (const kind of options.servers) {
        const profile = options.profile && kind === 'dampingi';
        const gcTraceFile = options.gcTrace
          ? join(options.gcTraceDir, `${kind}-${rooms}-rooms-run-${run}.txt`)
          : undefined;
        const uptimeBefore = uptime();
        const { result, profilePath } = await withServer(
          kind,
          async (server) => ({
            profilePath: server.cpuProfilePath,
            result: await runLiveEditing(server, {
              rooms,
              clientsPerRoom: options.clients,
              ratePerSecond: options.rate,
              warmupSeconds: options.warmup,
              durationSeconds: options.duration,
            }),
          }),
          { ...(profile ? { cpuProfileDir: options.profileDir } : {}), gcTraceFile },
        );
        if (gcTraceFile) {
          gcTraced.push({
            kind,
            rooms,
            run,
            tracePath: gcTraceFile,
            summary: readGcTrace(gcTraceFile),
            peakRssMiB: result.peakRssBytes / 2 ** 20,
            deliveredUpdates: result.deliveredUpdates,
          });
        }
        // The profile is written when the server exits, i.e. once withServer has stopped it.
        if (profilePath !== null) {
          const summary = summariseCpuProfile(profilePath, result.windowMonotonicMicros);
          profiled.push({ result, profilePath, summary, uptimeBefore, uptimeAfter: uptime() });
          console.log(`profile ${profilePath}: ${summary.busyMs.toFixed(0)} ms busy in the measured window`);
        }
        console.log(
          `live ${rooms} rooms run ${run} ${kind}: p50 ${result.p50Ms.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms, ` +
            `${result.cpuMicrosPerDelivered.toFixed(0)} µs CPU/update, ${(result.peakRssBytes / 2 ** 20).toFixed(0)} MiB peak ` +
            `(${(result.idleRssBytes / 2 ** 20).toFixed(0)} idle), ` +
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
  const replays = files.map((file) => ({ file, replay: traceReplay(join(options.traceDir, file), options) }));
  const results: TraceReplayResult[] = [];
  // Interleaved run by run (and server by server within a trace), so a drift in the machine's load
  // weighs on every server alike; each run's ratio compares servers measured minutes apart at most.
  for (let run = 1; run <= options.runs; run++) {
    for (const { file, replay } of replays) {
      for (const kind of options.servers) {
        const result = { ...(await withServer(kind, replay)), run };
        console.log(
          `trace ${file} run ${run} ${kind}: ${result.txns} txns, ${result.opsPerSecond.toFixed(0)} ops/s, ` +
            `text ${result.textMatches ? 'matches' : 'DIFFERS'} (${uptime().trim()})`,
        );
        results.push(result);
      }
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

async function openDraft(options: BenchOptions): Promise<OpenDraftResult | null> {
  if (!options.servers.includes('dampingi')) {
    console.warn('open-draft measures the Dampingi web editor only: skipped (dampingi not in --servers)');
    return null;
  }
  const result = await runOpenDraft({
    tracePath: options.openTrace ?? longestTrace(options.traceDir),
    maxParagraphs: options.openParagraphs,
    runs: options.runs,
    webDir: options.webDir,
    warm: true,
  });
  for (const { page, marks } of result.summary) {
    console.log(
      `open ${result.trace} (${result.paragraphs} paragraphs) ${page}: first render ${marks.firstRender.median.toFixed(0)} ms, ` +
        `full ${marks.fullRender.median.toFixed(0)} ms, interactive ${marks.interactive.median.toFixed(0)} ms`,
    );
  }
  return result;
}

/** What each page loads before it runs (bench/first-load.ts): written on its own to BUNDLE.md. */
function bundle(date: string): void {
  if (!existsSync('.output/chrome-mv3/editor.html')) {
    console.warn('bundle: not measured: no build in .output/chrome-mv3 (run npm run build first)');
    return;
  }
  const loads = writeFirstLoad('.output/chrome-mv3', 'bench/BUNDLE.md', date);
  for (const load of loads) {
    console.log(
      `first load ${load.page}: ${load.scripts.length} scripts, ${(load.totalGzipBytes / 1000).toFixed(1)} kB gzipped, ` +
        `largest ${(load.largestGzipBytes / 1000).toFixed(1)} kB`,
    );
  }
  const editor = loads.find((load) => load.page === 'editor.html');
  const popup = loads.find((load) => load.page === 'popup.html');
  console.log(
    `targets: editor largest chunk ≤ ${FIRST_LOAD_TARGETS.editorLargestChunkGzip / 1000} kB: ${editor && editor.largestGzipBytes <= FIRST_LOAD_TARGETS.editorLargestChunkGzip ? 'met' : 'missed'}; ` +
      `popup ≤ ${FIRST_LOAD_TARGETS.popupTotalGzip / 1000} kB: ${popup && popup.totalGzipBytes <= FIRST_LOAD_TARGETS.popupTotalGzip ? 'met' : 'missed'}`,
  );
}

/** The popup's first paint beside a static extension page (bench/popup-paint.ts): written on its own to POPUP.md. */
async function popupPaint(options: BenchOptions, date: string, machine: Machine): Promise<void> {
  if (!existsSync(join(options.webDir, 'popup.html'))) {
    console.warn(`popup: not measured: no build in ${options.webDir} (run npm run build first)`);
    return;
  }
  const before = uptime();
  const result = await runPopupPaint({ extensionDir: options.webDir, runs: options.runs });
  const heading =
    `Generated by \`npm run bench -- --workloads=popup\` on ${date}: ${machine.cpuModel}, ${machine.cores} cores, ` +
    `Chromium on the load-generator core. Load: \`${before}\` before, \`${uptime()}\` after.`;
  const previous = existsSync(options.popupMarkdown) ? readFileSync(options.popupMarkdown, 'utf8') : null;
  writeFileSync(options.popupMarkdown, popupPaintMarkdown(result, heading, keptNotes(previous)));
  for (const summary of result.summary) {
    console.log(
      `popup ${summary.page}: first contentful paint ${summary.marks.firstContentfulPaint.median.toFixed(0)} ms, ` +
        `controls ${summary.marks.controls.median.toFixed(0)} ms`,
    );
  }
  console.log(`wrote ${options.popupMarkdown}`);
}

/** Extraction quality and time beside Readability.js and Defuddle (issue 23): written on its own to EXTRACTION.md. */
async function extraction(options: BenchOptions, date: string, machine: Machine): Promise<void> {
  // Each page's outcome as it comes, so a run stopped before its end still leaves what it measured.
  mkdirSync(options.out, { recursive: true });
  const progressPath = join(options.out, `extraction-${date.replace(/[:.]/g, '-')}.progress.jsonl`);
  console.log(`extraction: each page's outcome goes to ${progressPath}`);
  const result = await runExtraction(options.extractionDir, {
    limit: options.limit,
    every: options.extractionEvery,
    workers: options.extractionWorkers,
    repeats: options.extractionRepeats,
    extractors: options.extractors,
    onPage: (done, outcome) => {
      appendFileSync(progressPath, `${JSON.stringify(outcome)}\n`);
      if (done % 50 === 0) console.log(`extraction: ${done} pages`);
    },
  });
  for (const extractor of result.extractors) {
    const s = result.summary[extractor];
    if (!s) continue;
    console.log(
      `extraction ${extractor} over ${result.pages} pages: precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)}, ` +
        `F1 ${s.f1.toFixed(3)}, mean ${s.meanMs.toFixed(1)} ms/page, median ${s.perPageMs.median.toFixed(1)} ms/page`,
    );
  }
  const written = writeExtractionResults(date, machine, result, {
    out: options.out,
    markdown: options.extractionMarkdown,
    repeats: options.extractionRepeats,
  });
  console.log(`wrote ${written.jsonPath} and ${written.markdownPath}`);
}

/** One process vs two on PostgreSQL + Redis: written on its own to CLUSTER.md (see bench/cluster.ts). */
async function cluster(options: BenchOptions, date: string, machine: Machine): Promise<void> {
  const notMeasured = missingAnchors();
  for (const missing of notMeasured) console.warn(`cluster: not measured: ${missing.setup}: ${missing.reason}`);
  const shape = {
    rooms: options.clusterRooms,
    clientsPerRoom: options.clusterClients,
    ratePerSecond: options.clusterRate,
    warmupSeconds: options.warmup,
    durationSeconds: options.duration,
  };
  const results = await runClusterWorkload(options.clusterSetups, shape, options.clusterRuns, (result) => {
    const us = result.cpuMicrosPerDelivered;
    const part = (name: string, value: number | undefined) =>
      value === undefined ? '' : `${name} ${value.toFixed(0)}, `;
    console.log(
      `cluster run ${result.run} ${result.setup}: p50 ${result.live.p50Ms.toFixed(1)} ms, p99 ${result.live.p99Ms.toFixed(1)} ms, ` +
        `CPU µs/update ${part('Dampingi', us.dampingi)}${part('Hocuspocus', us.hocuspocus)}${part('PostgreSQL', us.postgres)}` +
        `${part('Redis', us.redis)}${part('HAProxy', us.haproxy)}all ${us.total.toFixed(0)}; ` +
        `${result.live.deliveredUpdates}/${result.live.expectedDeliveries} delivered, ` +
        `${result.roomsOnEveryProcess}/${shape.rooms} rooms on every process`,
    );
  });
  const written = writeClusterResults(
    { date, machine, shape, runs: options.clusterRuns, services: serviceVersions(), notMeasured, results },
    options.clusterOut,
    options.clusterMarkdown,
  );
  console.log(`wrote ${written.jsonPath} and ${written.markdownPath}`);
}

/** Checking the mentoring record and an edit flood (issue 16): written on its own to INTEGRITY.md. */
async function integrity(options: BenchOptions, date: string, machine: Machine): Promise<void> {
  const checks = runCheckCosts(options.integrityUpdates);
  for (const check of checks) {
    console.log(
      `integrity ${check.label}: ${check.perUpdateMicros.median.toFixed(1)} µs per update ` +
        `(whole copy ${(check.wholeCopyMicros.median / 1000).toFixed(1)} ms)`,
    );
  }
  const flood = options.servers.includes('dampingi')
    ? await withServer('dampingi', (server) => runFloodLatency(server, options.integrityUpdates), {
        shippedRateLimits: true,
      })
    : null;
  if (flood) {
    console.log(
      `integrity flood: relay p50 ${flood.quiet.median.toFixed(1)} ms quiet, ${flood.flooded.median.toFixed(1)} ms flooded`,
    );
  }
  const written = writeIntegrityResults(date, machine, { checks, flood }, options.out, options.integrityMarkdown);
  console.log(`wrote ${written.jsonPath} and ${written.markdownPath}`);
}

/** Offline backlogs of each size through each server (issue 17): written on its own to BACKLOG.md. */
async function backlog(options: BenchOptions, date: string, machine: Machine): Promise<void> {
  const results = [];
  for (const size of options.backlogMb) {
    for (const kind of options.servers) {
      // Dampingi as shipped: its message size and rate limits are part of what is measured.
      const result = await withServer(kind, (server) => runBacklog(server, size), { shippedRateLimits: true });
      console.log(
        `backlog ${size} MB ${kind}: ${result.outcome}, merge ${result.mergeSeconds?.toFixed(1) ?? '–'} s, ` +
          `peak RSS ${(result.peakRssBytes / 2 ** 20).toFixed(0)} MiB, closes ${result.writerCloseCodes.join(',') || 'none'}`,
      );
      results.push(result);
    }
  }
  const written = writeBacklogResults(date, machine, results, options.out, options.backlogMarkdown);
  console.log(`wrote ${written.jsonPath} and ${written.markdownPath}`);
}

/** Heap per open document by draft size, Dampingi's rooms beside plain Y.Docs (issue 21): written on its own to DOC-MEMORY.md. */
async function docMemory(options: BenchOptions, date: string, machine: Machine): Promise<void> {
  const readings = await runDocMemory(draftShapes, options.docMemoryRuns);
  for (const reading of readings) {
    console.log(
      `doc-memory ${reading.shape} ${reading.holder} run ${reading.run}: ${(reading.heapBytesPerDocument / 1024).toFixed(1)} KiB per document ` +
        `(${(reading.heapBytesPerDocument / reading.encodedBytes).toFixed(2)}× its ${(reading.encodedBytes / 1024).toFixed(1)} KiB encoded, N=${reading.documents})`,
    );
  }
  const written = writeDocMemoryResults(date, machine, readings, options.out, options.docMemoryMarkdown);
  console.log(`wrote ${written.jsonPath} and ${written.markdownPath}`);
}

/** Mutated messages from many connections, RSS after each checkpoint (issue 17): written on its own to HOSTILE.md. */
async function hostile(options: BenchOptions, date: string, machine: Machine): Promise<void> {
  const results: HostileResult[] = [];
  for (const kind of options.servers) {
    const heapSnapshotDir =
      options.hostileHeapSnapshots && kind === 'dampingi'
        ? join(options.out, 'heap', `hostile-${Date.now()}`)
        : undefined;
    const shape = {
      connections: options.hostileConnections,
      burst: options.hostileBurst,
      checkpoints: options.hostileMessages,
      settleSeconds: options.hostileSettle,
      maxSendSeconds: options.hostileMaxSeconds,
      heapSnapshotDir,
    };
    const result = await withServer(kind, (server) => runHostile(server, shape), { heapSnapshotDir });
    const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
    console.log(
      `hostile ${kind}: start ${mib(result.startRssBytes)} MiB, warm ${mib(result.baselineRssBytes)} MiB, ` +
        result.readings
          .map(
            (r) =>
              `${r.messages} msgs → ${mib(r.rssBytes)} MiB (${r.closedByServer}/${r.sessions} closed by server${r.memory ? `, heap used ${mib(r.memory.heap_used ?? 0)}, total ${mib(r.memory.heap_total ?? 0)}, external ${mib(r.memory.external ?? 0)}, array buffers ${mib(r.memory.array_buffers ?? 0)} MiB` : ''}${r.heapSnapshot ? `, ${r.heapSnapshot}` : ''})`,
          )
          .join(', ') +
        `, ${result.alive ? 'alive' : 'DEAD'}, ${result.seconds.toFixed(0)} s`,
    );
    results.push(result);
  }
  // A heap-snapshot run's RSS is not comparable (writing a snapshot costs memory): its report is not written.
  if (options.hostileHeapSnapshots) return;
  const written = writeHostileResults(date, machine, results, options.out, options.hostileMarkdown);
  console.log(`wrote ${written.jsonPath} and ${written.markdownPath}`);
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2), process.env);
  pinTo(LOAD_GENERATOR_CORE);
  // Every y-websocket provider adds a process 'exit' listener; hundreds of clients are expected here.
  process.setMaxListeners(0);
  const profiled: ProfiledRun[] = [];
  const gcTraced: GcTracedRun[] = [];
  const results: BenchResults = {
    date: new Date().toISOString(),
    machine: describeMachine(),
    options,
    live: options.workloads.includes('live') ? await liveEditing(options, profiled, gcTraced) : [],
    traces: options.workloads.includes('traces') ? await traces(options) : [],
    offline: options.workloads.includes('offline') ? await offlineMerge(options) : [],
    openDraft: options.workloads.includes('open') ? await openDraft(options) : null,
  };
  if (options.workloads.includes('cluster')) await cluster(options, results.date, results.machine);
  if (options.workloads.includes('integrity')) await integrity(options, results.date, results.machine);
  if (options.workloads.includes('backlog')) await backlog(options, results.date, results.machine);
  if (options.workloads.includes('doc-memory')) await docMemory(options, results.date, results.machine);
  if (options.workloads.includes('hostile')) await hostile(options, results.date, results.machine);
  if (options.workloads.includes('extraction')) await extraction(options, results.date, results.machine);
  if (options.workloads.includes('bundle')) bundle(results.date);
  if (options.workloads.includes('popup')) await popupPaint(options, results.date, results.machine);
  // A run of only the workloads with their own files leaves RESULTS.md as it was; so does a GC-traced one
  // (tracing changes the timings).
  if (options.workloads.every((workload) => ownFileWorkloads.has(workload))) return;
  if (gcTraced.length > 0) {
    writeMemoryMarkdown(options.memoryMarkdown, results.date, results.machine, gcTraced);
    console.log(`wrote ${options.memoryMarkdown}`);
    return;
  }
  const written = writeResults(results);
  if (profiled.length > 0) {
    // On the server's core, as the server commits; every server has stopped by now.
    pinTo(SERVER_CORE);
    const commitCosts = [measureCommitCost('FULL'), measureCommitCost('NORMAL')];
    pinTo(LOAD_GENERATOR_CORE);
    writeProfileMarkdown(options.profileMarkdown, results.date, results.machine, profiled, commitCosts);
    console.log(`wrote ${options.profileMarkdown}`);
  }
  if (results.live.length > 0) {
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
  }
  console.log(`wrote ${written.jsonPath} and ${written.markdownPath}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
