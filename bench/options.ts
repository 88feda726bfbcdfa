/** Benchmark options from CLI flags (`--rooms=50`) or environment (`BENCH_ROOMS=50`), flags winning. */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { extractors } from './extraction/extractors';
import { serverKinds } from './servers';
import { clusterSetups } from './servers/dampingi-cluster';

export const workloads = [
  'live',
  'traces',
  'offline',
  'open',
  'extraction',
  'cluster',
  'integrity',
  'backlog',
  'doc-memory',
  'hostile',
  'bundle',
  'popup',
] as const;
export type Workload = (typeof workloads)[number];

const list = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .string()
    .transform((text) => text.split(',').map((item) => item.trim()))
    .pipe(z.array(z.enum(values)).min(1));
const count = (min: number) => z.coerce.number().int().min(min);

const OptionsSchema = z.object({
  servers: list(serverKinds).default([...serverKinds]),
  workloads: list(workloads).default([...workloads]),
  // The issue's target shape: 200 rooms × 5 clients × 10 updates/s. A list (`--rooms=20,50`) sweeps.
  rooms: z
    .string()
    .transform((text) => text.split(',').map(Number))
    .pipe(z.array(z.number().int().min(1)).min(1))
    .default([200]),
  clients: count(2).default(5),
  rate: z.coerce.number().positive().default(10),
  warmup: z.coerce.number().min(0).default(3),
  duration: z.coerce.number().positive().default(20),
  runs: count(1).default(3),
  traceDir: z.string().default('../shared/corpus/editing-traces'),
  /** Replay only the first N transactions of each trace (all when unset). */
  traceTxns: count(1).optional(),
  traceWindow: count(1).default(256),
  offlineEdits: z
    .string()
    .transform((text) => text.split(',').map(Number))
    .pipe(z.array(z.number().int().min(1)).min(1))
    .default([1000, 10_000]),
  /** Workload 4's draft: this trace's end text (default: the trace in traceDir with the longest one). */
  openTrace: z.string().optional(),
  /** Only the first N paragraphs of that draft (all when unset). */
  openParagraphs: count(1).optional(),
  /** The built web editor the server serves to the browser (`npm run build`). */
  webDir: z.string().default('.output/chrome-mv3'),
  /** The extraction workload's evaluation set (pages and human-marked snippets). */
  extractionDir: z.string().default('../shared/corpus/extraction-eval'),
  /** Only the first N pages of that set (all when unset): for quick iteration. */
  limit: count(1).optional(),
  /** Only every Nth page of the extraction set: a spread sample for quick iteration. */
  extractionEvery: count(1).optional(),
  /** Worker processes the extraction pages are spread over (Defuddle takes seconds a page under jsdom). */
  extractionWorkers: count(1).default(1),
  extractors: list(extractors).default([...extractors]),
  /** Each page is extracted this many times per extractor; the fastest counts. */
  extractionRepeats: count(1).default(1),
  extractionMarkdown: z.string().default('bench/EXTRACTION.md'),
  out: z.string().default('bench/results'),
  markdown: z.string().default('bench/RESULTS.md'),
  /** Where the popup workload writes its report. */
  popupMarkdown: z.string().default('bench/POPUP.md'),
  /** `--profile`: live editing runs Dampingi under `node --cpu-prof` and summarises the profile. */
  profile: z.stringbool().default(false),
  profileDir: z.string().default('bench/results/profiles'),
  profileMarkdown: z.string().default('bench/PROFILE.md'),
  /** `--gc-trace`: live editing runs every Node server under V8's GC trace and writes MEMORY.md. */
  gcTrace: z.stringbool().default(false),
  gcTraceDir: z.string().default('bench/results/gc'),
  memoryMarkdown: z.string().default('bench/MEMORY.md'),
  // The cluster run (one process vs two on PostgreSQL + Redis): its own smaller shape, so one run of
  // every setup stays within about three minutes; warm-up and duration are shared with live editing.
  clusterSetups: list(clusterSetups).default([...clusterSetups]),
  clusterRooms: count(1).default(50),
  clusterClients: count(2).default(4),
  clusterRate: z.coerce.number().positive().default(5),
  clusterRuns: count(1).default(1),
  clusterOut: z.string().default('bench/results/cluster'),
  clusterMarkdown: z.string().default('bench/CLUSTER.md'),
  /** Updates checked per document size in the integrity workload, and notes in its flood. */
  integrityUpdates: count(10).default(2000),
  integrityMarkdown: z.string().default('bench/INTEGRITY.md'),
  /** Offline backlogs (MB of Yjs update, mostly photos) merged through each server while a mentor watches. */
  backlogMb: z
    .string()
    .transform((text) => text.split(',').map(Number))
    .pipe(z.array(z.number().positive()).min(1))
    .default([20, 50, 200]),
  backlogMarkdown: z.string().default('bench/BACKLOG.md'),
  /** Interleaved runs of the heap-per-open-document measure (issue 21). */
  docMemoryRuns: count(1).default(3),
  docMemoryMarkdown: z.string().default('bench/DOC-MEMORY.md'),
  /** Hostile input: this many connections at once, each sending bursts of mutated messages. */
  hostileConnections: count(1).default(1000),
  hostileBurst: count(1).default(200),
  /** Messages sent before each RSS measurement (cumulative). */
  hostileMessages: z
    .string()
    .transform((text) => text.split(',').map(Number))
    .pipe(z.array(z.number().int().min(1)).min(1))
    .default([200_000, 1_000_000]),
  /** Quiet seconds before each RSS reading (V8's memory reducer collects an idle heap after a few). */
  hostileSettle: z.coerce.number().min(0).default(15),
  /** Sending to one server stops after this many seconds (the readings then say how many were sent). */
  hostileMaxSeconds: z.coerce.number().positive().default(900),
  /** `--hostile-heap-snapshots`: Dampingi writes a heap snapshot after each settle (for finding what is retained). */
  hostileHeapSnapshots: z.stringbool().default(false),
  hostileMarkdown: z.string().default('bench/HOSTILE.md'),
});
export type BenchOptions = z.infer<typeof OptionsSchema>;

const names = Object.keys(OptionsSchema.shape) as (keyof BenchOptions)[];
/** Flags given bare (`--profile`); the rest take a value (`--rooms=50`). */
const switches = new Set<keyof BenchOptions>(['profile', 'gcTrace', 'hostileHeapSnapshots']);
const envName = (name: string) => `BENCH_${name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
const flagName = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export function readOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: Object.fromEntries(
      names.map((name) => [flagName(name), { type: switches.has(name) ? ('boolean' as const) : ('string' as const) }]),
    ),
    strict: true,
  });
  const raw: Record<string, string | undefined> = {};
  for (const name of names) {
    const flag = values[flagName(name)];
    raw[name] = (typeof flag === 'boolean' ? String(flag) : flag) ?? env[envName(name)];
  }
  const parsed = OptionsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`bad benchmark options:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
