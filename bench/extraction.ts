/**
 * Workload 5: time to extract the article of each page in the readability corpus, ours
 * (`extractArticle`: Readability, Defuddle when doubtful, clean-up) beside Readability and Defuddle
 * alone, each on its own copy of the same parsed DOM. Parsing is done once per page and not timed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import Defuddle from 'defuddle';
import { extractArticle } from '../extension/clip/extract';
import { parsePage } from '../extension/clip/extract/node/parse-page';
import { type Spread, spread } from './stats';

export const extractors = ['dampingi', 'readability', 'defuddle'] as const;
export type Extractor = (typeof extractors)[number];

export interface ExtractionResult {
  pages: number;
  /** Per extractor: milliseconds per page, median and spread over pages (each page's best of `repeats`). */
  perPageMs: Record<Extractor, Spread>;
  totalMs: Record<Extractor, number>;
}

const run: Record<Extractor, (doc: Document, url: string) => void> = {
  dampingi: (doc, url) => void extractArticle(doc, url),
  readability: (doc) => void new Readability(doc.cloneNode(true) as Document).parse(),
  defuddle: (doc, url) => void new Defuddle(doc.cloneNode(true) as Document, { url, useAsync: false }).parse(),
};

export async function runExtraction(
  corpusDir: string,
  options: { maxPages?: number; repeats: number },
): Promise<ExtractionResult> {
  const names = readdirSync(corpusDir)
    .filter((name) => existsSync(join(corpusDir, name, 'source.html')))
    .sort()
    .slice(0, options.maxPages);
  const samples: Record<Extractor, number[]> = { dampingi: [], readability: [], defuddle: [] };
  for (const name of names) {
    const html = readFileSync(join(corpusDir, name, 'source.html'), 'utf8');
    const url = `http://fakehost/test/${name}/`;
    const page = parsePage(html, url);
    try {
      // Interleaved per page, so a drift in the machine's state does not favour one extractor.
      for (const extractor of extractors) {
        let best = Number.POSITIVE_INFINITY;
        for (let repeat = 0; repeat < options.repeats; repeat++) {
          const started = performance.now();
          try {
            run[extractor](page.document, url);
          } catch {
            // A crash is timed like an answer; the corpus test checks that ours never crashes.
          }
          best = Math.min(best, performance.now() - started);
        }
        samples[extractor].push(best);
      }
    } finally {
      page.close();
    }
    await new Promise((done) => setImmediate(done));
  }
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  return {
    pages: names.length,
    perPageMs: {
      dampingi: spread(samples.dampingi),
      readability: spread(samples.readability),
      defuddle: spread(samples.defuddle),
    },
    totalMs: {
      dampingi: sum(samples.dampingi),
      readability: sum(samples.readability),
      defuddle: sum(samples.defuddle),
    },
  };
}
