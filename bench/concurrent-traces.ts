/**
 * Concurrent editing traces (agents with parents) replayed through a server as one client per
 * agent. Each transaction's Yjs update is first made locally on a document holding exactly its
 * parents' history (so positions mean what they meant to its author); during the replay an agent
 * sends it only once its client has received, through the server, every edit it depended on.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as Y from 'yjs';
import { z } from 'zod';
import { type BenchClient, connectBenchClient } from './clients';
import type { ServerUnderTest } from './servers';
import type { TraceReplayResult } from './traces';

const ConcurrentTraceSchema = z.object({
  endContent: z.string(),
  numAgents: z.number().int().min(1),
  txns: z.array(
    z.object({
      agent: z.number().int().min(0),
      parents: z.array(z.number().int().min(0)),
      patches: z.array(z.tuple([z.number().int().min(0), z.number().int().min(0), z.string()])),
    }),
  ),
});
export type ConcurrentTrace = z.infer<typeof ConcurrentTraceSchema>;

export function loadConcurrentTrace(path: string): ConcurrentTrace {
  return ConcurrentTraceSchema.parse(JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')));
}

/** Agent n writes as Yjs client n + 1, so the replay can tell whose edits a client has seen. */
const clientOf = (agent: number) => agent + 1;

export interface PreparedTrace {
  /** One update per transaction, or null for a transaction that changed nothing. */
  updates: (Uint8Array | null)[];
  /** Per transaction: the state (clock per agent) its author had seen before making it. */
  requires: number[][];
  /** Per transaction: its author's clock once it is applied. */
  clockAfter: number[];
  patches: number;
  expected: string;
}

export function prepareConcurrentTrace(trace: ConcurrentTrace, maxTxns = trace.txns.length): PreparedTrace {
  const txns = trace.txns.slice(0, maxTxns);
  const docs = Array.from({ length: trace.numAgents }, (_, agent) => {
    const doc = new Y.Doc();
    doc.clientID = clientOf(agent);
    return doc;
  });
  const seen = docs.map(() => new Set<number>());
  const prepared: PreparedTrace = { updates: [], requires: [], clockAfter: [], patches: 0, expected: '' };
  for (const [i, txn] of txns.entries()) {
    const doc = docs[txn.agent];
    const history = seen[txn.agent];
    if (!doc || !history) throw new Error(`transaction ${i} names unknown agent ${txn.agent}`);
    // Bring the author's document to exactly its parents' history (seen sets are causally closed).
    const missing: number[] = [];
    const stack = [...txn.parents];
    for (let parent = stack.pop(); parent !== undefined; parent = stack.pop()) {
      if (history.has(parent)) continue;
      history.add(parent);
      missing.push(parent);
      stack.push(...(txns[parent]?.parents ?? []));
    }
    for (const parent of missing.sort((a, b) => a - b)) {
      const update = prepared.updates[parent];
      if (update) Y.applyUpdate(doc, update);
    }
    prepared.requires.push(docs.map((_, agent) => Y.getState(doc.store, clientOf(agent))));
    let update: Uint8Array | null = null;
    const capture = (made: Uint8Array) => {
      update = made;
    };
    doc.on('update', capture);
    const text = doc.getText('text');
    doc.transact(() => {
      for (const [pos, del, insert] of txn.patches) {
        if (del > 0) text.delete(pos, del);
        if (insert !== '') text.insert(pos, insert);
      }
    });
    doc.off('update', capture);
    prepared.updates.push(update);
    prepared.clockAfter.push(Y.getState(doc.store, doc.clientID));
    prepared.patches += txn.patches.length;
    history.add(i);
  }
  const merged = new Y.Doc();
  for (const update of prepared.updates) if (update) Y.applyUpdate(merged, update);
  prepared.expected = maxTxns >= trace.txns.length ? trace.endContent : merged.getText('text').toString();
  return prepared;
}

/** Resolves once `client` holds, for every agent, at least the given clocks. */
function whenHolds(client: BenchClient, clocks: readonly number[]): Promise<void> {
  const holds = () => clocks.every((clock, agent) => Y.getState(client.doc.store, clientOf(agent)) >= clock);
  return new Promise((resolve, reject) => {
    if (holds()) return resolve();
    const timer = setTimeout(() => {
      client.doc.off('update', check);
      reject(new Error(`a client never received clocks ${clocks.join(',')}`));
    }, 60_000);
    function check() {
      if (!holds()) return;
      clearTimeout(timer);
      client.doc.off('update', check);
      resolve();
    }
    client.doc.on('update', check);
  });
}

export async function replayConcurrentTrace(
  server: ServerUnderTest,
  tracePath: string,
  trace: ConcurrentTrace,
  options: { maxTxns?: number; windowTxns: number },
): Promise<TraceReplayResult> {
  const txns = trace.txns.slice(0, options.maxTxns ?? trace.txns.length);
  const prepared = prepareConcurrentTrace(trace, txns.length);
  const [room] = await server.openRooms(1);
  if (!room) throw new Error('no room');
  const agents = Array.from({ length: trace.numAgents }, () => connectBenchClient(server, room, new Y.Doc()));
  const observer = connectBenchClient(server, room, new Y.Doc());
  try {
    await Promise.all([...agents, observer].map((client) => client.whenSynced()));
    const observed = (i: number) => {
      const txn = txns[i] as ConcurrentTrace['txns'][number];
      const clocks = agents.map(() => 0);
      clocks[txn.agent] = prepared.clockAfter[i] as number;
      return clocks;
    };
    const started = performance.now();
    for (const [i, txn] of txns.entries()) {
      const agent = agents[txn.agent] as BenchClient;
      await whenHolds(agent, prepared.requires[i] as number[]);
      const update = prepared.updates[i];
      if (update) Y.applyUpdate(agent.doc, update);
      if (i >= options.windowTxns) await whenHolds(observer, observed(i - options.windowTxns));
    }
    const finalClocks = agents.map((_, agent) =>
      Math.max(0, ...prepared.clockAfter.filter((_, i) => txns[i]?.agent === agent)),
    );
    await whenHolds(observer, finalClocks);
    const seconds = (performance.now() - started) / 1000;
    const finalText = observer.doc.getText('text').toString();
    return {
      server: server.kind,
      trace: basename(tracePath),
      txns: txns.length,
      patches: prepared.patches,
      seconds,
      opsPerSecond: prepared.patches / seconds,
      finalLength: finalText.length,
      textMatches: finalText === prepared.expected,
    };
  } finally {
    for (const client of [...agents, observer]) client.destroy();
  }
}
