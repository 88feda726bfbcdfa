/**
 * Readability's own test pages (vendored in tests/fixtures/readability-pages) and one way to read an article from
 * them, for the tests that check a replacement on our Readability instance leaves its output as it was.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Readability } from '@mozilla/readability';
import { it } from 'vitest';
import { parsePage } from '../../extension/clip/extract/node/parse-page';

const corpus = resolve(import.meta.dirname, '../fixtures/readability-pages');

/** The address Readability's own tests give every page. */
export const VENDORED_PAGE_URL = 'http://fakehost/test/page.html';

/** A long page parsed a few times takes seconds while other work loads the machine. */
export const WHOLE_PAGE_MS = 30_000;

/** The names of the vendored pages (one folder each). */
export const vendoredPages = readdirSync(corpus, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

export function vendoredPageHtml(name: string): string {
  return readFileSync(resolve(corpus, name, 'source.html'), 'utf8');
}

/** One test per vendored page; `title` names the page with `%s`. */
export function itOnEveryVendoredPage(
  title: string,
  test: (html: string, name: string) => void,
  timeout: number = WHOLE_PAGE_MS,
): void {
  it.each(vendoredPages)(title, (name) => test(vendoredPageHtml(name), name), timeout);
}

/** `read` on a fresh parse of `html` at the vendored pages' address; the page is closed after. */
export function onParsedPage<T>(html: string, read: (document: Document) => T): T {
  const page = parsePage(html, VENDORED_PAGE_URL);
  try {
    return read(page.document);
  } finally {
    page.close();
  }
}

export interface ArticleRead {
  /** The article's HTML, or null when Readability found none. */
  html: string | null;
  byline: string | null;
  /** Whether every method named in `replaces` is, after `prepare`, a function other than the library's own. */
  replaced: boolean;
}

export interface ArticleReadOptions {
  /** Changes the reader before it parses (installs replacements). */
  prepare?: (reader: Readability<Element>) => void;
  /** Readability's internal methods the preparation is meant to replace. */
  replaces?: readonly string[];
  charThreshold?: number;
}

/** Readability's article and byline for a page, read from a fresh parse of `html`. */
export function readabilityArticle(html: string, options: ArticleReadOptions = {}): ArticleRead {
  const { prepare, replaces = [], charThreshold } = options;
  return onParsedPage(html, (document) => {
    const reader = new Readability<Element>(document, {
      serializer: (node) => node as Element,
      ...(charThreshold === undefined ? {} : { charThreshold }),
    });
    // The methods live on Readability's prototype: reading them through the instance sees a replacement.
    const internals = reader as unknown as Record<string, unknown>;
    const before = replaces.map((name) => internals[name]);
    prepare?.(reader);
    const replaced = replaces.every(
      (name, index) => typeof internals[name] === 'function' && internals[name] !== before[index],
    );
    const article = reader.parse();
    return { html: article?.content?.innerHTML ?? null, byline: article?.byline ?? null, replaced };
  });
}
