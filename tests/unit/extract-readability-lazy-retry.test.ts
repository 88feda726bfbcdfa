// Readability's copy of the body for a retry, made only when a retry happens (readability-lazy-retry.ts), must leave
// Readability's output as it was: same article and byline on every vendored page of Readability's own test suite,
// both when the first try is kept and when every try is made.
import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../extension/clip/extract/node/parse-page';
import { withLazyRetryCopy } from '../../extension/clip/extract/readability-lazy-retry';
import { VENDORED_PAGE_URL, vendoredPageHtml, vendoredPages } from '../support/vendored-readability';

/** Readability's own threshold, and one no article reaches, so that it tries with every rule relaxed. */
const THRESHOLDS = { default: 500, 'every try': 1_000_000 };

/** Readability's article and byline for a page, and how many fresh copies the lazy retry asked for. */
function parsed(html: string, charThreshold: number, lazy: boolean) {
  const page = parsePage(html, VENDORED_PAGE_URL);
  const copies: { close(): void }[] = [];
  try {
    const options = { serializer: (node: Node) => node as Element, charThreshold };
    const reader = new Readability<Element>(page.document, options);
    if (lazy) {
      withLazyRetryCopy(reader, () => {
        const copy = parsePage(html, VENDORED_PAGE_URL);
        copies.push(copy);
        return new Readability<Element>(copy.document, options);
      });
    }
    const article = reader.parse();
    const body = page.document.body;
    return {
      html: article?.content?.innerHTML ?? null,
      byline: article?.byline ?? null,
      copies: copies.length,
      // The stand-in is gone once Readability is done: the body's HTML is its own again.
      bodyHtmlIsOwn: !body || !Object.hasOwn(body, 'innerHTML'),
    };
  } finally {
    page.close();
    for (const copy of copies) copy.close();
  }
}

describe('Readability with a lazy retry copy', () => {
  // Every try (four under a threshold no article reaches) parses a long page again: up to ~8 s on a loaded machine.
  const slowPage = 30_000;
  describe.each(Object.entries(THRESHOLDS))('with the %s threshold', (label, threshold) => {
    it.each(vendoredPages)(
      'extracts the same article and byline from vendored page %s',
      (name) => {
        const html = vendoredPageHtml(name);
        const { copies: _, ...before } = parsed(html, threshold, false);
        const { copies, ...after } = parsed(html, threshold, true);
        expect(after).toEqual(before);
        // Every try after a first that falls short starts again from one copy, made once.
        if (label === 'every try') expect(copies).toBe(1);
        else expect(copies).toBeLessThanOrEqual(1);
      },
      slowPage,
    );
  });

  it('makes no copy when the first try is kept', () => {
    const story = `<p>${'The river rose through the night and the village moved to the school on the hill. '.repeat(8)}</p>`;
    const after = parsed(`<html><body><article>${story}</article></body></html>`, THRESHOLDS.default, true);
    expect(after.copies).toBe(0);
    expect(after.html).toContain('The river rose');
  });

  it('starts a retry from the page as Readability prepared it, not as it left it', () => {
    // Too short for the first try: Readability strips the "sidebar" block, finds too little and tries again with it.
    const html =
      '<html><body><div class="sidebar"><p>Kept on the second try, with more words than the first had.</p></div>' +
      '<style>p { color: red }</style><div><p>Short.</p></div></body></html>';
    const before = parsed(html, THRESHOLDS.default, false);
    const after = parsed(html, THRESHOLDS.default, true);
    expect(after.copies).toBe(1);
    expect(after).toEqual({ ...before, copies: 1 });
  });
});
