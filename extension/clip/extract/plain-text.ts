// Turns an element's content into readable plain text: blocks on their own lines, inline runs joined by spaces.

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
  'CAPTION',
]);
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'HEAD']);
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

function collect(node: Node, lines: string[], current: string[]): void {
  // Sibling links rather than `childNodes`: jsdom builds a NodeList object for every element asked.
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE) {
      current.push(child.nodeValue ?? '');
    } else if (child.nodeType === ELEMENT_NODE) {
      const tag = (child as Element).tagName.toUpperCase();
      if (SKIPPED_TAGS.has(tag)) continue;
      const isBlock = BLOCK_TAGS.has(tag);
      if (isBlock) flush(lines, current);
      // Table cells on one row stay on one line, separated by a space.
      if (tag === 'TD' || tag === 'TH') current.push(' ');
      collect(child, lines, current);
      if (isBlock && tag !== 'TD' && tag !== 'TH') flush(lines, current);
    }
  }
}

function flush(lines: string[], current: string[]): void {
  const line = current.join('').replace(/\s+/g, ' ').trim();
  if (line) lines.push(line);
  current.length = 0;
}

/** Plain text of a node, one line per block-level element, whitespace collapsed within lines. */
export function plainTextOf(node: Node): string {
  const lines: string[] = [];
  const current: string[] = [];
  collect(node, lines, current);
  flush(lines, current);
  return lines.join('\n');
}
