// Removes blocks of the chosen article that are furniture by their text (furniture-lines.ts) or by where they stand:
// the page's own address or title, and bylines, dates and "breaking news" bars above the first paragraph.

import { isFigureCredit, stripCaptionCredit } from './caption-credit';
import type { EditLog } from './edit-log';
import { elementsUnder, hasElementByTag, nextUnder } from './elements-under';
import {
  BYLINE_PREFIX,
  collapse,
  isFurnitureInline,
  isFurnitureLine,
  isLeadingFurnitureLine,
  isReadMoreLink,
  isStampLine,
} from './furniture-lines';
import { linkedTextLength } from './link-text';
import { textSizes } from './text-sizes';

const BLOCKS = 'p, div, li, dt, dd, h2, h3, h4, h5, h6, figcaption, address, section, header, footer, td, blockquote';
const INLINES = 'span, a, strong, em, small, time, b, i';
const tagsOf = (selector: string) => new Set(selector.split(', ').map((tag) => tag.toUpperCase()));
const INLINE_TAGS = tagsOf(INLINES);
const BLOCK_TAGS = tagsOf(BLOCKS);
const BLOCK_AND_INLINE_TAGS = new Set([...BLOCK_TAGS, ...INLINE_TAGS]);
const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
const DATE_LINE =
  /^((updated|published|posted|last updated|diperbarui)\s*:?\s*)?(\w+\.? \d{1,2},? \d{4}|\d{1,2}\.? \w+\.? \d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})\b/i;
/** No furniture line is longer than this (furniture-lines.ts): longer blocks are not read. */
const LONGEST_FURNITURE = 400;
/** An excerpt of another post is at most a few sentences: longer blocks are not read as teasers. */
const LONGEST_TEASER = 700;
/** A paragraph of prose: where the article's own text begins. */
const PROSE_LENGTH = 100;

export interface PageIdentity {
  url: string;
  title: string;
}

function linkShare(element: Element, length: number): number {
  return length === 0 ? 0 : linkedTextLength(element) / length;
}

/** A short block that ends in a "Read more" link to another page is a teaser for that page, not the article. */
function isTeaser(element: Element, text: string): boolean {
  // "[…]": the mark blogs put at the end of an excerpt of another post.
  if (/\[(…|\.\.\.)\]$/.test(text)) return true;
  const links = elementsUnder(element, (link) => link.tagName.toUpperCase() === 'A' && link.hasAttribute('href'));
  const last = links.at(-1);
  if (!last || (last.getAttribute('href') ?? '').startsWith('#')) return false;
  const linkText = collapse(last.textContent);
  return text.length > linkText.length && text.endsWith(linkText) && isReadMoreLink(linkText);
}

function isProse(element: Element, text: string): boolean {
  return text.length >= PROSE_LENGTH && /[.!?:;,]/.test(text) && linkShare(element, text.length) < 0.5;
}

/** The page's address as text, with or without scheme and trailing slash. */
function addressForms(url: string): Set<string> {
  const bare = url.replace(/^https?:\/\//i, '').replace(/\/$/, '');
  return new Set([url, bare, `http://${bare}`, `https://${bare}`, `${bare}/`].map((form) => form.toLowerCase()));
}

/** A page title with a site name in it ("Story | Site") is a print header when it stands in the body. */
function isOwnTitle(text: string, title: string): boolean {
  return title.length > 0 && text === title && /\s[|–—:·-]\s/.test(title);
}

/** Strips "By Jane Doe - " from the start of the first paragraph, keeping the rest of it. */
function stripBylinePrefix(paragraph: Element, edits: EditLog): void {
  const walker = paragraph.ownerDocument.createTreeWalker(paragraph, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const value = node.nodeValue ?? '';
    if (value.trim() === '') continue;
    const match = BYLINE_PREFIX.exec(value);
    if (match) edits.setText(node, value.slice(match[0].length));
    return;
  }
}

function removeLeadingFurniture(root: Element, page: PageIdentity, edits: EditLog): void {
  const addresses = addressForms(page.url);
  // Read only up to the first paragraph of prose: leaf blocks, in document order, found one by one so that the
  // rest of the article is never visited.
  const walker = root.ownerDocument.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const block = node as Element;
    if (!BLOCK_TAGS.has(block.tagName.toUpperCase()) || hasElementByTag(block, BLOCK_TAGS)) continue;
    const text = collapse(block.textContent);
    if (text.length === 0) continue;
    if (isProse(block, text)) {
      stripBylinePrefix(block, edits);
      return;
    }
    if (HEADINGS.has(block.tagName.toUpperCase())) continue;
    if (
      isLeadingFurnitureLine(text) ||
      isStampLine(text) ||
      (text.length < 80 && DATE_LINE.test(text)) ||
      addresses.has(text.toLowerCase()) ||
      isOwnTitle(text, page.title)
    ) {
      // Step back first: the walk goes on from the node before the one removed.
      walker.previousNode();
      edits.remove(block);
    }
  }
}

const CODE_TAGS = new Set(['PRE', 'CODE']);
/** A caption is a line or two: longer blocks are not read for a credit at their end. */
const LONGEST_CAPTION = 300;

/** Whether a block is furniture by its text, or by being the page's own address or title. */
function isFurniture(
  element: Element,
  text: string,
  isInline: boolean,
  page: { addresses: Set<string>; title: string },
) {
  if (text.length > LONGEST_FURNITURE) return !isInline && isTeaser(element, text);
  if (isFigureCredit(element, text)) return true;
  return isInline
    ? isFurnitureInline(text)
    : isFurnitureLine(text) ||
        isTeaser(element, text) ||
        (!HEADINGS.has(element.tagName.toUpperCase()) &&
          (page.addresses.has(text.toLowerCase()) || isOwnTitle(text, page.title)));
}

export function removeFurnitureBlocks(root: Element, page: PageIdentity, edits: EditLog): void {
  removeLeadingFurniture(root, page, edits);
  if (CODE_TAGS.has(root.tagName.toUpperCase())) return;
  const identity = { addresses: addressForms(page.url), title: collapse(page.title) };
  const sizes = textSizes(root);
  // Parents before children: a whole notice goes at once, a paragraph with a label inside keeps its text. One walk
  // that steps over what it removes and over code (where a line such as "print" or "share" is code).
  let element = root.firstElementChild;
  while (element) {
    const tag = element.tagName.toUpperCase();
    if (CODE_TAGS.has(tag)) {
      element = nextUnder(element, root, true);
      continue;
    }
    if (BLOCK_AND_INLINE_TAGS.has(tag) && (sizes.get(element) ?? 0) <= LONGEST_TEASER) {
      const text = collapse(element.textContent);
      // A caption that keeps its text loses only the credit at its end; one that was only a credit goes.
      if (
        isFurniture(element, text, INLINE_TAGS.has(tag), identity) ||
        (text.length <= LONGEST_CAPTION && stripCaptionCredit(element, text, edits))
      ) {
        const next = nextUnder(element, root, true);
        edits.remove(element);
        element = next;
        continue;
      }
    }
    element = nextUnder(element, root);
  }
}
