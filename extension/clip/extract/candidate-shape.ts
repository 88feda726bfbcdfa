// Measures how much of a candidate article is prose — text in blocks that are sentences, not link lists — so two
// candidates are compared by what a reader would read, not by their raw length.

const LEAF_BLOCKS = 'p, li, dd, dt, td, th, blockquote, pre, h1, h2, h3, h4, h5, h6, figcaption, div';
/** A block is prose when little of it is links and it has a sentence's worth of words. */
const PROSE_MAX_LINK_SHARE = 0.35;
const PROSE_MIN_WORDS = 8;

const collapse = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/** Characters of the candidate's text that stand in prose blocks. */
export function proseLength(root: Element): number {
  let prose = 0;
  for (const block of root.querySelectorAll(LEAF_BLOCKS)) {
    if (block.querySelector(LEAF_BLOCKS)) continue;
    const text = collapse(block.textContent);
    if (text.split(' ').length < PROSE_MIN_WORDS) continue;
    let linked = 0;
    for (const link of block.querySelectorAll('a')) linked += collapse(link.textContent).length;
    if (linked / text.length <= PROSE_MAX_LINK_SHARE) prose += text.length;
  }
  return prose;
}
