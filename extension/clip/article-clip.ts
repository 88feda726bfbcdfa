/**
 * A whole page → the draft content of its article plus its metadata. Runs where there is a DOM
 * (the offscreen document; Firefox's background page). The page HTML is hostile input: it is
 * parsed inertly (DOMParser runs no script), extracted, then sanitised and parsed by the draft
 * schema like any selection.
 */
import type { OffscreenExtractArticleReply } from '../../shared/protocol/extension-messages';
import { extractArticle, extractMetadata } from './extract';
import { absoluteUrl, baseUrlOf } from './extract/metadata';
import { htmlToClipContent } from './html-to-nodes';

export function articleClipContent(html: string, pageUrl: string, document: Document): OffscreenExtractArticleReply {
  let page: Document;
  try {
    page = new (document.defaultView?.DOMParser ?? DOMParser)().parseFromString(html, 'text/html');
  } catch (error) {
    console.error('clip: could not parse the page', error);
    return { ok: false, reason: 'conversion-failed' };
  }
  resolveLinks(page, baseUrlOf(page, pageUrl));
  const metadata = extractMetadata(page, pageUrl);
  const article = extractArticle(page, pageUrl, {
    onExtractorError: (extractor, error) => console.warn(`clip: ${extractor} failed on this page`, error),
  });
  const converted = htmlToClipContent(article.html, document);
  if (!converted.ok) return converted;
  return {
    ok: true,
    content: converted.content,
    metadata: {
      title: metadata.title,
      byline: metadata.byline,
      siteName: metadata.siteName,
      publishedTime: metadata.publishedTime,
      licence: metadata.licence,
      canonicalUrl: metadata.canonicalUrl,
    },
  };
}

/** Links and images must keep working outside the page; anything that is not http(s) loses its URL. */
function resolveLinks(page: Document, base: string): void {
  for (const element of page.querySelectorAll('[href], [src]')) {
    for (const name of ['href', 'src']) {
      const value = element.getAttribute(name);
      if (value === null) continue;
      const resolved = absoluteUrl(value, base);
      if (resolved) element.setAttribute(name, resolved);
      else element.removeAttribute(name);
    }
    element.removeAttribute('srcset');
  }
}
