// Measures how much of a block's text stands in links: what tells a list of links from prose.
import { elementsByTag } from './elements-under';

const LINKS = new Set(['A']);

const collapse = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/** Characters of link text under `element`, whitespace collapsed per link (a link in a link counts twice, as before). */
export function linkedTextLength(element: Element): number {
  let linked = 0;
  for (const link of elementsByTag(element, LINKS)) linked += collapse(link.textContent).length;
  return linked;
}
