// Readability's conditional clean-up and link density replaced by lighter ones (readability-clean-conditionally.ts)
// must leave Readability's output as it was: same link density for every element weighed, same article and byline on
// every vendored page of Readability's own test suite, with and without ours' other replacements.
import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { withCheaperTests } from '../../extension/clip/extract/readability-cheaper-tests';
import { withLighterCleaning } from '../../extension/clip/extract/readability-clean-conditionally';
import { withTagLists } from '../../extension/clip/extract/readability-tag-lists';
import { itOnEveryVendoredPage, onParsedPage, readabilityArticle } from '../support/vendored-readability';

/** Every try parses a long page four times over. */
const EVERY_TRY_MS = 60_000;

type Internals = { _cleanConditionally: unknown; _getLinkDensity(element: Element): number };

/** Readability's article and byline for a page, and whether both methods were replaced. */
function parsed(html: string, options: { lighter: boolean; others: boolean; charThreshold?: number }) {
  return readabilityArticle(html, {
    charThreshold: options.charThreshold,
    prepare: (reader) => {
      if (options.others) {
        withCheaperTests(reader);
        withTagLists(reader);
      }
      if (options.lighter) withLighterCleaning(reader);
    },
    replaces: ['_cleanConditionally', '_getLinkDensity'],
  });
}

const story = `<p>${'The river rose through the night and the village moved to the school on the hill, slowly. '.repeat(8)}</p>`;

describe('Readability with the lighter conditional clean-up', () => {
  it('applies to the installed Readability.js', () => {
    const html = `<html><body><article>${story}</article></body></html>`;
    expect(parsed(html, { lighter: true, others: false }).replaced).toBe(true);
    expect(parsed(html, { lighter: false, others: false }).replaced).toBe(false);
  });

  itOnEveryVendoredPage('extracts the same article and byline from vendored page %s', (html) => {
    const before = parsed(html, { lighter: false, others: true });
    expect(parsed(html, { lighter: true, others: true })).toEqual({ ...before, replaced: true });
  });

  // Every try, the clean-up flags dropped one by one, and the library's own methods around the replacement.
  itOnEveryVendoredPage(
    'extracts the same article from vendored page %s on every try, beside the library alone',
    (html) => {
      const everyTry = { others: false, charThreshold: 1_000_000 };
      const before = parsed(html, { ...everyTry, lighter: false });
      expect(parsed(html, { ...everyTry, lighter: true })).toEqual({ ...before, replaced: true });
    },
    EVERY_TRY_MS,
  );

  itOnEveryVendoredPage('measures the same link density under vendored page %s', (html) => {
    onParsedPage(html, (document) => {
      const stock = new Readability<Element>(document) as unknown as Internals;
      const lighter = new Readability<Element>(document);
      withLighterCleaning(lighter);
      const elements = Array.from(document.getElementsByTagName('*'));
      const step = Math.ceil(elements.length / 300);
      for (const element of elements.filter((_, index) => index % step === 0)) {
        expect((lighter as unknown as Internals)._getLinkDensity(element)).toBe(stock._getLinkDensity(element));
      }
    });
  });

  it('removes and keeps the blocks the library does', () => {
    const blocks = [
      '<ul><li><img src="a.jpg"></li><li><img src="b.jpg"></li></ul>',
      '<div><iframe src="https://www.youtube.com/embed/x"></iframe></div>',
      '<div><iframe src="https://example.com/widget"></iframe><p>Short.</p></div>',
      '<div><form><input><input><p>Sign up for more.</p></form></div>',
      '<div><a href="/one">One</a> <a href="/two">Two</a> and a few words</div>',
      '<div><h2>Only a heading</h2></div>',
      '<div><ul><li>First of many</li><li>Second</li><li>Third</li></ul></div>',
      '<div><span></span><em>Text outside any listed element, and more.</em></div>',
      '<figure><div><img src="c.jpg"><img src="d.jpg"></div></figure>',
      '<table><tr><td><a href="#top">Back up</a></td></tr></table>',
      '<div><pre><code><div><a href="/x">x</a></div></code></pre></div>',
    ];
    const html = `<html><body><article>${story}${blocks.join(story)}${story}</article></body></html>`;
    const after = parsed(html, { lighter: true, others: true });
    expect(after).toEqual({ ...parsed(html, { lighter: false, others: true }), replaced: true });
    // A list of images stays (each item one image); an embed of a known video host stays, another goes.
    expect(after.html).toContain('b.jpg');
    expect(after.html).toContain('youtube.com/embed');
    expect(after.html).not.toContain('example.com/widget');
  });
});
