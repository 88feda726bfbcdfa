/**
 * Workload "extraction": each page of the extraction evaluation set (990 real pages, human-marked
 * snippets; `extraction/corpus.ts`) extracted by ours (`extractArticle`), Readability.js alone and Defuddle
 * alone, each on its own copy of the same jsdom document (parsing not timed), scored by snippets
 * (`extraction/score.ts`) and timed in the same run, interleaved page by page.
 */
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import Defuddle from 'defuddle';
import { extractArticle, plainTextOf } from '../extension/clip/extract';
import { parsePage } from '../extension/clip/extract/node/parse-page';
import { type EvalCase, readCases, readPage } from './extraction/corpus';
import { type Extractor, extractors } from './extraction/extractors';
import {
  addCounts,
  noCounts,
  type PageScore,
  type Quality,
  quality,
  type SnippetCounts,
  scorePage,
} from './extraction/score';
import { type Spread, spread } from './stats';

/** Each extractor's text, as a reader would see it: block-aware plain text of the HTML it returns. */
const textOf: Record<Extractor, (doc: Document, url: string) => string> = {
  dampingi: (doc, url) => extractArticle(doc, url).text,
  readability: (doc) => {
    const parsed = new Readability<Element>(doc.cloneNode(true) as Document, {
      serializer: (node) => node as Element,
    }).parse();
    return parsed?.content ? plainTextOf(parsed.content) : '';
  },
  defuddle: (doc, url) => {
    const parsed = new Defuddle(doc.cloneNode(true) as Document, { url, useAsync: false }).parse();
    const container = doc.implementation.createHTMLDocument('').createElement('div');
    container.innerHTML = parsed.content ?? '';
    return plainTextOf(container);
  },
};

export interface PageOutcome {
  id: string;
  url: string;
  byExtractor: Partial<Record<Extractor, PageScore & { ms: number; chars: number; error?: string }>>;
}

export interface ExtractorSummary extends Quality, SnippetCounts {
  perPageMs: Spread;
  meanMs: number;
  totalMs: number;
  errors: number;
}

export interface ExtractionResult {
  corpusDir: string;
  pages: number;
  extractors: Extractor[];
  summary: Partial<Record<Extractor, ExtractorSummary>>;
  outcomes: PageOutcome[];
}

function extractPage(item: EvalCase, html: string, chosen: readonly Extractor[], repeats: number): PageOutcome {
  const page = parsePage(html, item.url);
  const outcome: PageOutcome = { id: item.id, url: item.url, byExtractor: {} };
  try {
    for (const extractor of chosen) {
      let best = Number.POSITIVE_INFINITY;
      let text = '';
      let error: string | undefined;
      for (let repeat = 0; repeat < repeats; repeat++) {
        const started = performance.now();
        try {
          text = textOf[extractor](page.document, item.url);
        } catch (thrown) {
          // A crash is timed and scored as an empty answer.
          error = String(thrown);
          text = '';
        }
        best = Math.min(best, performance.now() - started);
      }
      const score = scorePage(text, item.with, item.without);
      outcome.byExtractor[extractor] = { ...score, ms: best, chars: text.length, ...(error ? { error } : {}) };
    }
  } finally {
    page.close();
  }
  return outcome;
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

export async function runExtraction(
  corpusDir: string,
  options: { limit?: number; repeats: number; extractors?: readonly Extractor[]; onPage?: (done: number) => void },
): Promise<ExtractionResult> {
  const chosen = options.extractors ?? extractors;
  const outcomes: PageOutcome[] = [];
  for (const item of readCases(corpusDir, options.limit)) {
    outcomes.push(extractPage(item, readPage(corpusDir, item.id), chosen, options.repeats));
    options.onPage?.(outcomes.length);
    // Lets timers and GC breathe between pages.
    await new Promise((done) => setImmediate(done));
  }
  return {
    corpusDir,
    pages: outcomes.length,
    extractors: [...chosen],
    summary: Object.fromEntries(chosen.map((extractor) => [extractor, summarise(outcomes, extractor)])),
    outcomes,
  };
}

export { type Extractor, extractors };
