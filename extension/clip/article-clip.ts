/**
 * A whole page → the draft content of its article (or of a bookmark card) plus its metadata. Runs where there is a DOM
 * (the offscreen document; Firefox's background page). The page HTML is hostile input: it is
 * parsed inertly (DOMParser runs no script), extracted, then sanitised and parsed by the draft
 * schema like any selection.
 */
import type { OffscreenExtractArticleReply } from '../../shared/protocol/extension-messages';
import { extractArticle, extractMetadata } from './extract';
import { absoluteUrl, baseUrlOf } from './extract/metadata';
import { htmlToClipContent } from './html-to-nodes';

export type PageClipMode = 'article' | 'bookmark';

export function articleClipContent(
  html: string,
  pageUrl: string,
  document: Document,
  mode: PageClipMode = 'article',
): OffscreenExtractArticleReply {
  const parse = () => parsedPage(html, pageUrl, document);
  let page: Document;
  try {
    page = parse();
  } catch (error) {
    console.error('clip: could not parse the page', error);
    return { ok: false, reason: 'conversion-failed' };
  }
  const metadata = extractMetadata(page, pageUrl);
  const clipHtml =
    mode === 'bookmark'
      ? bookmarkHtml(
          metadata.title ?? pageUrl,
          metadata.canonicalUrl ?? pageUrl,
          metadata.excerpt,
          metadata.leadImage,
          document,
        )
      : // The page was parsed here for this clip alone: extraction may take it apart (metadata is read already).
        extractArticle(page, pageUrl, {
          consume: { reread: parse },
          onExtractorError: (extractor, error) => console.warn(`clip: ${extractor} failed on this page`, error),
        }).html;
  const converted = htmlToClipContent(clipHtml, document);
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
      excerpt: metadata.excerpt,
      lang: metadata.lang?.slice(0, 35) ?? null,
      leadImage: metadata.leadImage,
    },
  };
}

/** The page as an inert document (DOMParser runs no script) with its links made absolute. */
function parsedPage(html: string, pageUrl: string, document: Document): Document {
  const page = new (document.defaultView?.DOMParser ?? DOMParser)().parseFromString(html, 'text/html');
  resolveLinks(page, baseUrlOf(page, pageUrl));
  return page;
}

/** Built with DOM methods, so page text can never become markup; then sanitised like any clip. */
function bookmarkHtml(
  title: string,
  url: string,
  excerpt: string | null,
  leadImage: string | null,
  document: Document,
): string {
  const container = document.createElement('div');
  const heading = container.appendChild(document.createElement('p'));
  const link = heading.appendChild(document.createElement('a'));
  link.href = url;
  link.textContent = title;
  // The page's lead image makes the card recognisable; it is stored with the draft like any image.
  if (leadImage) {
    const image = container.appendChild(document.createElement('img'));
    image.src = leadImage;
    image.alt = title;
  }
  if (excerpt) container.appendChild(document.createElement('p')).textContent = excerpt;
  return container.innerHTML;
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
