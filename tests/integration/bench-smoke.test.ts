/**
 * The benchmark workloads, tiny, so they cannot rot: each runs against real server processes and
 * its figures must be sane (something delivered, the trace text reproduced, bytes at least the
 * floor). Benchmarks never assert speed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runBacklog } from '../../bench/backlog';
import { runClusterSetup } from '../../bench/cluster';
import { renderClusterMarkdown } from '../../bench/cluster-report';
import { loadConcurrentTrace, replayConcurrentTrace } from '../../bench/concurrent-traces';
import { summariseCpuProfile } from '../../bench/cpu-profile';
import { runDocMemory } from '../../bench/doc-memory';
import { renderDocMemoryMarkdown } from '../../bench/doc-memory-report';
import { extractors, runExtraction } from '../../bench/extraction';
import { readGcTrace } from '../../bench/gc-trace';
import { runHostile } from '../../bench/hostile';
import { runLiveEditing } from '../../bench/live-editing';
import { runOfflineMerge } from '../../bench/offline-merge';
import { runOpenDraft } from '../../bench/open-draft';
import { popupPaintMarkdown, runPopupPaint } from '../../bench/popup-paint';
import { type ServerUnderTest, serverKinds, startServerUnderTest } from '../../bench/servers';
import { expectedText, loadSequentialTrace, replayTrace } from '../../bench/traces';

const TRACES = join('tests', 'fixtures', 'editing-traces');
const TRACE = join(TRACES, 'friendsforever_flat.json.gz');
const CONCURRENT_TRACE = join(TRACES, 'clownschool.concurrent.json.gz');

/** Live editing small enough for a smoke run. */
const TINY_LIVE = { rooms: 2, clientsPerRoom: 2, ratePerSecond: 10, warmupSeconds: 0.2, durationSeconds: 1 };
/** As small, busy enough for a profile or GC trace to see something. */
const PROFILED_LIVE = { ...TINY_LIVE, ratePerSecond: 20 };

let server: ServerUnderTest | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

describe('benchmark smoke run', () => {
  it.each(serverKinds)('live editing against %s delivers every update and reports CPU and memory', async (kind) => {
    server = await startServerUnderTest(kind);
    const result = await runLiveEditing(server, TINY_LIVE);
    expect(result.sentUpdates).toBeGreaterThan(0);
    expect(result.deliveredUpdates).toBe(result.expectedDeliveries);
    expect(result.p99Ms).toBeGreaterThanOrEqual(result.p50Ms);
    expect(result.serverCpuSeconds).toBeGreaterThanOrEqual(0);
    expect(result.peakRssBytes).toBeGreaterThan(result.idleRssBytes / 2);
  });

  it('a GC trace of Dampingi under live editing counts its collections and what they promoted', async () => {
    const traceDir = mkdtempSync(join(tmpdir(), 'dampingi-bench-gc-'));
    try {
      const gcTraceFile = join(traceDir, 'dampingi.txt');
      server = await startServerUnderTest('dampingi', { gcTraceFile });
      const result = await runLiveEditing(server, PROFILED_LIVE);
      await server.stop(); // every line is out once the server has exited
      server = null;
      expect(result.deliveredUpdates).toBe(result.expectedDeliveries);
      const summary = readGcTrace(gcTraceFile);
      // Start-up alone (loading modules, opening SQLite) fills the young generation several times.
      expect(summary.scavenges).toBeGreaterThan(0);
      expect(summary.allocatedPerScavengeMiB).toBeGreaterThan(0);
      expect(summary.largestHeapAfterMiB).toBeGreaterThan(1);
      expect(summary.promotedMiB).toBeGreaterThanOrEqual(0);
    } finally {
      rmSync(traceDir, { recursive: true, force: true });
    }
  });

  it('a CPU profile of Dampingi under live editing is summarised by function and package, mapped to our sources', async () => {
    const profileDir = mkdtempSync(join(tmpdir(), 'dampingi-bench-profile-'));
    try {
      server = await startServerUnderTest('dampingi', { cpuProfileDir: profileDir });
      const profilePath = server.cpuProfilePath;
      const result = await runLiveEditing(server, PROFILED_LIVE);
      await server.stop(); // the profile is written as the server exits
      server = null;
      expect(profilePath).not.toBeNull();
      const inWindow = summariseCpuProfile(profilePath as string, result.windowMonotonicMicros);
      expect(inWindow.sampledMs).toBeGreaterThan(500);
      // The whole profile (start-up and connections too) surely ran our server code: by total time
      // (self time of one small function in a 1 s sample is luck, so it is not asserted).
      const whole = summariseCpuProfile(profilePath as string);
      expect(whole.sampledMs).toBeGreaterThan(inWindow.sampledMs);
      expect(whole.topSelf.length).toBeGreaterThan(0);
      const groups = whole.groups.map((group) => group.name);
      expect(
        groups.some((name) => name.includes('our')),
        `groups: ${groups.join(', ')}`,
      ).toBe(true);
      // Our functions are named by their source file (the bundle's source map); which of them rank
      // first depends on how the sampling fell on a busy machine, so any file of the server counts.
      const ours = whole.topOursTotal.map((entry) => entry.name);
      expect(
        ours.some((name) => name.includes('server/')),
        `ours: ${ours.join(', ')}`,
      ).toBe(true);
    } finally {
      rmSync(profileDir, { recursive: true, force: true });
    }
  });

  it("the cluster run delivers every update across two processes through Redis and reports each part's CPU", async () => {
    // Direct setup, 2 clients per room: each room's writer is on one process and its reader on the
    // other, so nothing arrives unless the update crossed Redis.
    const result = await runClusterSetup('two-processes-direct', TINY_LIVE);
    expect(result.processes).toBe(2);
    expect(result.roomsOnEveryProcess).toBe(2);
    expect(result.live.sentUpdates).toBeGreaterThan(0);
    expect(result.live.deliveredUpdates).toBe(result.live.expectedDeliveries);
    expect(result.live.p99Ms).toBeGreaterThanOrEqual(result.live.p50Ms);
    expect(Object.keys(result.live.serverThreadCpuSeconds).sort()).toEqual([
      'dampingi 1',
      'dampingi 2',
      'postgres',
      'redis',
    ]);
    expect(result.cpuMicrosPerDelivered.total).toBeGreaterThan(0);
    const markdown = renderClusterMarkdown({
      date: new Date().toISOString(),
      machine: {
        cpuModel: 'test',
        cores: 2,
        node: process.version,
        platform: 'test',
        packages: {},
        commit: 'test',
        serverTreeDirty: false,
      },
      shape: TINY_LIVE,
      runs: 1,
      services: {},
      notMeasured: [],
      results: [result],
    });
    expect(markdown).toMatch(
      /\| two processes, PostgreSQL \+ Redis, clients alternate directly \|.*\| 100\.0% \| 2 of 2 \|/,
    );
  }, 60_000);

  it('the Hocuspocus anchor delivers every update across two instances through its Redis extension', async () => {
    // As above: each room's writer on one instance and its reader on the other, so only Redis carries it.
    const result = await runClusterSetup('hocuspocus-redis', TINY_LIVE);
    expect(result.processes).toBe(2);
    expect(result.roomsOnEveryProcess).toBe(2);
    expect(result.live.sentUpdates).toBeGreaterThan(0);
    expect(result.live.deliveredUpdates).toBe(result.live.expectedDeliveries);
    expect(Object.keys(result.live.serverThreadCpuSeconds).sort()).toEqual(['hocuspocus 1', 'hocuspocus 2', 'redis']);
    expect(result.cpuMicrosPerDelivered.hocuspocus).toBeGreaterThanOrEqual(0);
    expect(result.cpuMicrosPerDelivered.dampingi).toBeUndefined();
  }, 60_000);

  it('a trace prefix replayed through Dampingi reaches the observer exactly', async () => {
    server = await startServerUnderTest('dampingi');
    const trace = loadSequentialTrace(TRACE);
    const result = await replayTrace(server, TRACE, trace, { maxTxns: 300, windowTxns: 64 });
    expect(result.txns).toBe(300);
    expect(result.textMatches).toBe(true);
    expect(result.finalLength).toBe(expectedText(trace, 300).length);
    expect(result.finalLength).toBeGreaterThan(0);
  });

  it('a concurrent trace prefix replayed by one Dampingi client per agent reaches the observer exactly', async () => {
    server = await startServerUnderTest('dampingi');
    const trace = loadConcurrentTrace(CONCURRENT_TRACE);
    const result = await replayConcurrentTrace(server, CONCURRENT_TRACE, trace, { maxTxns: 300, windowTxns: 64 });
    expect(result.txns).toBe(300);
    expect(result.finalLength).toBeGreaterThan(0);
    expect(result.textMatches).toBe(true);
  });

  it('article extraction is scored and timed for ours, Readability and Defuddle on the same pages', async () => {
    const result = await runExtraction(join('tests', 'fixtures', 'extraction-eval'), { limit: 3, repeats: 1 });
    expect(result.pages).toBe(3);
    for (const extractor of extractors) {
      const summary = result.summary[extractor];
      expect(summary?.perPageMs.median).toBeGreaterThan(0);
      expect(summary?.totalMs).toBeGreaterThanOrEqual(summary?.perPageMs.max ?? Number.POSITIVE_INFINITY);
      expect((summary?.truePositives ?? 0) + (summary?.falseNegatives ?? 0)).toBeGreaterThan(0);
    }
  });

  it('replaying a whole trace as a string gives its end content', () => {
    const trace = loadSequentialTrace(TRACE);
    const chars = [...trace.startContent];
    for (const txn of trace.txns) for (const [pos, del, text] of txn.patches) chars.splice(pos, del, ...text);
    expect(chars.join('')).toBe(trace.endContent);
  });

  it('a small draft opens in the web editor and the anchors with the text intact, timed from navigation start', async () => {
    // Needs the built web editor (`npm run build`, which `npm test` runs first) and Chromium.
    const result = await runOpenDraft({
      tracePath: TRACE,
      maxParagraphs: 12,
      runs: 1,
      webDir: join('.output', 'chrome-mv3'),
      warm: true,
    });
    expect(result.paragraphs).toBe(12);
    expect(result.stateBytes).toBeGreaterThan(result.characters);
    expect(result.runs.map((run) => run.page).sort()).toEqual(
      ['bare-tiptap', 'dampingi-cold', 'dampingi-warm', 'static-html'].sort(),
    );
    for (const run of result.runs) {
      const { firstRender, fullRender, keydown, interactive } = run.marks;
      expect(run.textMatches, `${run.page} shows the draft's paragraphs`).toBe(true);
      expect(firstRender, `${run.page} first render`).toBeGreaterThan(0);
      expect(fullRender, `${run.page} full render`).toBeGreaterThanOrEqual(firstRender as number);
      if (run.page === 'static-html') continue;
      if (run.page !== 'bare-tiptap') expect(run.serverSyncMs, `${run.page} server alone`).toBeGreaterThan(0);
      expect(run.typeAttempts).toBeGreaterThanOrEqual(1);
      expect(keydown, `${run.page} keystroke`).toBeGreaterThan(0);
      expect(interactive, `${run.page} interactive`).toBeGreaterThan(keydown as number);
      // Our editor's sync socket is found and timed (the web editor's has no query in its address).
      if (run.page !== 'bare-tiptap') expect(run.marks.socketCreated, `${run.page} socket created`).toBeGreaterThan(0);
    }
  }, 120_000);

  it("the popup's first paint is measured beside a static page of the same extension", async () => {
    // Needs the built extension (`npm run build`) and Chromium.
    const result = await runPopupPaint({ extensionDir: join('.output', 'chrome-mv3'), runs: 1 });
    expect(result.runs.map((run) => run.page).sort()).toEqual(['popup', 'static']);
    for (const run of result.runs) {
      expect(run.marks.firstContentfulPaint, `${run.page} first contentful paint`).toBeGreaterThan(0);
      expect(run.marks.controls, `${run.page} controls`).toBeGreaterThan(0);
    }
    expect(result.popupGzipBytes).toBeGreaterThan(0);
    // The app its entry loads after the frame has painted is counted too.
    expect(result.popupAfterPaintGzipBytes).toBeGreaterThan(0);
    expect(result.popupAfterPaintGzipBytes).toBeLessThan(result.popupGzipBytes);
    expect(popupPaintMarkdown(result, 'heading', '')).toContain('Popup ÷ static page');
  }, 120_000);

  it('an offline merge of 100 edits through Dampingi sends at least the state-vector diff', async () => {
    server = await startServerUnderTest('dampingi');
    const result = await runOfflineMerge(server, 100);
    expect(result.floorBytes).toBeGreaterThan(100);
    expect(result.bytes.sent + result.bytes.received).toBeGreaterThanOrEqual(result.floorBytes);
    expect(result.convergeMs).toBeGreaterThan(0);
  });

  it('a 1 MB offline backlog of paragraphs and photos reaches the mentor through Dampingi and is stored', async () => {
    server = await startServerUnderTest('dampingi', { shippedRateLimits: true });
    const result = await runBacklog(server, 1);
    expect(result.outcome).toBe('merged');
    expect(result.updateBytes).toBeGreaterThan(1_000_000);
    expect(result.photos).toBeGreaterThan(0);
    expect(result.mergeSeconds).toBeGreaterThan(0);
    expect(result.peakRssBytes).toBeGreaterThanOrEqual(result.idleRssBytes);
    expect(result.freshClientComplete).toBe(true);
    expect(result.storedComplete).toBe(true);
  });

  it('the heap one open document holds is measured for Dampingi rooms and plain Y.Docs, per draft size, and reported', async () => {
    const shapes = [
      { label: '10 paragraphs', paragraphs: 10, photos: 0 },
      { label: '1 photo', paragraphs: 8, photos: 1 },
    ];
    const readings = await runDocMemory(shapes, 1);
    expect(readings.map((reading) => `${reading.shape} ${reading.holder}`).sort()).toEqual([
      '1 photo room',
      '1 photo ydoc',
      '10 paragraphs room',
      '10 paragraphs ydoc',
    ]);
    for (const reading of readings) expect(reading.documents).toBeGreaterThanOrEqual(3);
    // A document with a ~300 KB photo holds at least the photo, whoever holds it.
    for (const reading of readings.filter((each) => each.shape === '1 photo')) {
      expect(reading.heapBytesPerDocument).toBeGreaterThan(250_000);
    }
    const markdown = renderDocMemoryMarkdown(
      '2026-12-07',
      {
        cpuModel: 'cpu',
        cores: 2,
        node: 'v20',
        platform: 'linux',
        packages: {},
        commit: 'abc',
        serverTreeDirty: false,
      },
      readings,
    );
    expect(markdown).toContain('| 1 photo |');
  });

  it('hostile messages from a few connections are refused by Dampingi, which stays up and reports its RSS and heap', async () => {
    server = await startServerUnderTest('dampingi');
    const result = await runHostile(server, {
      connections: 10,
      burst: 20,
      checkpoints: [200, 400],
      settleSeconds: 0.2,
      maxSendSeconds: 30,
    });
    expect(result.readings.map((reading) => reading.messages)).toEqual([200, 400]);
    expect(result.readings.every((reading) => reading.rssBytes > 0 && reading.mallocHeapBytes >= 0)).toBe(true);
    // Its own account of that memory, from /metrics: what of it is V8's heap.
    for (const memory of [result.baselineMemory, ...result.readings.map((reading) => reading.memory)]) {
      expect(memory?.heap_used).toBeGreaterThan(0);
      expect(memory?.heap_total).toBeGreaterThanOrEqual(memory?.heap_used ?? Number.POSITIVE_INFINITY);
    }
    expect(result.readings.at(-1)?.closedByServer).toBeGreaterThan(0);
    expect(result.alive).toBe(true);
  });
});
