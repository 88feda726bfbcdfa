// Three tests Readability.js 0.6.0 runs on every element it walks do more than the answer needs: two read the
// element's whole text (`textContent`, a walk of its subtree), about a seventh of Readability's time under jsdom, and
// the visibility test builds the element's inline style (jsdom parses a CSS declaration for it). Each is replaced on
// our instance by a test that gives the same answer for every element, so Readability's output is unchanged; an
// instance of a version without them is left as it is.
import type { Readability } from '@mozilla/readability';

/** The part of Readability's internals these tests use. */
interface TestInternals {
  _isValidByline?: unknown;
  _isElementWithoutContent?: unknown;
  _isProbablyVisible?: unknown;
  REGEXPS?: { byline?: unknown };
}

/** Readability's longest byline, exclusive (as in 0.6.0). */
const LONGEST_BYLINE = 100;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const ELEMENT_NODE = 1;

/**
 * 0.6.0 reads the element's text before its rel, itemprop and class names (mozilla/readability#905 moved the read
 * ahead of them; 0.5 read it only for an element that matched): the names first, the text only for a match.
 */
function cheapBylineTest(byline: RegExp) {
  return (node: Element, matchString: string): boolean => {
    const itemprop = node.getAttribute('itemprop');
    const named = node.getAttribute('rel') === 'author' || !!itemprop?.includes('author') || byline.test(matchString);
    if (!named) return false;
    const length = (node.textContent ?? '').trim().length;
    return length > 0 && length < LONGEST_BYLINE;
  };
}

/** Whether some text under `node` is more than white space: stops at the first such text, in document order. */
export function hasText(node: Node): boolean {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    const type = child.nodeType;
    if (type === TEXT_NODE || type === CDATA_SECTION_NODE) {
      if ((child.nodeValue ?? '').trim().length > 0) return true;
    } else if (hasText(child)) return true;
  }
  return false;
}

/** 0.6.0 joins the element's whole text to learn whether it has any: stop at the first text that is not white space. */
function cheapEmptyTest(node: Element): boolean {
  if (node.nodeType !== ELEMENT_NODE || hasText(node)) return false;
  const children = node.children.length;
  return children === 0 || children === node.getElementsByTagName('br').length + node.getElementsByTagName('hr').length;
}

type VisibilityTest = (node: Element) => boolean;

/**
 * 0.6.0 reads `style.display` and `style.visibility` first; an element without a style attribute has neither set
 * inline, so it is answered by the rest of 0.6.0's test: not `hidden`, and not `aria-hidden` unless it is a
 * "fallback-image" (Wikimedia's maths).
 */
function cheapVisibilityTest(original: VisibilityTest) {
  return function (this: unknown, node: Element): boolean {
    if (node.hasAttribute('style')) return original.call(this, node);
    if (node.hasAttribute('hidden')) return false;
    if (node.getAttribute('aria-hidden') !== 'true') return true;
    const { className } = node as { className: unknown };
    return typeof className === 'string' && className.includes('fallback-image');
  };
}

/** Gives this Readability instance the cheaper tests where its own are the ones of 0.6.0. */
export function withCheaperTests(reader: Readability<Element>): void {
  const internals = reader as unknown as TestInternals;
  const byline = internals.REGEXPS?.byline;
  if (typeof internals._isValidByline === 'function' && byline instanceof RegExp && !byline.global) {
    internals._isValidByline = cheapBylineTest(byline);
  }
  if (typeof internals._isElementWithoutContent === 'function') internals._isElementWithoutContent = cheapEmptyTest;
  if (typeof internals._isProbablyVisible === 'function') {
    internals._isProbablyVisible = cheapVisibilityTest(internals._isProbablyVisible as VisibilityTest);
  }
}
