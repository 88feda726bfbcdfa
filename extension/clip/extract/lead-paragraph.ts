// Finds the article's lead (standfirst) when Readability's pick left it out: the page describes itself in its
// meta description, and sites print that description as the lead above the article's container.
import { readMetaTags } from './meta-tags';

const LEAD_BLOCKS = new Set(['P', 'DIV', 'H2', 'H3', 'H4', 'LI', 'SECTION', 'HEADER', 'BLOCKQUOTE', 'SPAN', 'STRONG']);
const OUTSIDE_THE_ARTICLE = new Set(['NAV', 'FOOTER', 'ASIDE', 'FORM', 'A', 'BUTTON', 'SCRIPT', 'STYLE', 'NOSCRIPT']);
/** A description shorter than this is a tagline, not a lead. */
const SHORTEST_LEAD = 60;
/** The words of the description that must stand together in one text of the page. */
const LEAD_START_WORDS = 6;

const collapse = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The page's own description (og:description, description, twitter:description), when it is long enough to be a lead. */
export function pageDescription(doc: Document): string | null {
  // The head comes first in the page, so its og:description is the page's first: the whole page (a walk of every
  // element under jsdom) is read only when the head has none.
  const fromHead = doc.head ? readMetaTags(doc.head).first('og:description') : null;
  const description = fromHead ?? readMetaTags(doc).first('og:description', 'description', 'twitter:description');
  const text = collapse(description);
  return text.length >= SHORTEST_LEAD ? text : null;
}

/** The description's opening words, to look for in the page's text and the pick's. */
export function leadStart(description: string): string {
  return description.split(' ').slice(0, LEAD_START_WORDS).join(' ');
}

/** Where the next match of `start` begins in `text`, at `from` or later, whitespace between its words collapsed; -1 if none. */
function startFinder(start: string): (text: string, from: number) => number {
  const words = start.split(' ');
  const [firstWord] = words;
  const escaped = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(escaped.join('\\s+'), 'y');
  // An empty first word (never that of a collapsed description) stands everywhere: the pattern is tried at every place.
  const first = firstWord ?? '';
  return (text, from) => {
    // (`indexOf` of an empty word past the end answers the end again: the walk stops there.)
    for (let at = text.indexOf(first, from); at >= 0; at = at < text.length ? text.indexOf(first, at + 1) : -1) {
      pattern.lastIndex = at;
      if (pattern.test(text)) return at;
    }
    return -1;
  };
}

const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/** The text after `node` under `root`, in document order (text and CDATA sections, the pieces of `textContent`). */
function nextText(node: Node, root: Node): Node | null {
  let at: Node | null = node;
  for (;;) {
    if (at.firstChild) at = at.firstChild;
    else {
      while (at && at !== root && !at.nextSibling) at = at.parentNode;
      if (!at || at === root) return null;
      at = at.nextSibling;
    }
    if (!at) return null;
    if (at.nodeType === TEXT_NODE || at.nodeType === CDATA_SECTION_NODE) return at;
  }
}

/**
 * The first text node of `body` that holds `start` (whitespace between its words collapsed). The body's text is the
 * texts under it one after the other, so a text that holds the start holds a match of the body's text: only texts
 * where such a match begins are tried, the others are passed over by their length (the pattern's scan of every text
 * that holds the first word, "The" or "La", was most of the lead's time).
 */
function firstTextHolding(body: Element, start: string): Node | null {
  const find = startFinder(start);
  const whole = body.textContent ?? '';
  let match = find(whole, 0);
  let offset = 0;
  for (let node = nextText(body, body); node && match >= 0; node = nextText(node, body)) {
    const value = node.nodeValue ?? '';
    const end = offset + value.length;
    if (match < end) {
      if (node.nodeType === TEXT_NODE && find(value, 0) >= 0) return node;
      // No match inside this text: the next one that begins after it.
      match = find(whole, end);
    }
    offset = end;
  }
  return null;
}

/**
 * The smallest block of `doc`'s body that holds the description's opening words and not much more than the
 * description: the lead as the page prints it. Null when it stands in a link, navigation or footer (a teaser).
 */
export function leadBlock(doc: Document, description: string): Element | null {
  if (!doc.body) return null;
  // A page that does not print the lead is not walked: the body's whole text is read without touching its nodes.
  const node = firstTextHolding(doc.body, leadStart(description));
  if (!node) return null;
  let block: Element | null = node.parentElement;
  while (block && !LEAD_BLOCKS.has(block.tagName.toUpperCase())) block = block.parentElement;
  if (!block || collapse(block.textContent).length > description.length * 1.5 + 100) return null;
  for (let up: Element | null = block; up; up = up.parentElement) {
    if (OUTSIDE_THE_ARTICLE.has(up.tagName.toUpperCase())) return null;
  }
  return block;
}
