/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`): self time per function and per package,
 * and total time of our own functions, optionally only within a window of the monotonic clock.
 * Bundled code is mapped back to its sources with the bundle's source map (`<bundle>.map`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const CpuProfileSchema = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      callFrame: z.object({
        functionName: z.string(),
        url: z.string(),
        lineNumber: z.number(),
        columnNumber: z.number(),
      }),
      children: z.array(z.number()).optional(),
    }),
  ),
  startTime: z.number(),
  endTime: z.number(),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});
type CpuProfile = z.infer<typeof CpuProfileSchema>;

export interface TimedEntry {
  name: string;
  ms: number;
  /** Share of the busy (non-idle) time. */
  share: number;
}

export interface ProfileSummary {
  /** Wall time covered by the samples summarised. */
  sampledMs: number;
  idleMs: number;
  busyMs: number;
  samples: number;
  topSelf: (TimedEntry & { group: string })[];
  groups: TimedEntry[];
  /** Our own functions by time spent in them and what they call. */
  topOursTotal: TimedEntry[];
}

interface Frame {
  /** `function (source:line)`, the aggregation key. */
  key: string;
  group: string;
  ours: boolean;
}

const IDLE = '(idle)';
const SPECIAL_GROUPS: Record<string, string> = {
  '(garbage collector)': 'GC',
  '(program)': 'V8 and native, unattributed (program)',
  '(root)': 'V8 and native, unattributed (program)',
};

/** Package groups by the package's name under node_modules. */
function packageGroup(name: string): string {
  if (['yjs', 'lib0', 'y-protocols'].includes(name)) return 'yjs (with lib0, y-protocols)';
  if (name === 'better-sqlite3') return 'better-sqlite3 and our storage';
  if (['pino', 'sonic-boom', 'thread-stream', 'pino-std-serializers'].includes(name)) return 'pino (logging)';
  return name;
}

/** Groups for our own sources, by folder. */
function sourceGroup(source: string): string {
  if (source.startsWith('server/storage/')) return 'better-sqlite3 and our storage';
  if (source.startsWith('server/rooms/')) return 'our rooms code';
  if (source.startsWith('server/transport/')) return 'our transport';
  if (source.startsWith('server/')) return 'our server, other';
  if (source.startsWith('shared/')) return 'our shared code';
  return `other: ${source}`;
}

const sourceMaps = new Map<string, SourceMap | null>();
function sourceMapOf(path: string): SourceMap | null {
  if (!sourceMaps.has(path)) {
    const mapPath = `${path}.map`;
    sourceMaps.set(path, existsSync(mapPath) ? new SourceMap(JSON.parse(readFileSync(mapPath, 'utf8'))) : null);
  }
  return sourceMaps.get(path) ?? null;
}

/** Where a call frame's code lives: our source file (mapped back from the bundle) or a package file. */
function locate(url: string, line: number, column: number): { source: string; line: number } {
  if (!url.startsWith('file:')) return { source: url, line };
  const path = fileURLToPath(url);
  const map = sourceMapOf(path);
  const entry = map?.findEntry(line, column);
  if (entry && 'originalSource' in entry) {
    const original = entry.originalSource.startsWith('file:')
      ? fileURLToPath(entry.originalSource)
      : resolve(dirname(path), entry.originalSource);
    return { source: relative(process.cwd(), original), line: entry.originalLine };
  }
  return { source: relative(process.cwd(), path), line };
}

function frameOf(callFrame: CpuProfile['nodes'][number]['callFrame']): Frame {
  const name = callFrame.functionName || '(anonymous)';
  const special = SPECIAL_GROUPS[name];
  if (special !== undefined || name === IDLE) return { key: name, group: special ?? IDLE, ours: false };
  if (callFrame.url === '') return { key: `${name} (native)`, group: '', ours: false };
  const { source, line } = locate(callFrame.url, callFrame.lineNumber, callFrame.columnNumber);
  const where = `${source}:${line + 1}`;
  if (source.startsWith('node:')) return { key: `${name} (${where})`, group: 'Node internals', ours: false };
  const inPackage = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source);
  if (inPackage?.[1]) {
    return {
      key: `${name} (${source.slice(inPackage.index)}:${line + 1})`,
      group: packageGroup(inPackage[1]),
      ours: false,
    };
  }
  return { key: `${name} (${where})`, group: sourceGroup(source), ours: true };
}

export function summariseCpuProfile(
  path: string,
  window?: { start: number; end: number },
  top = { self: 15, ours: 10 },
): ProfileSummary {
  const profile = CpuProfileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const frames = new Map(profile.nodes.map((node) => [node.id, frameOf(node.callFrame)]));
  // A native function (e.g. better-sqlite3's C++ `run`) counts toward the group of the code that called it.
  const groupOf = (id: number): string => {
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const group = frames.get(at)?.group;
      if (group) return group;
    }
    return 'native, caller unknown';
  };

  const self = new Map<string, { ms: number; group: string }>();
  const groups = new Map<string, number>();
  const oursTotal = new Map<string, number>();
  let idleMs = 0;
  let sampledMs = 0;
  let time = profile.startTime;
  const times = profile.timeDeltas.map((delta) => {
    time += delta;
    return time;
  });
  for (const [i, id] of profile.samples.entries()) {
    const at = times[i] as number;
    if (window && (at < window.start || at > window.end)) continue;
    // A sample stands for the time until the next one.
    const ms = ((times[i + 1] ?? profile.endTime) - at) / 1000;
    sampledMs += ms;
    const frame = frames.get(id);
    if (!frame) continue;
    if (frame.group === IDLE) {
      idleMs += ms;
      continue;
    }
    const group = groupOf(id);
    const entry = self.get(frame.key) ?? { ms: 0, group };
    entry.ms += ms;
    self.set(frame.key, entry);
    groups.set(group, (groups.get(group) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const caller = frames.get(at);
      if (caller?.ours && !seen.has(caller.key)) {
        seen.add(caller.key);
        oursTotal.set(caller.key, (oursTotal.get(caller.key) ?? 0) + ms);
      }
    }
  }
  const busyMs = sampledMs - idleMs;
  const entry = (name: string, ms: number): TimedEntry => ({ name, ms, share: busyMs > 0 ? ms / busyMs : 0 });
  const byTime = <T extends { ms: number }>(a: T, b: T) => b.ms - a.ms;
  return {
    sampledMs,
    idleMs,
    busyMs,
    samples: profile.samples.length,
    topSelf: [...self]
      .map(([name, { ms, group }]) => ({ ...entry(name, ms), group }))
      .sort(byTime)
      .slice(0, top.self),
    groups: [...groups].map(([name, ms]) => entry(name, ms)).sort(byTime),
    topOursTotal: [...oursTotal]
      .map(([name, ms]) => entry(name, ms))
      .sort(byTime)
      .slice(0, top.ours),
  };
}
