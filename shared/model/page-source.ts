/**
 * A clipped page's source from the metadata its extraction found (shared/protocol/extension-messages.ts).
 * Metadata is page-controlled: each field is trimmed to the source's limits; the caller chooses the link.
 * Used where a whole page is clipped: by the extension's background and by the server for a shared URL.
 */
import type { OffscreenExtractArticleReply } from '../protocol/extension-messages';
import type { ClipSource } from './clip';

export type PageMetadata = Extract<OffscreenExtractArticleReply, { ok: true }>['metadata'];

export function pageSource(metadata: PageMetadata, url: string, capturedAt: string): ClipSource {
  const cut = (value: string | null, max: number) => {
    const cleaned = value?.replace(/\s+/g, ' ').trim().slice(0, max);
    return cleaned ? cleaned : null;
  };
  return {
    title: cut(metadata.title, 1000) ?? url,
    url,
    siteName: cut(metadata.siteName, 300),
    author: cut(metadata.byline, 300),
    publishedAt: cut(metadata.publishedTime, 100),
    licence: cut(metadata.licence, 1000),
    language: cut(metadata.lang, 35),
    description: cut(metadata.excerpt, 2000),
    capturedAt,
  };
}
