// Measures how much of a candidate article is prose — text in blocks that are sentences, not link lists — so two
// candidates are compared by what a reader would read, not by their raw length.

import { arrayOf, elementsByTag } from './elements-under';
import { linkedTextLength } from './link-text';

const LEAF_BLOCKS = new Set(
  ['p', 'li', 'dd', 'dt', 'td', 'th', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figcaption', 'div'].map(
    (tag) => tag.toUpperCase(),
  ),
);
/** A block is prose when little of it is links and it has a sentence's worth of words. */
const PROSE_MAX_LINK_SHARE = 0.35;
const PROSE_MIN_WORDS = 8;

const collapse = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The leaf blocks of the candidate that are prose, with their length. */
function proseBlocks(root: Element): { block: Element; length: number }[] {
  const blocks: { block: Element; length: number }[] = [];
  const all = elementsByTag(root, LEAF_BLOCKS);
  for (const [index, block] of all.entries()) {
    // In document order a block's first block descendant comes right after it: a leaf is not followed by one.
    const next = all[index + 1];
    if (next && block.contains(next)) continue;
    const text = collapse(block.textContent);
    if (text.split(' ').length < PROSE_MIN_WORDS) continue;
    if (linkedTextLength(block) / text.length <= PROSE_MAX_LINK_SHARE) blocks.push({ block, length: text.length });
  }
  return blocks;
}

/** Characters of the candidate's text that stand in prose blocks. */
export function proseLength(root: Element): number {
  return proseBlocks(root).reduce((sum, { length }) => sum + length, 0);
}

/** A container holding this share of its parent's prose stands for the parent: the rest is furniture around it. */
const MAIN_PROSE_SHARE = 0.8;

/**
 * The smallest element under `root` that still holds most of its prose: where the page's text is dense, without
 * the menus, teasers and footers around it.
 */
export function mainProseContainer(root: Element): Element {
  const proseIn = new Map<Element, number>();
  for (const { block, length } of proseBlocks(root)) {
    for (let node: Element | null = block; node && node !== root; node = node.parentElement) {
      proseIn.set(node, (proseIn.get(node) ?? 0) + length);
    }
  }
  let container = root;
  let prose = arrayOf(root.children).reduce((sum, child) => sum + (proseIn.get(child) ?? 0), 0);
  for (;;) {
    const inner = arrayOf(container.children).find((child) => (proseIn.get(child) ?? 0) >= MAIN_PROSE_SHARE * prose);
    if (!inner) return container;
    container = inner;
    prose = proseIn.get(inner) ?? 0;
  }
}
