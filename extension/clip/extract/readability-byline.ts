// Readability.js 0.6.0 reads the whole text of every element it walks (`textContent`) while it looks for a byline,
// and only then checks the element's rel, itemprop and class names (mozilla/readability#905 moved the text read
// ahead of them; 0.5 read it only for an element that matched). Under jsdom that is about a tenth of Readability's
// time on a page without an author meta tag. The same test with the cheap checks first gives the same answer for
// every element, so Readability's output is unchanged.
import type { Readability } from '@mozilla/readability';

/** The part of Readability's internals the byline test uses; absent or different in another version. */
interface BylineInternals {
  _isValidByline?: unknown;
  REGEXPS?: { byline?: unknown };
}

/** Readability's longest byline, exclusive (as in 0.6.0). */
const LONGEST_BYLINE = 100;

/** Gives this Readability instance the cheaper byline test; leaves an instance of another version as it is. */
export function withCheapBylineTest(reader: Readability<Element>): void {
  const internals = reader as unknown as BylineInternals;
  const byline = internals.REGEXPS?.byline;
  if (typeof internals._isValidByline !== 'function' || !(byline instanceof RegExp) || byline.global) return;
  internals._isValidByline = (node: Element, matchString: string): boolean => {
    const itemprop = node.getAttribute('itemprop');
    const named = node.getAttribute('rel') === 'author' || !!itemprop?.includes('author') || byline.test(matchString);
    if (!named) return false;
    const length = (node.textContent ?? '').trim().length;
    return length > 0 && length < LONGEST_BYLINE;
  };
}
