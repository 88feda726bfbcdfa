// Counts each element's non-space characters in one pass, so clean-up can skip long blocks without reading their
// text: an element with more non-space characters than a limit has at least that much text once collapsed.

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

function count(node: Node, sizes: Map<Element, number>): number {
  let size = 0;
  // Sibling links rather than `childNodes`: jsdom builds a NodeList object for every element asked.
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE) {
      const value = child.nodeValue ?? '';
      for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 32) size++;
    } else if (child.nodeType === ELEMENT_NODE) {
      size += count(child, sizes);
    }
  }
  if (node.nodeType === ELEMENT_NODE) sizes.set(node as Element, size);
  return size;
}

/** Non-space characters of every element under `root` (and of `root`). */
export function textSizes(root: Element): Map<Element, number> {
  const sizes = new Map<Element, number>();
  count(root, sizes);
  return sizes;
}
