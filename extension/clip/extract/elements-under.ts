// Lists the elements under a root in document order by walking the tree: under jsdom this is several times faster
// than `querySelectorAll`/`querySelector`/`closest` with a selector, which clean-up ran for every candidate block.

/** The element after `node` in document order, staying under `root`; `skipChildren` steps over its subtree. */
export function nextUnder(node: Element, root: Element, skipChildren = false): Element | null {
  if (!skipChildren && node.firstElementChild) return node.firstElementChild;
  let at: Element | null = node;
  while (at && at !== root && !at.nextElementSibling) at = at.parentElement;
  return at && at !== root ? at.nextElementSibling : null;
}

/** Elements under `root` (not `root` itself), in document order, that `keep` accepts. */
export function elementsUnder(root: Element, keep: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  for (let node = root.firstElementChild; node; node = nextUnder(node, root)) if (keep(node)) found.push(node);
  return found;
}

/** The first element under `root` (not `root` itself), in document order, that `keep` accepts. */
export function firstElementUnder(root: Element, keep: (element: Element) => boolean): Element | null {
  for (let node = root.firstElementChild; node; node = nextUnder(node, root)) if (keep(node)) return node;
  return null;
}

/** Elements under `root` whose tag name (upper case) is in `tags`. */
export function elementsByTag(root: Element, tags: ReadonlySet<string>): Element[] {
  return elementsUnder(root, (element) => tags.has(element.tagName.toUpperCase()));
}

/** Whether an element under `root` has its tag name (upper case) in `tags`. */
export function hasElementByTag(root: Element, tags: ReadonlySet<string>): boolean {
  return firstElementUnder(root, (element) => tags.has(element.tagName.toUpperCase())) !== null;
}

/** The element itself or its nearest ancestor whose tag name (upper case) is in `tags`, as `closest` would. */
export function closestByTag(element: Element, tags: ReadonlySet<string>): Element | null {
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (tags.has(node.tagName.toUpperCase())) return node;
  }
  return null;
}

/**
 * A copy of a DOM collection as an array, by `slice`: under jsdom, `Array.from`, a spread or `for…of` step an iterator
 * that asks the collection its length again (an update check through jsdom's proxy) for every element, many times
 * slower. The copy also stays as it is when the page changes, where a live collection would follow.
 */
export function arrayOf<T extends Element>(collection: ArrayLike<T>): T[] {
  return Array.prototype.slice.call(collection) as T[];
}
