// Removes page furniture (share bars, related links, newsletters, comments, ads) before and after extraction.

const FURNITURE_TOKEN =
  /(^|[-_\s])(share|sharing|sharebar|social|related|recommended|recommendations|newsletter|subscribe|signup|comments?|disqus|outbrain|taboola|promo|sponsored|advert|advertisement|ads?|ad-slot|breadcrumbs?|paywall|cookie|consent|trending|most-popular|more-stories|read-more|readmore|print-only|screen-reader-text|sr-only|visually-hidden)([-_\s]|$)/i;
const KEEP_TAGS = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE']);

/** Short blocks whose whole text is furniture. */
const FURNITURE_TEXT =
  /^(advertisement|advertisment|sponsored( content)?|share( this)?( article| story| post| page)?( on [\w ]+)?|share|tweet|email|print|related( articles| stories| posts| content| reading)?|read more|read next|recommended( for you)?|you (may|might) also like|more (stories|from [^.]{1,40})|comments?|leave a (comment|reply)|(sign up|subscribe)( (to|for) [^.]{0,60})?|follow us( on [\w ]+)?|tags?:?|skip to( main)? content|click to (share|email|print)[^.]*|image:?|photo:?|video:?)$/i;
/** Headings that introduce a trailing list of links rather than article text. */
const TRAILER_HEADING =
  /^(related|related (articles|stories|posts|content|reading|links)|read (more|next)|more (stories|on this|from [^.]{1,40})|recommended( for you| reading)?|you (may|might) also (like|enjoy)|popular|trending|most (read|popular)|comments?|\d+ comments?|leave a (comment|reply)|share( this)?( article| story| post)?)[:.]?$/i;

function normalised(text: string | null): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function linkTextShare(element: Element): number {
  const total = normalised(element.textContent).length;
  if (total === 0) return 0;
  let linked = 0;
  for (const link of element.querySelectorAll('a')) linked += normalised(link.textContent).length;
  return linked / total;
}

/**
 * Drops elements whose class or id names them as furniture, unless they hold a large share of the page's
 * text (a wrapper called "post-share-container" around the whole article must survive).
 */
export function removeFurnitureByName(root: Element): void {
  const pageLength = normalised(root.textContent).length;
  for (const element of [...root.querySelectorAll('[class], [id]')]) {
    if (!root.contains(element) || KEEP_TAGS.has(element.tagName.toUpperCase())) continue;
    // Syntax highlighters mark code comments with class "comment".
    if (element.closest('pre, code')) continue;
    const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
    if (!FURNITURE_TOKEN.test(names)) continue;
    const length = normalised(element.textContent).length;
    if (length > 0.2 * pageLength && length > 200) continue;
    if (element.querySelector('p') && linkTextShare(element) < 0.4 && length > 400) continue;
    element.remove();
  }
}

/** Drops short furniture lines and, at the end of the article, a "Related"/"Comments" heading with what follows. */
export function removeFurnitureByText(root: Element): void {
  const rootLength = normalised(root.textContent).length;
  for (const heading of [...root.querySelectorAll('h2, h3, h4, h5, h6, strong')]) {
    if (!root.contains(heading) || !TRAILER_HEADING.test(normalised(heading.textContent))) continue;
    const block = heading.tagName.toUpperCase() === 'STRONG' ? (heading.closest('p') ?? heading) : heading;
    const trailing: Element[] = [];
    for (let next = block.nextElementSibling; next; next = next.nextElementSibling) trailing.push(next);
    const trailingText = trailing.map((element) => normalised(element.textContent)).join(' ');
    // Only a tail: what follows must be a small part of the article and mostly links.
    if (trailingText.length > 0.3 * rootLength) continue;
    const linkShare = trailing.length ? trailing.reduce((sum, el) => sum + linkTextShare(el), 0) / trailing.length : 1;
    if (linkShare < 0.5) continue;
    for (const element of trailing) element.remove();
    block.remove();
  }
  for (const element of [...root.querySelectorAll('p, div, span, li, h2, h3, h4, h5, h6, figcaption, a')]) {
    if (!root.contains(element) || element.closest('pre, code')) continue;
    const text = normalised(element.textContent);
    if (text.length > 0 && text.length < 60 && FURNITURE_TEXT.test(text)) element.remove();
  }
}

const BYLINE_LINE = /^(by|oleh|von|par|por|door|di)\s+\p{Lu}/u;
const DATE_LINE =
  /^((updated|published|posted|last updated|diperbarui)\s*:?\s*)?(\w+\.? \d{1,2},? \d{4}|\d{1,2}\.? \w+\.? \d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{2,4})\b/i;
/** How many blocks at the top of an article are checked for a byline or date line. */
const LEADING_BLOCKS = 4;

/** Drops a "By Jane Doe" or date line from the first few blocks: metadata carries them, the article text should not. */
export function removeLeadingByline(root: Element): void {
  const blocks = [...root.querySelectorAll('p, div, span, address, time, h4, h5, h6')].filter(
    (element) => normalised(element.textContent).length > 0 && !element.querySelector('p, div, span, address, time'),
  );
  for (const block of blocks.slice(0, LEADING_BLOCKS)) {
    const text = normalised(block.textContent);
    if (text.length < 80 && (BYLINE_LINE.test(text) || DATE_LINE.test(text))) block.remove();
  }
}
