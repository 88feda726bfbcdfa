/**
 * One page of the extraction workload: each extractor gets its own copy of the same jsdom document (parsing and
 * copying not timed, as a caller that owns a throwaway document would hand it over), then its text is scored.
 */
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import Defuddle from 'defuddle';
import { extractArticle, plainTextOf } from '../../extension/clip/extract';
import { parsePage } from '../../extension/clip/extract/node/parse-page';
import type { EvalCase } from './corpus';
import type { Extractor } from './extractors';
import { type PageScore, scorePage } from './score';

/**
 * Each extractor's text, as a reader would see it: block-aware plain text of the HTML it returns. `doc` is the
 * extractor's own copy; `intact` is the page as parsed, which ours copies (timed) only when it reads the body too.
 */
const textOf: Record<Extractor, (doc: Document, url: string, intact: Document) => string> = {
  dampingi: (doc, url, intact) =>
    extractArticle(doc, url, { consume: { reread: () => intact.cloneNode(true) as Document } }).text,
  readability: (doc) => {
    const parsed = new Readability<Element>(doc, { serializer: (node) => node as Element }).parse();
    return parsed?.content ? plainTextOf(parsed.content) : '';
  },
  defuddle: (doc, url) => {
    const parsed = new Defuddle(doc, { url, useAsync: false }).parse();
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

/**
 * The extractors in a different order on each page: whoever runs right after a heavy extractor pays for collecting
 * its garbage, so no extractor may always follow the same one.
 */
function rotated(chosen: readonly Extractor[], id: string): Extractor[] {
  const shift = (Number.parseInt(id, 10) || 0) % chosen.length;
  return [...chosen.slice(shift), ...chosen.slice(0, shift)];
}

/** Extractors run one after the other on the page (interleaved page by page); per extractor the fastest try counts. */
export function extractPage(item: EvalCase, html: string, chosen: readonly Extractor[], repeats: number): PageOutcome {
  const page = parsePage(html, item.url);
  const outcome: PageOutcome = { id: item.id, url: item.url, byExtractor: {} };
  try {
    for (const extractor of rotated(chosen, item.id)) {
      let best = Number.POSITIVE_INFINITY;
      let text = '';
      let error: string | undefined;
      for (let repeat = 0; repeat < repeats; repeat++) {
        const copy = page.document.cloneNode(true) as Document;
        const started = performance.now();
        try {
          text = textOf[extractor](copy, item.url, page.document);
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
