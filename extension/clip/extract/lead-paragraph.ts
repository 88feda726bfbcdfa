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

const TEXT_NODE = 3;

/**
 * Whether a text holds `start` once its whitespace is collapsed, without collapsing it (the body's whole text was
 * copied by a regular expression for every page that has a description). The pattern is tried only where the first
 * word stands, as any match begins with it: a scan for a word is far cheaper than the pattern's scan of a long text.
 */
function startMatcher(start: string): (text: string) => boolean {
  const words = start.split(' ');
  const [firstWord] = words;
  const escaped = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(escaped.join('\\s+'), 'y');
  // An empty first word (never that of a collapsed description) stands everywhere: the pattern scans as it is.
  if (!firstWord) return (text) => new RegExp(pattern.source).test(text);
  return (text) => {
    for (let at = text.indexOf(firstWord); at >= 0; at = text.indexOf(firstWord, at + 1)) {
      pattern.lastIndex = at;
      if (pattern.test(text)) return true;
    }
    return false;
  };
}

/** The text node after `node` under `root`, in document order: sibling links, cheaper under jsdom than a TreeWalker. */
function nextTextNode(node: Node, root: Node): Node | null {
  let at: Node | null = node;
  for (;;) {
    if (at.firstChild) at = at.firstChild;
    else {
      while (at && at !== root && !at.nextSibling) at = at.parentNode;
      if (!at || at === root) return null;
      at = at.nextSibling;
    }
    if (!at) return null;
    if (at.nodeType === TEXT_NODE) return at;
  }
}

/**
 * The smallest block of `doc`'s body that holds the description's opening words and not much more than the
 * description: the lead as the page prints it. Null when it stands in a link, navigation or footer (a teaser).
 */
export function leadBlock(doc: Document, description: string): Element | null {
  if (!doc.body) return null;
  const holdsStart = startMatcher(leadStart(description));
  // The body's whole text is read without touching its nodes one by one: a page that does not print the lead is
  // not walked.
  if (!holdsStart(doc.body.textContent ?? '')) return null;
  for (let node = nextTextNode(doc.body, doc.body); node; node = nextTextNode(node, doc.body)) {
    if (!holdsStart(node.nodeValue ?? '')) continue;
    let block: Element | null = node.parentElement;
    while (block && !LEAD_BLOCKS.has(block.tagName.toUpperCase())) block = block.parentElement;
    if (!block || collapse(block.textContent).length > description.length * 1.5 + 100) return null;
    for (let up: Element | null = block; up; up = up.parentElement) {
      if (OUTSIDE_THE_ARTICLE.has(up.tagName.toUpperCase())) return null;
    }
    return block;
  }
  return null;
}
