// Readability.js 0.6.0 lists elements by tag name with `querySelectorAll`: under jsdom that goes through its selector
// engine (nwsapi), which for one tag name ends in `getElementsByTagName` anyway, and for several walks the tree and
// sorts the result. About a fifth of Readability's time. On our instance each name is asked of `getElementsByTagName`
// directly (the same elements, in document order): when all the elements found have one name, that list is the
// answer; when they have several, the selector engine still puts them in order. The two callers that ask for several
// names while the order cannot matter (a sum of text lengths, a removal of every element listed) ask name by name.
import type { Readability } from '@mozilla/readability';
import { arrayOf } from './elements-under';

/** The part of Readability's internals this uses. */
interface TagListInternals {
  _getAllNodesWithTag?: unknown;
  _getTextDensity?: unknown;
  _removeScripts?: unknown;
  _getInnerText?: unknown;
  _removeNodes?: unknown;
}

type ListByTag = (node: Element | Document, tagNames: string[]) => ArrayLike<Element>;
type InnerText = (element: Element, normalizeSpaces?: boolean) => string;
type RemoveNodes = (nodes: ArrayLike<Element>) => void;

/**
 * A tag name and nothing else (no `*`, no selector syntax): `getElementsByTagName` matches it as the selector engine
 * does, HTML elements whatever the case and foreign (SVG, MathML) ones exactly.
 */
const PLAIN_NAME = /^[a-zA-Z][a-zA-Z0-9]*$/;

function listByTag(original: ListByTag): ListByTag {
  return function (this: unknown, node, tagNames) {
    if (!node.getElementsByTagName || !tagNames.every((name) => PLAIN_NAME.test(name))) {
      return original.call(this, node, tagNames);
    }
    const found = tagNames.map((name) => node.getElementsByTagName(name)).filter((list) => list.length > 0);
    const [only] = found;
    // Elements of several names (or a name asked twice) must be merged in document order.
    if (found.length > 1) return original.call(this, node, tagNames);
    // A copy: Readability removes and renames what it lists, which a live collection would follow.
    return only ? arrayOf(only) : [];
  };
}

/** 0.6.0's text density: the text of the listed descendants over the element's text, the lengths summed by name. */
function textDensityByName(this: TagListInternals, element: Element, tagNames: string[]): number {
  const innerText = this._getInnerText as InnerText;
  const listed = this._getAllNodesWithTag as ListByTag;
  const textLength = innerText.call(this, element, true).length;
  if (textLength === 0) return 0;
  let childrenLength = 0;
  // Lengths are whole numbers: their sum does not depend on the order the elements come in.
  for (const name of new Set(tagNames)) {
    for (const child of arrayOf(listed.call(this, element, [name]))) {
      childrenLength += innerText.call(this, child, true).length;
    }
  }
  return childrenLength / textLength;
}

/** 0.6.0 removes every script and noscript element: the page left is the same whichever goes first. */
function removeScriptsByName(this: TagListInternals, doc: Document): void {
  const listed = this._getAllNodesWithTag as ListByTag;
  const removeNodes = this._removeNodes as RemoveNodes;
  for (const name of ['script', 'noscript']) removeNodes.call(this, listed.call(this, doc, [name]));
}

/** Gives this Readability instance the cheaper element lists where its methods are the ones of 0.6.0. */
export function withTagLists(reader: Readability<Element>): void {
  const internals = reader as unknown as TagListInternals;
  if (typeof internals._getAllNodesWithTag !== 'function') return;
  internals._getAllNodesWithTag = listByTag(internals._getAllNodesWithTag as ListByTag);
  if (typeof internals._getTextDensity === 'function' && typeof internals._getInnerText === 'function') {
    internals._getTextDensity = textDensityByName;
  }
  if (typeof internals._removeScripts === 'function' && typeof internals._removeNodes === 'function') {
    internals._removeScripts = removeScriptsByName;
  }
}
