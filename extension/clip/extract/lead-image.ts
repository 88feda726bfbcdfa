// Chooses a page's lead image: the article's own — og:image, the JSON-LD image, else the first figure in the
// article — and never one whose address or place names it a logo, an advertisement or a promotion.

/** Words in an image's path that mark it as site furniture rather than the article's picture. */
const PROMOTIONAL_PATH =
  /(^|[/_.\-+])(logo|logos|promo|promos|promotion|promotions|banner|banners|ad|ads|adv|advert|adverts|advertising|sponsor|sponsored|subscribe|subscription|newsletter|placeholder|default|fallback|blank|spacer|pixel|sprite|icon|icons|favicon|avatar|badge|appstore|app-store|googleplay|google-play)(?=[/_.\-+]|\d|$)/i;
/** Class or id names of containers whose images are not the article's. */
const PROMOTIONAL_CONTAINER =
  /(^|[-_\s])(ad|ads|ad-slot|advert|advertisement|banner|promo|promotion|sponsor|sponsored|newsletter|subscribe|logo|header|footer|sidebar|related|teaser|widget)([-_\s]|$)/i;
const BODY_IMAGES = 'article img, main img, [itemprop="articleBody"] img, figure img, img';
/** A banner is wide and low (728×90, 468×60); an icon is small. */
const MIN_SIDE = 100;
const MAX_ASPECT = 4;

function pathOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname);
  } catch {
    return url;
  }
}

export function looksPromotional(url: string): boolean {
  return PROMOTIONAL_PATH.test(pathOf(url));
}

function sizeLooksLikeFurniture(image: Element): boolean {
  const width = Number(image.getAttribute('width'));
  const height = Number(image.getAttribute('height'));
  if (!width || !height) return false;
  return width < MIN_SIDE || height < MIN_SIDE || width / height > MAX_ASPECT;
}

function inPromotionalPlace(image: Element, pageHost: string): boolean {
  for (let element = image.parentElement; element; element = element.parentElement) {
    const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
    if (PROMOTIONAL_CONTAINER.test(names) || /^(header|footer|nav|aside)$/i.test(element.tagName)) return true;
    // An image linking to another site is an advertisement.
    const href = element.tagName.toUpperCase() === 'A' ? element.getAttribute('href') : null;
    if (href && hostOf(href, pageHost) !== pageHost) return true;
  }
  return false;
}

function hostOf(url: string, base: string): string {
  try {
    return new URL(url, `https://${base}/`).host.replace(/^www\./, '');
  } catch {
    return base;
  }
}

/** The first image of the article body that is neither furniture by size nor in a promotional place. */
function firstBodyImage(doc: Document, resolve: (value: string | null) => string | null, pageHost: string) {
  for (const image of doc.querySelectorAll(BODY_IMAGES)) {
    const src = resolve(image.getAttribute('src'));
    if (!src || looksPromotional(src) || sizeLooksLikeFurniture(image) || inPromotionalPlace(image, pageHost)) continue;
    return src;
  }
  return null;
}

/**
 * `named` are the images the page names for sharing, in order of preference (og:image, twitter:image,
 * JSON-LD, image_src), already resolved; the first that is not promotional wins, else the body's first figure.
 */
export function chooseLeadImage(
  doc: Document,
  named: readonly (string | null)[],
  resolve: (value: string | null) => string | null,
  pageUrl: string,
): string | null {
  for (const url of named) if (url && !looksPromotional(url)) return url;
  return firstBodyImage(doc, resolve, hostOf(pageUrl, 'localhost'));
}
