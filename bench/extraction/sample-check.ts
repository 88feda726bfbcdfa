/**
 * Quick check while working on extraction speed, in one process: every Nth page of the evaluation set, ours and
 * Readability.js alone alternated page by page (fastest of `--tries`), and ours' text and HTML written to a JSON file so
 * that two versions of the code can be compared for identical output. Not part of `npm run bench`.
 *
 *   node --import tsx bench/extraction/sample-check.ts --every=5 --tries=1 --out=/tmp/after.json [--only=dampingi]
 *
 * `--cpu` times the process's CPU time instead of the wall clock: on a machine that others load too, a page's wall
 * time includes the time the process waited for a core.
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Readability } from '@mozilla/readability';
import { extractArticle, plainTextOf } from '../../extension/clip/extract';
import { parsePage } from '../../extension/clip/extract/node/parse-page';
import { readCases, readPage } from './corpus';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: '../shared/corpus/extraction-eval' },
    every: { type: 'string', default: '10' },
    offset: { type: 'string', default: '0' },
    tries: { type: 'string', default: '1' },
    out: { type: 'string' },
    only: { type: 'string' },
    cpu: { type: 'boolean', default: false },
  },
});
const every = Number(values.every);
const offset = Number(values.offset);
const tries = Number(values.tries);
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const now = values.cpu ? cpuMs : () => performance.now();
const cases = readCases(values.dir).filter((_, index) => index % every === offset);

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (index: number) => sorted[index] ?? 0;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
};

const run = {
  dampingi: (doc: Document, url: string, intact: Document) =>
    extractArticle(doc, url, { consume: { reread: () => intact.cloneNode(true) as Document } }),
  readability: (doc: Document) => {
    const parsed = new Readability<Element>(doc, { serializer: (node) => node as Element }).parse();
    return { text: parsed?.content ? plainTextOf(parsed.content) : '', html: '' };
  },
  /** Readability.js with the options ours gives it, and nothing else: what ours' own steps add to. */
  'readability-ours': (doc: Document) => {
    const parsed = new Readability<Element>(doc, {
      serializer: (node) => node as Element,
      charThreshold: 200,
      keepClasses: true,
      disableJSONLD: true,
    }).parse();
    return { text: parsed?.content ? plainTextOf(parsed.content) : '', html: '' };
  },
};
const chosen = (values.only?.split(',') ?? ['dampingi', 'readability']) as (keyof typeof run)[];
const times = new Map<string, number[]>(chosen.map((extractor) => [extractor, []]));
const timesOf = (extractor: string) => times.get(extractor) ?? [];
const outputs: Record<string, { text: string; html: string }> = {};

for (const [index, item] of cases.entries()) {
  const page = parsePage(readPage(values.dir, item.id), item.url);
  const order = index % 2 ? [...chosen].reverse() : chosen;
  for (const extractor of order) {
    let best = Number.POSITIVE_INFINITY;
    for (let attempt = 0; attempt < tries; attempt++) {
      const copy = page.document.cloneNode(true) as Document;
      const started = now();
      const result = run[extractor](copy, item.url, page.document);
      best = Math.min(best, now() - started);
      if (extractor === 'dampingi') outputs[item.id] = { text: result.text, html: result.html };
    }
    timesOf(extractor).push(best);
  }
  page.close();
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
for (const extractor of chosen) {
  const ms = timesOf(extractor);
  console.log(
    `${extractor}: ${cases.length} pages, total ${sum(ms).toFixed(0)} ms, median ${median(ms).toFixed(1)} ms`,
  );
}
const anchor = timesOf('readability');
if (anchor.length) {
  for (const extractor of chosen.filter((name) => name !== 'readability')) {
    const ms = timesOf(extractor);
    const ratio = (pick: (v: number[]) => number) => (pick(ms) / pick(anchor)).toFixed(3);
    const perPage = ms.map((value, index) => value / (anchor[index] ?? value));
    console.log(
      `${extractor} ÷ Readability: mean ${ratio(sum)}, median ${ratio(median)}, per-page median ${median(perPage).toFixed(3)}`,
    );
  }
}
if (values.out) writeFileSync(values.out, JSON.stringify(outputs));
