/**
 * Workload "extraction": each page of the extraction evaluation set (990 real pages, human-marked
 * snippets; `extraction/corpus.ts`) extracted by ours (`extractArticle`), Readability.js alone and Defuddle
 * alone, each on its own copy of the same jsdom document (parsing not timed), scored by snippets
 * (`extraction/score.ts`) and timed in the same run, interleaved page by page.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type EvalCase, readCases, readPage } from './extraction/corpus';
import { extractPage, type PageOutcome } from './extraction/extract-page';
import { type Extractor, extractors } from './extraction/extractors';
import { addCounts, noCounts, type Quality, quality, type SnippetCounts } from './extraction/score';
import { type Spread, spread } from './stats';

export interface ExtractorSummary extends Quality, SnippetCounts {
  perPageMs: Spread;
  meanMs: number;
  totalMs: number;
  errors: number;
}

export interface ExtractionResult {
  corpusDir: string;
  pages: number;
  /** Worker processes the pages were spread over (1: all in this process). */
  workers: number;
  extractors: Extractor[];
  summary: Partial<Record<Extractor, ExtractorSummary>>;
  outcomes: PageOutcome[];
}

function summarise(outcomes: PageOutcome[], extractor: Extractor): ExtractorSummary {
  const pages = outcomes.flatMap((outcome) => outcome.byExtractor[extractor] ?? []);
  const counts = pages.reduce<SnippetCounts>((sum, page) => addCounts(sum, page), noCounts);
  const times = pages.map((page) => page.ms);
  const totalMs = times.reduce((sum, ms) => sum + ms, 0);
  return {
    ...counts,
    ...quality(counts),
    perPageMs: spread(times),
    meanMs: totalMs / (times.length || 1),
    totalMs,
    errors: pages.filter((page) => page.error).length,
  };
}

export interface ExtractionOptions {
  limit?: number;
  /** Only every Nth page (a spread sample of the whole set). */
  every?: number;
  repeats: number;
  extractors?: readonly Extractor[];
  /** Worker processes to spread the pages over; each runs every chosen extractor on its pages, interleaved. */
  workers?: number;
  /** Called with each page's outcome as it comes: a long run that is stopped still leaves what it measured. */
  onPage?: (done: number, outcome: PageOutcome) => void;
}

function chosenCases(corpusDir: string, options: ExtractionOptions): EvalCase[] {
  const every = options.every ?? 1;
  return readCases(corpusDir)
    .filter((_, index) => index % every === 0)
    .slice(0, options.limit);
}

async function inThisProcess(
  corpusDir: string,
  cases: EvalCase[],
  chosen: readonly Extractor[],
  options: ExtractionOptions,
): Promise<PageOutcome[]> {
  const outcomes: PageOutcome[] = [];
  for (const item of cases) {
    const outcome = extractPage(item, readPage(corpusDir, item.id), chosen, options.repeats);
    outcomes.push(outcome);
    options.onPage?.(outcomes.length, outcome);
    // Lets timers and GC breathe between pages.
    await new Promise((done) => setImmediate(done));
  }
  return outcomes;
}

/** Pages dealt round-robin to the workers, so each gets long and short pages from all over the set. */
async function inWorkers(
  corpusDir: string,
  cases: EvalCase[],
  chosen: readonly Extractor[],
  options: ExtractionOptions & { workers: number },
): Promise<PageOutcome[]> {
  const outcomes: PageOutcome[] = [];
  const shards = Array.from({ length: options.workers }, (_, shard) =>
    cases.filter((_, index) => index % options.workers === shard).map((item) => item.id),
  );
  await Promise.all(
    shards.map(
      (ids) =>
        new Promise<void>((resolve, reject) => {
          // A process, not a thread: tsx's loader does not reach worker threads.
          const worker = fork(fileURLToPath(new URL('./extraction/worker.ts', import.meta.url)), [], {
            execArgv: ['--import', 'tsx'],
          });
          let received = 0;
          worker.on('message', (outcome: PageOutcome) => {
            outcomes.push(outcome);
            options.onPage?.(outcomes.length, outcome);
            if (++received === ids.length) worker.disconnect();
          });
          worker.on('error', reject);
          worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`extraction worker exited ${code}`))));
          if (ids.length === 0) worker.disconnect();
          else worker.send({ corpusDir, ids, extractors: [...chosen], repeats: options.repeats });
        }),
    ),
  );
  return outcomes.sort((a, b) => a.id.localeCompare(b.id));
}

export async function runExtraction(corpusDir: string, options: ExtractionOptions): Promise<ExtractionResult> {
  const chosen = options.extractors ?? extractors;
  const cases = chosenCases(corpusDir, options);
  const workers = options.workers ?? 1;
  const outcomes =
    workers > 1
      ? await inWorkers(corpusDir, cases, chosen, { ...options, workers })
      : await inThisProcess(corpusDir, cases, chosen, options);
  return {
    corpusDir,
    pages: outcomes.length,
    workers,
    extractors: [...chosen],
    summary: Object.fromEntries(chosen.map((extractor) => [extractor, summarise(outcomes, extractor)])),
    outcomes,
  };
}

export { type Extractor, extractors, type PageOutcome };
