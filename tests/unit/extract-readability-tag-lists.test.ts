// Readability's element lists asked of `getElementsByTagName` instead of the selector engine (readability-tag-lists.ts)
// must leave Readability's output as it was: same elements listed, same article and byline on every vendored page of
// Readability's own test suite.
import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { withTagLists } from '../../extension/clip/extract/readability-tag-lists';
import { itOnEveryVendoredPage, onParsedPage, readabilityArticle } from '../support/vendored-readability';

type Internals = { _getAllNodesWithTag(node: Node, tagNames: string[]): ArrayLike<Element> };

/** Tag names Readability 0.6.0 asks for one at a time, and the upper-case names it asks for with others. */
const ASKED_ALONE = ['a', 'br', 'font', 'h1', 'p', 'script', 'style', 'table', 'ul', 'div', 'form', 'iframe', 'svg'];
const ASKED_IN_UPPER_CASE = ['SPAN', 'LI', 'TD', 'DIV', 'P', 'IMG', 'A'];
/** The lists of several names it asks for. */
const ASKED_TOGETHER = [
  ['h1', 'h2'],
  ['img', 'picture', 'figure'],
  ['img', 'embed', 'object', 'iframe'],
  ['object', 'embed', 'iframe'],
  ['ul', 'ol'],
  ['script', 'noscript'],
  ['p', 'p'],
];

/** Readability's article and byline for a page, and whether its element lists were replaced. */
function parsed(html: string, cheap: boolean) {
  return readabilityArticle(html, { prepare: cheap ? withTagLists : undefined, replaces: ['_getAllNodesWithTag'] });
}

describe('Readability with element lists by tag name', () => {
  it('applies to the installed Readability.js', () => {
    expect(parsed('<html><body><p>Text</p></body></html>', true).replaced).toBe(true);
  });

  itOnEveryVendoredPage('lists the same elements in the same order on vendored page %s', (html) => {
    onParsedPage(html, (document) => {
      const stock = new Readability<Element>(document) as unknown as Internals;
      const cheap = new Readability<Element>(document);
      withTagLists(cheap);
      const asked = [...[...ASKED_ALONE, ...ASKED_IN_UPPER_CASE].map((tag) => [tag]), ...ASKED_TOGETHER];
      // Elements by their place in the page: equal-looking elements must not stand in for each other.
      const place = new Map(Array.from(document.getElementsByTagName('*')).map((element, index) => [element, index]));
      const places = (list: ArrayLike<Element>) => Array.from(list).map((element) => place.get(element));
      // Under the document, the body and up to 100 elements spread over the body that have children (Readability
      // asks under the page and under the blocks it weighs).
      const body = document.body;
      const parents = Array.from(body?.getElementsByTagName('*') ?? []).filter((element) => element.firstElementChild);
      const step = Math.ceil(parents.length / 100);
      const roots = [document, ...(body ? [body] : []), ...parents.filter((_, index) => index % step === 0)];
      for (const root of roots) {
        for (const tags of asked) {
          const expected = places(stock._getAllNodesWithTag(root, tags));
          expect(places((cheap as unknown as Internals)._getAllNodesWithTag(root, tags))).toEqual(expected);
        }
      }
    });
  });

  itOnEveryVendoredPage('extracts the same article and byline from vendored page %s', (html) => {
    expect(parsed(html, true)).toEqual({ ...parsed(html, false), replaced: true });
  });

  // An SVG `a` is an `a` to the selector `a` and not to `A`; both `span`s count, the outer holding the inner.
  it('measures text density over several tag names as the selector did, whatever their case', () => {
    const html =
      '<html><body><div id="d">lead <span>one <span>two</span></span> <li>three</li> <a>five</a> <svg><a>four</a><td>six</td></svg></div></body></html>';
    onParsedPage(html, (document) => {
      type Density = { _getTextDensity(element: Element, tags: string[]): number };
      const stock = new Readability<Element>(document) as unknown as Density;
      const cheap = new Readability<Element>(document);
      withTagLists(cheap);
      const div = document.getElementById('d') as Element;
      for (const tags of [
        ['SPAN', 'LI', 'TD', 'A'],
        ['span', 'li', 'td', 'a'],
      ]) {
        expect((cheap as unknown as Density)._getTextDensity(div, tags)).toBe(stock._getTextDensity(div, tags));
      }
      expect(stock._getTextDensity(div, ['span', 'a'])).toBeGreaterThan(stock._getTextDensity(div, ['SPAN', 'A']));
    });
  });
});
