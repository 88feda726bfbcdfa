// Readability.js 0.6.0's conditional clean-up (`_cleanConditionally`, run on every form, fieldset, table, list and div
// of the article) weighs each element with more than its answer needs: it reads the element's whole text three to
// five times (`textContent`), counts four tag names with a walk each, measures link, heading and text density, and
// only then asks whether any of eight checks failed. The link density it and the grab ask for reads the element's
// text even when it holds no link. On our instance: the element's text read once; every check asked in turn, stopping
// at the first that fails, each measure taken when a check first needs it (all are read-only, so the answer is the
// same whatever their order); the text density's "is it zero" answered by looking for the first listed element with
// text; a link density without links is 0 without reading the text. Same elements removed, so the same article; an
// instance of a version without these methods is left as it is.
import type { Readability } from '@mozilla/readability';
import { arrayOf } from './elements-under';
import { hasText } from './readability-cheaper-tests';

/** The part of Readability's internals this uses (as in 0.6.0). */
interface CleanInternals {
  _cleanConditionally?: unknown;
  _getLinkDensity?: unknown;
  _flagIsActive?: unknown;
  FLAG_CLEAN_CONDITIONALLY?: unknown;
  _removeNodes?: unknown;
  _getAllNodesWithTag?: unknown;
  _getInnerText?: unknown;
  _hasAncestorTag?: unknown;
  _getClassWeight?: unknown;
  _getTextDensity?: unknown;
  _allowedVideoRegex?: unknown;
  _linkDensityModifier?: unknown;
  DIV_TO_P_ELEMS?: unknown;
  REGEXPS?: { adWords?: unknown; loadingWords?: unknown; hashUrl?: unknown };
  log?: unknown;
}

/** The same internals, known to be there (checked by `withLighterCleaning`). */
interface Internals {
  _flagIsActive(flag: number): boolean;
  FLAG_CLEAN_CONDITIONALLY: number;
  _removeNodes(nodes: ArrayLike<Element>, keep: (this: Internals, node: Element) => boolean): void;
  _getAllNodesWithTag(node: Element, tagNames: string[]): ArrayLike<Element>;
  _getInnerText(element: Element, normalizeSpaces?: boolean): string;
  _hasAncestorTag(
    node: Element,
    tagName: string,
    maxDepth?: number,
    filter?: (element: Element & DataTable) => unknown,
  ): boolean;
  _getClassWeight(element: Element): number;
  _getTextDensity(element: Element, tags: string[]): number;
  _getLinkDensity(element: Element): number;
  _allowedVideoRegex: RegExp;
  _linkDensityModifier: number;
  DIV_TO_P_ELEMS: Set<string>;
  REGEXPS: { adWords: RegExp; loadingWords: RegExp; hashUrl: RegExp };
  log(...args: unknown[]): void;
}

interface DataTable {
  _readabilityDataTable?: boolean;
}

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/** A value measured when first asked for. */
function once<T>(measure: () => T): () => T {
  let value: T | undefined;
  let measured = false;
  return () => {
    if (!measured) {
      value = measure();
      measured = true;
    }
    return value as T;
  };
}

/** 0.6.0's link density; an element without links has none, whatever its text. */
function lighterLinkDensity(this: Internals, element: Element): number {
  const links = element.getElementsByTagName('a');
  if (links.length === 0) return 0;
  const textLength = this._getInnerText(element).length;
  if (textLength === 0) return 0;
  let linkLength = 0;
  for (const link of arrayOf(links)) {
    const href = link.getAttribute('href');
    const coefficient = href && this.REGEXPS.hashUrl.test(href) ? 0.3 : 1;
    linkLength += this._getInnerText(link).length * coefficient;
  }
  return linkLength / textLength;
}

/**
 * Whether 0.6.0's `_getTextDensity(node, tags)` is 0 for a node whose text is not empty: no listed element under it
 * has text (the sum of their text lengths is 0). Stops at the first listed element with text.
 */
function noListedText(self: Internals, node: Element, tags: string[]): boolean {
  for (const name of new Set(tags)) {
    for (const child of arrayOf(self._getAllNodesWithTag(node, [name]))) if (hasText(child)) return false;
  }
  return true;
}

/** Whether 0.6.0 removes `node` in `_cleanConditionally(e, tag)`: its checks, measures taken when first needed. */
function shouldRemove(self: Internals, node: Element, tag: string): boolean {
  const isDataTable = (table: DataTable) => table._readabilityDataTable;
  if (tag === 'table' && isDataTable(node as DataTable)) return false;
  if (self._hasAncestorTag(node, 'table', -1, isDataTable)) return false;
  if (self._hasAncestorTag(node, 'code')) return false;
  if (arrayOf(node.getElementsByTagName('table')).some((table) => (table as DataTable)._readabilityDataTable)) {
    return false;
  }
  const weight = self._getClassWeight(node);
  self.log('Cleaning Conditionally', node);
  if (weight < 0) return true;
  // 0.6.0 reads this text up to five times (`_getInnerText(node)`, spaces normalised), for the comma count too.
  const innerText = self._getInnerText(node);
  if (innerText.split(',').length - 1 >= 10) return false;

  const p = node.getElementsByTagName('p').length;
  const img = node.getElementsByTagName('img').length;
  let embedCount = 0;
  for (const embed of arrayOf(self._getAllNodesWithTag(node, ['object', 'embed', 'iframe']))) {
    // An embed whose attribute names a known video host is kept, and so is what holds it.
    const { attributes } = embed;
    for (let index = 0; index < attributes.length; index++) {
      if (self._allowedVideoRegex.test(attributes[index]?.value ?? '')) return false;
    }
    // (0.6.0 compares the tag name with "object" in lower case: never true for an HTML element; kept as it is.)
    if (embed.tagName === 'object' && self._allowedVideoRegex.test(embed.innerHTML)) return false;
    embedCount++;
  }
  if (self.REGEXPS.adWords.test(innerText) || self.REGEXPS.loadingWords.test(innerText)) return true;

  const contentLength = innerText.length;
  const isList = once(() => {
    if (tag === 'ul' || tag === 'ol') return true;
    // A sum of whole numbers: the same whichever list comes first.
    let listLength = 0;
    for (const name of ['ul', 'ol']) {
      for (const list of arrayOf(self._getAllNodesWithTag(node, [name]))) {
        listLength += self._getInnerText(list).length;
      }
    }
    return listLength / contentLength > 0.9;
  });
  const isFigureChild = once(() => self._hasAncestorTag(node, 'figure'));
  const linkDensity = once(() => self._getLinkDensity(node));
  const li = () => node.getElementsByTagName('li').length - 100;
  const input = () => node.getElementsByTagName('input').length;
  const headingDensity = () => self._getTextDensity(node, HEADINGS);
  const textDensityIsZero = () =>
    contentLength === 0 || noListedText(self, node, ['SPAN', 'LI', 'TD', ...self.DIV_TO_P_ELEMS]);
  // 0.6.0's eight checks, any of which failing removes the node; cheapest first.
  const checks = [
    () => (embedCount === 1 && contentLength < 75) || embedCount > 1,
    () => img > 1 && p / img < 0.5 && !isFigureChild(),
    () => input() > Math.floor(p / 3),
    () => !isList() && li() > p,
    () => weight >= 25 && linkDensity() > 0.5 + self._linkDensityModifier,
    () => weight < 25 && !isList() && linkDensity() > 0.2 + self._linkDensityModifier,
    () =>
      contentLength < 25 &&
      (img === 0 || img > 2) &&
      !isList() &&
      !isFigureChild() &&
      linkDensity() > 0 &&
      headingDensity() < 0.9,
    () => img === 0 && textDensityIsZero(),
  ];
  const haveToRemove = checks.some((check) => check());
  if (haveToRemove) self.log('Checks failed', node);
  // Simple lists of images stay: every item holds one element at most, and there are as many images as items.
  if (haveToRemove && isList()) {
    for (const child of arrayOf(node.children)) if (child.children.length > 1) return true;
    if (img === node.getElementsByTagName('li').length) return false;
  }
  return haveToRemove;
}

/** 0.6.0's `_cleanConditionally`, each element weighed by `shouldRemove`. */
function lighterCleanConditionally(this: Internals, e: Element, tag: string): void {
  if (!this._flagIsActive(this.FLAG_CLEAN_CONDITIONALLY)) return;
  this._removeNodes(this._getAllNodesWithTag(e, [tag]), (node) => shouldRemove(this, node, tag));
}

const METHODS = [
  '_flagIsActive',
  '_removeNodes',
  '_getAllNodesWithTag',
  '_getInnerText',
  '_hasAncestorTag',
  '_getClassWeight',
  '_getTextDensity',
  'log',
] as const;

/** Gives this Readability instance the lighter conditional clean-up and link density where its own are 0.6.0's. */
export function withLighterCleaning(reader: Readability<Element>): void {
  const internals = reader as unknown as CleanInternals;
  const regexps = internals.REGEXPS;
  if (typeof internals._getLinkDensity === 'function' && typeof internals._getInnerText === 'function') {
    if (regexps?.hashUrl instanceof RegExp && !regexps.hashUrl.global) internals._getLinkDensity = lighterLinkDensity;
  }
  if (
    typeof internals._cleanConditionally === 'function' &&
    typeof internals._getLinkDensity === 'function' &&
    METHODS.every((name) => typeof internals[name] === 'function') &&
    typeof internals.FLAG_CLEAN_CONDITIONALLY === 'number' &&
    internals._allowedVideoRegex instanceof RegExp &&
    typeof internals._linkDensityModifier === 'number' &&
    internals.DIV_TO_P_ELEMS instanceof Set &&
    [regexps?.adWords, regexps?.loadingWords].every((regexp) => regexp instanceof RegExp && !regexp.global)
  ) {
    internals._cleanConditionally = lighterCleanConditionally;
  }
}
