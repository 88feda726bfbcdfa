/**
 * The benchmark workloads, tiny, so they cannot rot: each runs against real server processes and
 * its figures must be sane (something delivered, the trace text reproduced, bytes at least the
 * floor). Benchmarks never assert speed.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConcurrentTrace, replayConcurrentTrace } from '../../bench/concurrent-traces';
import { extractors, runExtraction } from '../../bench/extraction';
import { runLiveEditing } from '../../bench/live-editing';
import { runOfflineMerge } from '../../bench/offline-merge';
import { type ServerUnderTest, serverKinds, startServerUnderTest } from '../../bench/servers';
import { expectedText, loadSequentialTrace, replayTrace } from '../../bench/traces';

const TRACES = join('..', 'shared', 'corpus', 'editing-traces');
const TRACE = join(TRACES, 'friendsforever_flat.json.gz');
const CONCURRENT_TRACE = join(TRACES, 'clownschool.concurrent.json.gz');

let server: ServerUnderTest | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

describe('benchmark smoke run', () => {
  it.each(serverKinds)('live editing against %s delivers every update and reports CPU and memory', async (kind) => {
    server = await startServerUnderTest(kind);
    const result = await runLiveEditing(server, {
      rooms: 2,
      clientsPerRoom: 2,
      ratePerSecond: 10,
      warmupSeconds: 0.2,
      durationSeconds: 1,
    });
    expect(result.sentUpdates).toBeGreaterThan(0);
    expect(result.deliveredUpdates).toBe(result.expectedDeliveries);
    expect(result.p99Ms).toBeGreaterThanOrEqual(result.p50Ms);
    expect(result.serverCpuSeconds).toBeGreaterThanOrEqual(0);
    expect(result.peakRssBytes).toBeGreaterThan(result.idleRssBytes / 2);
  });

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

  it('article extraction is timed for ours, Readability and Defuddle on the same pages', async () => {
    const result = await runExtraction(join('..', 'shared', 'corpus', 'readability-pages'), {
      maxPages: 3,
      repeats: 1,
    });
    expect(result.pages).toBe(3);
    for (const extractor of extractors) {
      expect(result.perPageMs[extractor].median).toBeGreaterThan(0);
      expect(result.totalMs[extractor]).toBeGreaterThanOrEqual(result.perPageMs[extractor].max);
    }
  });

  it('replaying a whole trace as a string gives its end content', () => {
    const trace = loadSequentialTrace(TRACE);
    const chars = [...trace.startContent];
    for (const txn of trace.txns) for (const [pos, del, text] of txn.patches) chars.splice(pos, del, ...text);
    expect(chars.join('')).toBe(trace.endContent);
  });

  it('an offline merge of 100 edits through Dampingi sends at least the state-vector diff', async () => {
    server = await startServerUnderTest('dampingi');
    const result = await runOfflineMerge(server, 100);
    expect(result.floorBytes).toBeGreaterThan(100);
    expect(result.bytes.sent + result.bytes.received).toBeGreaterThanOrEqual(result.floorBytes);
    expect(result.convergeMs).toBeGreaterThan(0);
  });
});
