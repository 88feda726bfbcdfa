// Removes page furniture named as such (share bars, related links, newsletters, comments, ads) and trailing link lists.
import type { EditLog } from './edit-log';
import { closestByTag, elementsByTag, elementsUnder, hasElementByTag } from './elements-under';
import { linkedTextLength } from './link-text';

const FURNITURE_TOKEN =
  /(^|[-_\s])(share|sharing|sharebar|social|related|recommended|recommendations|newsletter|subscribe|signup|comments?|disqus|outbrain|taboola|promo|sponsored|advert|advertisement|ads?|ad-slot|breadcrumbs?|paywall|cookie|consent|trending|most-popular|more-stories|read-more|readmore|print-only|screen-reader-text|sr-only|visually-hidden|hovercard|hover-card|tooltip|popover|tippy|slideshow|carousel|author-bio|author-box|about-author|author-info|author-card|bio|credit|credits|photo-credit|image-credit|copyright|breaking|breaking-news|ticker|login|signin|entry-meta|post-meta|article-meta|postmetadata|tags|tag-list|post-tags|categories|rating|pagination|pager)([-_\s]|$)/i;
const KEEP_TAGS = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE']);
const CODE_TAGS = new Set(['PRE', 'CODE']);
const PARAGRAPH = new Set(['P']);
const TRAILER_HEADING_TAGS = new Set(['H2', 'H3', 'H4', 'H5', 'H6', 'STRONG']);
/** Furniture by role or element, whatever its class: pop-up cards and contact blocks (`address`, these roles). */
const FURNITURE_ROLES = new Set(['tooltip', 'dialog', 'alertdialog']);

/** Matched by hand rather than by selector: it runs for every element of the candidate. */
function isFurnitureElement(element: Element): boolean {
  return element.tagName.toUpperCase() === 'ADDRESS' || FURNITURE_ROLES.has(element.getAttribute('role') ?? '');
}

/** Headings that introduce a trailing list of links rather than article text. */
const TRAILER_HEADING =
  /^(related|related (articles|stories|posts|content|reading|links)|read (more|next)|more (stories|on this|from [^.]{1,40})|recommended( for you| reading)?|you (may|might) also (like|enjoy)|popular|trending|most (read|popular)|comments?|\d+ comments?|leave a (comment|reply)|share( this)?( article| story| post)?|weitere (artikel|beiträge|nachrichten)|zum weiterlesen|mehr zum thema|(también )?(te|le) puede interesar|artículos relacionados|à lire aussi|leggi anche|baca juga|artikel terkait|berita terkait|czytaj także)[:.]?$/i;

function normalised(text: string | null): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function linkTextShare(element: Element): number {
  const total = normalised(element.textContent).length;
  if (total === 0) return 0;
  return linkedTextLength(element) / total;
}

/**
 * Drops elements whose class or id names them as furniture, unless they hold a large share of the page's
 * text (a wrapper called "post-share-container" around the whole article must survive).
 */
/** The root's text length, read when first needed: always before the first removal, so it is the length before clean-up. */
function lengthOnDemand(root: Element): () => number {
  let length: number | undefined;
  return () => {
    length ??= normalised(root.textContent).length;
    return length;
  };
}

export function removeFurnitureByName(root: Element, edits: EditLog): void {
  const pageLength = lengthOnDemand(root);
  for (const element of elementsUnder(
    root,
    (element) => element.hasAttribute('class') || element.hasAttribute('id') || isFurnitureElement(element),
  )) {
    const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
    if (!FURNITURE_TOKEN.test(names) && !isFurnitureElement(element)) continue;
    if (!root.contains(element) || KEEP_TAGS.has(element.tagName.toUpperCase())) continue;
    // Syntax highlighters mark code comments with class "comment".
    if (closestByTag(element, CODE_TAGS)) continue;
    const length = normalised(element.textContent).length;
    if (length > 0.2 * pageLength() && length > 200) continue;
    if (hasElementByTag(element, PARAGRAPH) && linkTextShare(element) < 0.4 && length > 400) continue;
    edits.remove(element);
  }
}

/** At the end of the article, drops a "Related"/"Comments" heading with the list of links after it. */
export function removeTrailingLinkLists(root: Element, edits: EditLog): void {
  const rootLength = lengthOnDemand(root);
  for (const heading of elementsByTag(root, TRAILER_HEADING_TAGS)) {
    if (!root.contains(heading) || !TRAILER_HEADING.test(normalised(heading.textContent))) continue;
    const block = heading.tagName.toUpperCase() === 'STRONG' ? (closestByTag(heading, PARAGRAPH) ?? heading) : heading;
    const trailing: Element[] = [];
    for (let next = block.nextElementSibling; next; next = next.nextElementSibling) trailing.push(next);
    const trailingText = trailing.map((element) => normalised(element.textContent)).join(' ');
    // Only a tail: what follows must be a small part of the article and mostly links.
    if (trailingText.length > 0.3 * rootLength()) continue;
    const linkShare = trailing.length ? trailing.reduce((sum, el) => sum + linkTextShare(el), 0) / trailing.length : 1;
    if (linkShare < 0.5) continue;
    for (const element of trailing) edits.remove(element);
    edits.remove(block);
  }
}
