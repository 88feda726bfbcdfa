/** Writes benchmark results: the full JSON under bench/results/, and a readable RESULTS.md with ratios to the anchors. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixed, ratio, showSpread } from './format';
import type { LiveEditingResult } from './live-editing';
import type { OfflineMergeResult } from './offline-merge';
import type { OpenDraftResult } from './open-draft';
import { openDraftSection } from './open-draft/report-section';
import type { BenchOptions } from './options';
import { type ServerKind, serverLabels } from './servers';
import { type Spread, spread } from './stats';
import type { TraceReplayResult } from './traces';

export interface Machine {
  cpuModel: string;
  cores: number;
  node: string;
  platform: string;
  packages: Record<string, string>;
  /** The commit measured, and whether server/ or shared/ had uncommitted changes at the time. */
  commit: string;
  serverTreeDirty: boolean;
}

export interface BenchResults {
  date: string;
  machine: Machine;
  options: BenchOptions;
  live: LiveEditingResult[];
  traces: TraceReplayResult[];
  offline: OfflineMergeResult[];
  /** Absent in results written before the open-draft workload existed. */
  openDraft?: OpenDraftResult | null;
}

export interface LiveSummary {
  server: ServerKind;
  rooms: number;
  runs: number;
  p50Ms: Spread;
  p99Ms: Spread;
  cpuMicrosPerDelivered: Spread;
  peakRssMiB: Spread;
  idleRssMiB: Spread;
  deliveredShare: Spread;
}

/** One summary per (room count, server), over that pair's runs. */
export function summariseLive(results: readonly LiveEditingResult[]): LiveSummary[] {
  const pairs = new Map<string, LiveEditingResult[]>();
  for (const result of results) {
    const key = `${result.rooms}/${result.server}`;
    pairs.set(key, [...(pairs.get(key) ?? []), result]);
  }
  return [...pairs.values()].map((runs) => {
    const first = runs[0] as LiveEditingResult;
    return {
      server: first.server,
      rooms: first.rooms,
      runs: runs.length,
      p50Ms: spread(runs.map((run) => run.p50Ms)),
      p99Ms: spread(runs.map((run) => run.p99Ms)),
      cpuMicrosPerDelivered: spread(runs.map((run) => run.cpuMicrosPerDelivered)),
      peakRssMiB: spread(runs.map((run) => run.peakRssBytes / 2 ** 20)),
      idleRssMiB: spread(runs.map((run) => run.idleRssBytes / 2 ** 20)),
      deliveredShare: spread(runs.map((run) => run.deliveredUpdates / Math.max(1, run.expectedDeliveries))),
    };
  });
}

function liveSection(results: BenchResults): string[] {
  const all = summariseLive(results.live);
  if (all.length === 0) return [];
  const o = results.options;
  const lines = [
    '## Live editing',
    '',
    `R rooms × ${o.clients} clients, one writer per room at ${o.rate} updates/s; ${o.warmup} s warm-up, ` +
      `${o.duration} s measured; ${o.runs} runs per server, each on a fresh server process. ` +
      'Median (min–max) over the runs; "delivered" is the worst run.',
    '',
  ];
  for (const rooms of new Set(all.map((s) => s.rooms))) {
    const summaries = all.filter((s) => s.rooms === rooms);
    lines.push(
      `### ${rooms} rooms × ${o.clients} clients × ${o.rate} updates/s`,
      '',
      '| server | p50 ms | p99 ms | server CPU µs / delivered update | peak RSS MiB | idle RSS MiB | delivered |',
      '|---|---|---|---|---|---|---|',
      ...summaries.map(
        (s) =>
          `| ${serverLabels[s.server]} | ${showSpread(s.p50Ms)} | ${showSpread(s.p99Ms)} | ` +
          `${showSpread(s.cpuMicrosPerDelivered, 0)} | ${showSpread(s.peakRssMiB, 0)} | ` +
          `${fixed(s.idleRssMiB.median, 0)} | ${fixed(s.deliveredShare.min * 100, 1)}% |`,
      ),
      '',
    );
    const ours = summaries.find((s) => s.server === 'dampingi');
    const anchors = summaries.filter((s) => s.server !== 'dampingi');
    if (!ours || anchors.length === 0) continue;
    lines.push(
      'Ratios, Dampingi ÷ anchor (medians; below 1 is better for Dampingi):',
      '',
      '| anchor | p50 | p99 | CPU / update | peak RSS |',
      '|---|---|---|---|---|',
      ...anchors.map(
        (a) =>
          `| ${serverLabels[a.server]} | ${ratio(ours.p50Ms.median, a.p50Ms.median)} | ` +
          `${ratio(ours.p99Ms.median, a.p99Ms.median)} | ` +
          `${ratio(ours.cpuMicrosPerDelivered.median, a.cpuMicrosPerDelivered.median)} | ` +
          `${ratio(ours.peakRssMiB.median, a.peakRssMiB.median)} |`,
      ),
      '',
    );
  }
  return lines;
}

const ratioSpread = (r: Spread) => `${fixed(r.median, 2)}× (${fixed(r.min, 2)}–${fixed(r.max, 2)})`;

function tracesSection(results: BenchResults): string[] {
  if (results.traces.length === 0) return [];
  const runs = new Set(results.traces.map((t) => t.run ?? 1)).size;
  const lines = [
    '## Real editing traces',
    '',
    'Sequential traces replayed as one fast typist (one Yjs transaction per trace transaction), concurrent ' +
      'ones as one client per agent (each edit sent once its client has received, through the server, every edit ' +
      `it depended on); at most ${results.options.traceWindow} transactions ahead of a separate observer client. ` +
      'ops/s from the first edit until the observer holds the last; its text is checked against the trace. ' +
      `${runs} run${runs === 1 ? '' : 's'} per server, interleaved (run by run, server by server); median (min–max). ` +
      'The ratio is taken per run, against the anchor measured minutes before or after in that run.',
    '',
    '| server | trace | transactions | ops/s | Dampingi ÷ this (above 1 is better for Dampingi) | observer text matches |',
    '|---|---|---|---|---|---|',
  ];
  const groups = new Map<string, TraceReplayResult[]>();
  for (const t of results.traces) {
    const key = `${t.trace}/${t.txns}/${t.server}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  for (const group of groups.values()) {
    const first = group[0] as TraceReplayResult;
    const ratios = group.flatMap((t) => {
      const ours = results.traces.find(
        (r) => r.server === 'dampingi' && r.trace === t.trace && r.txns === t.txns && (r.run ?? 1) === (t.run ?? 1),
      );
      return ours ? [ours.opsPerSecond / t.opsPerSecond] : [];
    });
    lines.push(
      `| ${serverLabels[first.server]} | ${first.trace} | ${first.txns} | ` +
        `${showSpread(spread(group.map((t) => t.opsPerSecond)), 0)} | ` +
        `${ratios.length > 0 ? ratioSpread(spread(ratios)) : '–'} | ` +
        `${group.every((t) => t.textMatches) ? 'yes' : '**no**'} |`,
    );
  }
  return [...lines, ''];
}

function offlineSection(results: BenchResults): string[] {
  if (results.offline.length === 0) return [];
  const lines = [
    '## Offline merge',
    '',
    'A client makes N edits offline (one transaction each), then reconnects. Bytes are WebSocket payload ' +
      'bytes both ways until an observer has converged (+300 ms); the floor is ' +
      '`Y.encodeStateAsUpdate(doc, serverStateVector).length`.',
    '',
    '| server | N | floor B | sent B | received B | total ÷ floor | converge ms | Dampingi (total ÷ floor) ÷ this | Dampingi time ÷ this |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const m of results.offline) {
    const ours = results.offline.find((r) => r.server === 'dampingi' && r.edits === m.edits);
    lines.push(
      `| ${serverLabels[m.server]} | ${m.edits} | ${m.floorBytes} | ${m.bytes.sent} | ${m.bytes.received} | ` +
        `${fixed(m.ratioToFloor, 3)} | ${fixed(m.convergeMs, 0)} | ${ours ? ratio(ours.ratioToFloor, m.ratioToFloor) : '–'} | ` +
        `${ours ? ratio(ours.convergeMs, m.convergeMs) : '–'} |`,
    );
  }
  return [...lines, ''];
}

function targetsSection(results: BenchResults): string[] {
  const all = summariseLive(results.live);
  const verdict = (met: boolean) => (met ? 'met' : '**not met**');
  const lines = ['## Against the issue targets', ''];
  for (const ours of all.filter((s) => s.server === 'dampingi')) {
    const shape = `${ours.rooms} rooms`;
    const anchors = all.filter((s) => s.rooms === ours.rooms && s.server !== 'dampingi');
    const memory = anchors.find((s) => s.server === 'yws-memory');
    const bestAnchorP99 = Math.min(...anchors.map((s) => s.p99Ms.median));
    const mb = (mib: number) => (mib * 2 ** 20) / 1e6;
    if (memory) {
      const cpuRatio = ours.cpuMicrosPerDelivered.median / memory.cpuMicrosPerDelivered.median;
      lines.push(
        `- ${shape}: CPU per delivered update ≤ 1.2× @y/websocket-server in memory (durable storage on): ` +
          `${fixed(ours.cpuMicrosPerDelivered.median, 0)} µs against ${fixed(memory.cpuMicrosPerDelivered.median, 0)}, ` +
          `${fixed(cpuRatio, 2)}× — ${verdict(cpuRatio <= 1.2)}.`,
      );
    }
    lines.push(
      `- ${shape}: peak RSS ≤ 100 MB: ${fixed(mb(ours.peakRssMiB.median), 0)} MB — ${verdict(mb(ours.peakRssMiB.median) <= 100)}.`,
      `- ${shape}: idle RSS ≤ 60 MB: ${fixed(mb(ours.idleRssMiB.median), 0)} MB — ${verdict(mb(ours.idleRssMiB.median) <= 60)}.`,
    );
    if (Number.isFinite(bestAnchorP99)) {
      lines.push(
        `- ${shape}: p99 no worse than the best anchor (${fixed(bestAnchorP99)} ms): ${fixed(ours.p99Ms.median)} ms — ` +
          `${verdict(ours.p99Ms.median <= bestAnchorP99)}.`,
      );
    }
  }
  for (const trace of new Set(results.traces.filter((t) => t.trace.includes('.concurrent.')).map((t) => t.trace))) {
    const ratios = results.traces
      .filter((t) => t.trace === trace && t.server !== 'dampingi')
      .flatMap((anchor) => {
        const ours = results.traces.find(
          (r) => r.server === 'dampingi' && r.trace === trace && (r.run ?? 1) === (anchor.run ?? 1),
        );
        return ours ? [ours.opsPerSecond / anchor.opsPerSecond] : [];
      });
    if (ratios.length === 0) continue;
    const worst = spread(ratios);
    lines.push(
      `- Concurrent trace ${trace} ≥ 0.9× every anchor: ${fixed(worst.min, 2)}–${fixed(worst.max, 2)}× ` +
        `(median ${fixed(worst.median, 2)}×, every anchor and run) — ${verdict(worst.median >= 0.9)}.`,
    );
  }
  for (const m of results.offline.filter((r) => r.server === 'dampingi')) {
    lines.push(
      `- Offline merge of ${m.edits} edits ≤ 1.05 × floor: ${fixed(m.ratioToFloor, 3)} × — ${verdict(m.ratioToFloor <= 1.05)}.`,
    );
  }
  // A run of workloads without targets (open) gets no targets section.
  return lines.length > 2 ? [...lines, ''] : [];
}

export function renderMarkdown(results: BenchResults): string {
  const m = results.machine;
  return [
    '# Benchmarks: Dampingi beside the anchors',
    '',
    `Generated by \`npm run bench\` on ${results.date}: ${m.cpuModel}, ${m.cores} cores, Node ${m.node}. ` +
      'Each server is a separate child process pinned to core 0 (`taskset`); the load generator (all clients, ' +
      'one process, one clock) is pinned to core 1. Server CPU is utime+stime from `/proc/<pid>/stat` over the ' +
      'measured window; peak RSS is VmHWM.',
    '',
    `Commit ${m.commit}${m.serverTreeDirty ? ' (with uncommitted changes in server/ or shared/)' : ''}. ` +
      `Packages: ${Object.entries(m.packages)
        .map(([name, version]) => `${name} ${version}`)
        .join(', ')}.`,
    '',
    ...liveSection(results),
    ...tracesSection(results),
    ...offlineSection(results),
    ...(results.openDraft ? openDraftSection(results.openDraft) : []),
    ...targetsSection(results),
    'Editing traces: from the public editing-traces collection by Joseph Gentle and others (CC BY 4.0).',
    '',
  ].join('\n');
}

const NOTES_MARKER = '<!-- Notes below this line are written by hand and kept when the file is regenerated. -->';

/**
 * Writes a generated Markdown file, keeping hand-written reading notes below the marker, and
 * formats it as the project's formatter would (aligned tables), so `npm run lint` stays clean.
 */
export function writeMarkdownKeepingNotes(path: string, generated: string): void {
  const previous = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const notes = previous.includes(NOTES_MARKER) ? previous.slice(previous.indexOf(NOTES_MARKER)) : `${NOTES_MARKER}\n`;
  writeFileSync(path, `${generated}\n${notes}`);
  const formatted = spawnSync(join('node_modules', '.bin', 'biome'), ['format', '--write', path], { encoding: 'utf8' });
  if (formatted.status !== 0) console.warn(`biome could not format ${path}:\n${formatted.stderr}`);
}

export function writeResults(results: BenchResults): { jsonPath: string; markdownPath: string } {
  mkdirSync(results.options.out, { recursive: true });
  const jsonPath = join(results.options.out, `${results.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(jsonPath, `${JSON.stringify(results, null, 2)}\n`);
  writeMarkdownKeepingNotes(results.options.markdown, renderMarkdown(results));
  return { jsonPath, markdownPath: results.options.markdown };
}
