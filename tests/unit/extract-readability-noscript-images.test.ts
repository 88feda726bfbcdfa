// Readability's noscript-image step replaced by a lighter one (readability-noscript-images.ts) must leave Readability's
// output as it was: same page after the step, same article and byline on every vendored page of Readability's own test
// suite.
import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { withLighterNoscriptImages } from '../../extension/clip/extract/readability-noscript-images';
import { itOnEveryVendoredPage, onParsedPage, readabilityArticle } from '../support/vendored-readability';

type Internals = {
  _unwrapNoscriptImages(doc: Document): void;
  _isSingleImage(node: Element): boolean;
};

function reader(doc: Document, lighter: boolean) {
  const instance = new Readability<Element>(doc, { serializer: (node) => node as Element });
  const internals = instance as unknown as Internals;
  const before = [internals._unwrapNoscriptImages, internals._isSingleImage];
  if (lighter) withLighterNoscriptImages(instance);
  const replaced = internals._unwrapNoscriptImages !== before[0] && internals._isSingleImage !== before[1];
  return { instance, internals, replaced };
}

/** The page's HTML after the noscript-image step alone. */
function afterStep(html: string, lighter: boolean) {
  return onParsedPage(html, (document) => {
    const { internals, replaced } = reader(document, lighter);
    internals._unwrapNoscriptImages(document);
    return { html: document.documentElement.outerHTML, replaced };
  });
}

/** Readability's article and byline for a page. */
function parsed(html: string, lighter: boolean) {
  return readabilityArticle(html, {
    prepare: lighter ? withLighterNoscriptImages : undefined,
    replaces: ['_unwrapNoscriptImages', '_isSingleImage'],
  });
}

describe('Readability with the lighter noscript-image step', () => {
  it('applies to the installed Readability.js', () => {
    expect(afterStep('<html><body><p>Text</p></body></html>', true).replaced).toBe(true);
    expect(afterStep('<html><body><p>Text</p></body></html>', false).replaced).toBe(false);
  });

  itOnEveryVendoredPage('leaves vendored page %s as the library does, step and article', (html) => {
    expect(afterStep(html, true)).toEqual({ ...afterStep(html, false), replaced: true });
    expect(parsed(html, true)).toEqual({ ...parsed(html, false), replaced: true });
  });

  it('puts the noscript image in place of its placeholder, keeping the old addresses, and drops bare placeholders', () => {
    const html =
      '<html><body><article>' +
      '<img class="bare"><img data-lazy="x.gif" alt="no file">' +
      '<img src="placeholder.gif" data-src="big.jpg"><noscript><img src="big.jpg" alt="Big"></noscript>' +
      '<div><span><img src="tiny.png"></span></div><noscript> <img src="real.png" srcset="real2.png 2x"> </noscript>' +
      '<div><img src="a.png"><p>caption</p></div><noscript><img src="kept-apart.png"></noscript>' +
      '<p>Text <noscript><img src="inline.png"></noscript></p>' +
      '<noscript><p>Not an image, words</p></noscript>' +
      '</article></body></html>';
    const after = afterStep(html, true);
    expect(after).toEqual({ ...afterStep(html, false), replaced: true });
    expect(after.html).not.toContain('bare');
    expect(after.html).not.toContain('no file');
    expect(after.html).toContain('<img src="big.jpg" alt="Big" data-old-src="placeholder.gif" data-src="big.jpg">');
    expect(after.html).toContain('<img src="real.png" srcset="real2.png 2x" data-old-src="tiny.png">');
    expect(after.html).toContain('a.png');
  });

  it('tells a single image from an element with text or several children', () => {
    onParsedPage(
      '<html><body><div id="one"><span> <img></span></div><div id="text"><span>x<img></span></div>' +
        '<div id="two"><img><img></div><img id="img"><div id="none"><span></span></div></body></html>',
      (document) => {
        const stock = reader(document, false).internals;
        const lighter = reader(document, true).internals;
        for (const id of ['one', 'text', 'two', 'img', 'none']) {
          const element = document.getElementById(id) as Element;
          expect(lighter._isSingleImage(element)).toBe(stock._isSingleImage(element));
        }
        expect(lighter._isSingleImage(document.getElementById('one') as Element)).toBe(true);
        expect(lighter._isSingleImage(document.getElementById('text') as Element)).toBe(false);
      },
    );
  });
});
