// Extracts a page's bibliographic metadata (title, author, date, licence, images…) from JSON-LD, meta tags and markup.

import { bylineNames } from '../../../shared/references/byline-names';
import { decodeHtmlEntities } from './html-entities';
import { readJsonLd } from './json-ld';
import { chooseLeadImage } from './lead-image';
import { readMetaTags } from './meta-tags';
import { type PageMetadata, pageMetadataSchema } from './metadata-schema';
import { cleanDocumentTitle, normaliseSpace } from './page-title';
import { publishedTime } from './published-time';

/** The URL relative links resolve against: `<base href>` if present, else the page URL. */
export function baseUrlOf(doc: Document, pageUrl: string): string {
  const baseHref = doc.querySelector('base[href]')?.getAttribute('href');
  if (baseHref) {
    try {
      return new URL(baseHref, pageUrl).href;
    } catch {
      // an unparsable <base> is ignored, as browsers do
    }
  }
  return pageUrl;
}

/** An absolute http(s) URL, or null when the value is empty or not a web address. */
export function absoluteUrl(value: string | null | undefined, base: string): string | null {
  if (!value?.trim()) return null;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function text(value: string | null | undefined): string | null {
  const cleaned = value ? normaliseSpace(decodeHtmlEntities(value)) : '';
  return cleaned || null;
}

function looksLikeUrl(value: string): boolean {
  return /^(https?:)?\/\//i.test(value);
}

/** A byline without its "By" (in the languages the corpus shows) and without trailing dates or dashes. */
function cleanByline(value: string | null): string | null {
  const cleaned = value
    ?.replace(/^\s*(by|von|par|por|door|oleh|di)\s*:?\s+/i, '')
    .replace(/[\s—–-]+$/, '')
    .trim();
  return cleaned && !looksLikeUrl(cleaned) ? bylineNames(cleaned) : null;
}

/** Of JSON-LD `headline` and `name`, the one closer to the document title. */
function jsonLdTitle(headline: string | null, name: string | null, documentTitle: string): string | null {
  if (!headline || !name || headline === name) return headline ?? name;
  const lowerTitle = documentTitle.toLowerCase();
  if (lowerTitle.includes(name.toLowerCase()) && !lowerTitle.includes(headline.toLowerCase())) return name;
  return headline;
}

/** A title without the site's name tacked on ("Rivers of Java - Field Notes" → "Rivers of Java"). */
function withoutSiteName(title: string | null, siteName: string | null): string | null {
  if (!title || !siteName) return title;
  const escaped = siteName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const stripped = title.replace(
    new RegExp(`\\s+[|\\-–—:·•»]\\s+${escaped}$|^${escaped}\\s+[|\\-–—:·•»]\\s+`, 'i'),
    '',
  );
  return stripped.trim() || title;
}

/** The author as written in the page body (rel=author, itemprop=author, .byline), if short enough to be a name. */
function bylineInMarkup(doc: Document): string | null {
  const candidates = doc.querySelectorAll(
    '[itemprop~="author"] [itemprop~="name"], [itemprop~="author"], [rel~="author"], .byline, .author, .article-author',
  );
  for (const element of candidates) {
    const value = text(element.getAttribute('content') ?? element.textContent);
    if (value && value.length < 100) return value;
  }
  return null;
}

function firstTimeElement(doc: Document): string | null {
  const time = doc.querySelector('article time[datetime], time[pubdate][datetime], time[itemprop~="datePublished"]');
  return text(time?.getAttribute('datetime'));
}

function licenceInMarkup(doc: Document, base: string): string | null {
  const link = doc.querySelector('link[rel~="license" i][href], a[rel~="license" i][href]');
  if (!link) return null;
  return absoluteUrl(link.getAttribute('href'), base) ?? text(link.textContent);
}

function langOf(doc: Document, fromMeta: string | null, fromJsonLd: string | null): string | null {
  const declared = doc.documentElement.getAttribute('lang') ?? doc.documentElement.getAttribute('xml:lang');
  return text(declared) ?? text(fromMeta) ?? text(fromJsonLd);
}

export function extractMetadata(doc: Document, pageUrl: string): PageMetadata {
  const base = baseUrlOf(doc, pageUrl);
  const meta = readMetaTags(doc);
  const jsonLd = readJsonLd(doc);
  const resolve = (value: string | null | undefined) => absoluteUrl(value, base);

  const metaAuthor = meta.first('dc:creator', 'dcterm:creator', 'author', 'parsely-author', 'sailthru:author');
  const articleAuthor = meta.first('article:author');
  // The first source that names someone: a meta tag holding only a date falls through to the next.
  const byline =
    cleanByline(text(jsonLd.authors.join(', '))) ??
    cleanByline(text(metaAuthor)) ??
    cleanByline(articleAuthor && !looksLikeUrl(articleAuthor) ? text(articleAuthor) : null) ??
    cleanByline(bylineInMarkup(doc));

  const metaLicence = meta.first('dcterms:license', 'dc:rights', 'dcterms:rights', 'dc:license', 'license');
  const licence =
    licenceInMarkup(doc, base) ??
    (metaLicence && looksLikeUrl(metaLicence) ? resolve(metaLicence) : text(metaLicence)) ??
    (jsonLd.licence && looksLikeUrl(jsonLd.licence) ? resolve(jsonLd.licence) : text(jsonLd.licence));

  const favicon =
    resolve(doc.querySelector('link[rel~="icon" i][href]')?.getAttribute('href')) ??
    resolve(doc.querySelector('link[rel~="apple-touch-icon" i][href]')?.getAttribute('href')) ??
    resolve('/favicon.ico');

  const siteName = text(meta.first('og:site_name')) ?? text(jsonLd.publisher) ?? text(meta.first('application-name'));
  const result: PageMetadata = {
    title: withoutSiteName(
      text(jsonLd.name || jsonLd.headline ? jsonLdTitle(jsonLd.headline, jsonLd.name, doc.title) : null) ??
        text(
          meta.first(
            'dc:title',
            'dcterm:title',
            'og:title',
            'weibo:article:title',
            'parsely-title',
            'title',
            'twitter:title',
          ),
        ) ??
        cleanDocumentTitle(doc),
      siteName,
    ),
    byline,
    publishedTime: publishedTime([
      text(jsonLd.datePublished),
      text(
        meta.first(
          'article:published_time',
          'parsely-pub-date',
          'datepublished',
          'dc:date',
          'dcterms:created',
          'date',
          'pubdate',
          'sailthru:date',
        ),
      ),
      firstTimeElement(doc),
    ]),
    siteName,
    lang: langOf(doc, meta.first('content-language', 'og:locale')?.replace('_', '-') ?? null, jsonLd.inLanguage),
    canonicalUrl:
      resolve(doc.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href')) ??
      resolve(meta.first('og:url')) ??
      resolve(jsonLd.url),
    licence,
    excerpt: text(
      jsonLd.description ??
        meta.first('dc:description', 'dcterm:description', 'og:description', 'description', 'twitter:description'),
    ),
    favicon,
    leadImage: chooseLeadImage(
      doc,
      [
        resolve(meta.first('og:image', 'og:image:url', 'og:image:secure_url')),
        resolve(meta.first('twitter:image', 'twitter:image:src')),
        resolve(jsonLd.image),
        resolve(doc.querySelector('link[rel~="image_src" i][href]')?.getAttribute('href')),
      ],
      resolve,
      pageUrl,
    ),
  };
  return pageMetadataSchema.parse(result);
}
