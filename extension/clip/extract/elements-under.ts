// Lists the elements under a root in document order by walking the tree: under jsdom this is several times faster
// than `querySelectorAll` with a long selector list, which clean-up ran over every candidate.

/** Elements under `root` (not `root` itself), in document order, that `keep` accepts. */
export function elementsUnder(root: Element, keep: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  let node: Element | null = root.firstElementChild;
  while (node) {
    if (keep(node)) found.push(node);
    if (node.firstElementChild) {
      node = node.firstElementChild;
      continue;
    }
    while (node && node !== root && !node.nextElementSibling) node = node.parentElement;
    node = node && node !== root ? node.nextElementSibling : null;
  }
  return found;
}

/** Elements under `root` whose tag name (upper case) is in `tags`. */
export function elementsByTag(root: Element, tags: ReadonlySet<string>): Element[] {
  return elementsUnder(root, (element) => tags.has(element.tagName.toUpperCase()));
}
