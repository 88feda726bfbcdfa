// Readability's byline, empty-element and visibility tests replaced by cheaper ones (readability-cheaper-tests.ts) must leave
// Readability's output as it was: same article and byline on every vendored page of Readability's own test suite.
import { describe, expect, it } from 'vitest';
import { withCheaperTests } from '../../extension/clip/extract/readability-cheaper-tests';
import { itOnEveryVendoredPage, readabilityArticle } from '../support/vendored-readability';

/** Readability's article and byline for a page, and whether all three of its tests were replaced. */
function parsed(html: string, cheap: boolean) {
  return readabilityArticle(html, {
    prepare: cheap ? withCheaperTests : undefined,
    replaces: ['_isValidByline', '_isElementWithoutContent', '_isProbablyVisible'],
  });
}

describe('Readability with cheaper tests', () => {
  it('applies to the installed Readability.js', () => {
    expect(parsed('<html><body><p>Text</p></body></html>', true).replaced).toBe(true);
    expect(parsed('<html><body><p>Text</p></body></html>', false).replaced).toBe(false);
  });

  // 14 of the 30 pages have a byline, found by this test or from their meta tags. A long page parsed twice takes
  // seconds while other work loads the machine.
  itOnEveryVendoredPage('extracts the same article and byline from vendored page %s', (html) => {
    const before = parsed(html, false);
    expect(parsed(html, true)).toEqual({ ...before, replaced: true });
  });

  it('finds a byline by its class name and drops it from the article', () => {
    const html =
      '<html><body><article><div class="byline">By Sari Dewi</div>' +
      `<p>${'The river rose through the night and the village moved to the school on the hill. '.repeat(8)}</p>` +
      '</article></body></html>';
    const after = parsed(html, true);
    expect(after.byline).toBe('By Sari Dewi');
    expect(after.html).not.toContain('Sari Dewi');
    expect(after).toEqual({ ...parsed(html, false), replaced: true });
  });

  it('drops a block that holds only white space and line breaks, and keeps one with text deep inside', () => {
    const story = `<p>${'The river rose through the night and the village moved to the school on the hill. '.repeat(8)}</p>`;
    const html =
      '<html><body><article><div id="blank">\u00a0 <br> <hr> </div>' +
      `<section><div><div><span> </span><b>Kept words</b></div></div></section>${story}</article></body></html>`;
    const after = parsed(html, true);
    expect(after.html).not.toContain('blank');
    expect(after.html).toContain('Kept words');
    expect(after).toEqual({ ...parsed(html, false), replaced: true });
  });

  it('drops what is hidden by style, attribute or aria-hidden, and keeps a hidden fallback image', () => {
    const story = `<p>${'The river rose through the night and the village moved to the school on the hill. '.repeat(8)}</p>`;
    const html =
      '<html><body><article>' +
      '<div style="color: red; display: none">Styled away</div><div style="visibility:hidden">Invisible</div>' +
      '<div hidden>Hidden attribute</div><div aria-hidden="true">Aria hidden</div>' +
      '<div style="display: block">Shown by style</div><div aria-hidden="false">Shown to readers</div>' +
      `<span class="mwe-math-fallback-image-inline" aria-hidden="true">Fallback maths</span>${story}</article></body></html>`;
    const after = parsed(html, true);
    for (const gone of ['Styled away', 'Invisible', 'Hidden attribute', 'Aria hidden'])
      expect(after.html).not.toContain(gone);
    for (const kept of ['Shown by style', 'Shown to readers', 'Fallback maths']) expect(after.html).toContain(kept);
    expect(after).toEqual({ ...parsed(html, false), replaced: true });
  });
});
