/**
 * Real editing traces (sequential ones) replayed through a server as one fast typist client, with a
 * second client observing: end-to-end ops/s, and the observer's final text checked against the trace.
 * The typist keeps at most `windowTxns` transactions ahead of what the observer has seen.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as Y from 'yjs';
import { z } from 'zod';
import { type BenchClient, connectBenchClient } from './clients';
import type { ServerKind, ServerUnderTest } from './servers';

const PatchSchema = z.tuple([z.number().int().min(0), z.number().int().min(0), z.string()]);
const SequentialTraceSchema = z.object({
  startContent: z.string(),
  endContent: z.string(),
  txns: z.array(z.object({ patches: z.array(PatchSchema) })),
});
export type SequentialTrace = z.infer<typeof SequentialTraceSchema>;

export interface TraceReplayOptions {
  /** Replay only the first N transactions (the whole trace when undefined). */
  maxTxns?: number;
  windowTxns: number;
}

export interface TraceReplayResult {
  server: ServerKind;
  trace: string;
  txns: number;
  patches: number;
  seconds: number;
  opsPerSecond: number;
  finalLength: number;
  textMatches: boolean;
  /** Which of the interleaved runs (1-based; absent in results from before there were several). */
  run?: number;
}

export function loadSequentialTrace(path: string): SequentialTrace {
  return SequentialTraceSchema.parse(JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')));
}

/** The text a trace prefix produces (the whole trace's is `endContent`). */
export function expectedText(trace: SequentialTrace, txns: number): string {
  if (txns >= trace.txns.length) return trace.endContent;
  const chars = [...trace.startContent];
  for (const txn of trace.txns.slice(0, txns)) {
    for (const [pos, del, insert] of txn.patches) chars.splice(pos, del, ...insert);
  }
  return chars.join('');
}

/** Trace positions count Unicode code points; Y.Text counts UTF-16 units. Same thing for BMP-only text. */
function applyPatches(text: Y.Text, patches: SequentialTrace['txns'][number]['patches']): void {
  for (const [pos, del, insert] of patches) {
    if (del > 0) text.delete(pos, del);
    if (insert !== '') text.insert(pos, insert);
  }
}

export async function replayTrace(
  server: ServerUnderTest,
  tracePath: string,
  trace: SequentialTrace,
  options: TraceReplayOptions,
): Promise<TraceReplayResult> {
  const txns = trace.txns.slice(0, options.maxTxns ?? trace.txns.length);
  const expected = expectedText(trace, txns.length);
  const [room] = await server.openRooms(1);
  if (!room) throw new Error('no room');
  const typist: BenchClient = connectBenchClient(server, room, new Y.Doc());
  const observer: BenchClient = connectBenchClient(server, room, new Y.Doc());
  try {
    await Promise.all([typist.whenSynced(), observer.whenSynced()]);
    const text = typist.doc.getText('text');
    if (trace.startContent !== '') text.insert(0, trace.startContent);
    const typistId = typist.doc.clientID;
    const observed = () => Y.getState(observer.doc.store, typistId);
    await waitForClock(observer, observed, Y.getState(typist.doc.store, typistId));

    const clockAfter: number[] = [];
    let patches = 0;
    const started = performance.now();
    for (const [i, txn] of txns.entries()) {
      typist.doc.transact(() => applyPatches(text, txn.patches));
      patches += txn.patches.length;
      clockAfter.push(Y.getState(typist.doc.store, typistId));
      const behind = clockAfter[i - options.windowTxns];
      if (behind !== undefined && observed() < behind) await waitForClock(observer, observed, behind);
    }
    await waitForClock(observer, observed, Y.getState(typist.doc.store, typistId));
    // A trace that ends in deletions adds no clock: wait for the text itself (or give up after a while).
    await waitForText(observer, text.toString());
    const seconds = (performance.now() - started) / 1000;
    const finalText = observer.doc.getText('text').toString();
    return {
      server: server.kind,
      trace: basename(tracePath),
      txns: txns.length,
      patches,
      seconds,
      opsPerSecond: patches / seconds,
      finalLength: finalText.length,
      textMatches: finalText === expected,
    };
  } finally {
    typist.destroy();
    observer.destroy();
  }
}

/** Resolves once the observer's text is `wanted`, or after 10 s (the caller then reports the mismatch). */
function waitForText(observer: BenchClient, wanted: string): Promise<void> {
  const current = () => observer.doc.getText('text').toString();
  return new Promise((resolve) => {
    if (current() === wanted) return resolve();
    const timer = setTimeout(done, 10_000);
    function check() {
      if (current() === wanted) done();
    }
    function done() {
      clearTimeout(timer);
      observer.doc.off('update', check);
      resolve();
    }
    observer.doc.on('update', check);
  });
}

/** Resolves once the observer's document holds the typist's updates up to `clock`. */
function waitForClock(observer: BenchClient, observed: () => number, clock: number): Promise<void> {
  return new Promise((resolve, reject) => {
    if (observed() >= clock) return resolve();
    const timer = setTimeout(() => {
      observer.doc.off('update', check);
      reject(new Error(`observer stuck at clock ${observed()} waiting for ${clock}`));
    }, 60_000);
    function check() {
      if (observed() < clock) return;
      clearTimeout(timer);
      observer.doc.off('update', check);
      resolve();
    }
    observer.doc.on('update', check);
  });
}
