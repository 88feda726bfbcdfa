/**
 * Clipping a whole page: read it from the tab, let the offscreen document find its main content
 * (an article clip, Readability / Defuddle, see clip/extract) or make a bookmark card of it, with
 * its metadata, then file it (./file-clip.ts).
 */
import type { ClipSource } from '../../shared/model/clip';
import { type PageMetadata, pageSource } from '../../shared/model/page-source';
import type {
  BackgroundRequest,
  ClipSelectionReply,
  OffscreenExtractArticleReply,
} from '../../shared/protocol/extension-messages';
import { isHttpUrl } from '../clip/page-selection';
import type { AppSettingsStore } from '../settings/app-settings';
import type { ClipSelectionDeps } from './clip-selection';
import { type FileClipDeps, fileClip } from './file-clip';
import type { WholePageResult } from './page-reader';

export type ClipPageRequest = Extract<BackgroundRequest, { type: 'clip-article' | 'clip-bookmark' }>;

export interface ClipArticleDeps extends FileClipDeps {
  settings: AppSettingsStore;
  readWholePage: (tabId: number) => Promise<WholePageResult>;
  extractArticle: (html: string, url: string, mode: 'article' | 'bookmark') => Promise<OffscreenExtractArticleReply>;
  storeImages: ClipSelectionDeps['storeImages'];
  now?: () => Date;
}

export async function clipPage(request: ClipPageRequest, deps: ClipArticleDeps): Promise<ClipSelectionReply> {
  const mode = request.type === 'clip-bookmark' ? 'bookmark' : 'article';
  const settings = await deps.settings.load();
  if (!settings.token) return { ok: false, reason: 'not-signed-in' };
  const page = await deps.readWholePage(request.tabId);
  if (!page.ok) return page;
  const article = await deps.extractArticle(page.html, page.url, mode);
  if (!article.ok) return article;

  const content = (await deps.storeImages(article.content, request.tabId)).content;
  const now = deps.now?.() ?? new Date();
  return fileClip(
    {
      draftId: request.draftId,
      kind: mode,
      source: articleSource(article.metadata, page.url, now),
      content,
      ifSourceExists: request.ifSourceExists,
      underHeading: request.underHeading,
    },
    { serverUrl: settings.serverUrl, token: settings.token },
    now,
    deps,
  );
}

/** Only a web address is the link: the page's canonical one if it gives one. */
function articleSource(metadata: PageMetadata, pageUrl: string, capturedAt: Date): ClipSource {
  const url = metadata.canonicalUrl && isHttpUrl(metadata.canonicalUrl) ? metadata.canonicalUrl : pageUrl;
  return pageSource(metadata, url, capturedAt.toISOString());
}
