/**
 * Clipping a link, an image or a video: read the page's metadata and the chosen element's details
 * by injected functions, build the card (../clip/media-cards.ts), store images with the draft, then
 * file it like any clip (./file-clip.ts).
 */
import type { Translate } from '../../shared/i18n';
import type { ClipSource } from '../../shared/model/clip';
import type { ClipMediaRequest, ClipSelectionReply } from '../../shared/protocol/extension-messages';
import { imageCardContent, linkCardContent, videoCardContent } from '../clip/media-cards';
import { type MediaDetails, MediaDetailsSchema } from '../clip/media-details';
import { clipSourceOf, isHttpUrl, parsePageSource } from '../clip/page-selection';
import type { AppSettingsStore } from '../settings/app-settings';
import type { ClipSelectionDeps } from './clip-selection';
import { type FileClipDeps, fileClip } from './file-clip';
import type { PageReadResult } from './page-reader';

export interface ClipMediaDeps extends FileClipDeps {
  settings: AppSettingsStore;
  readPage: (tabId: number, frameId?: number) => Promise<PageReadResult>;
  describeMedia: (
    tabId: number,
    frameId: number | undefined,
    media: ClipMediaRequest['media'],
    url: string | null,
  ) => Promise<unknown>;
  storeImages: ClipSelectionDeps['storeImages'];
  translator: () => Promise<Translate>;
  now?: () => Date;
}

type ClipToFileContent = Parameters<typeof fileClip>[0]['content'];

export async function clipMedia(request: ClipMediaRequest, deps: ClipMediaDeps): Promise<ClipSelectionReply> {
  const settings = await deps.settings.load();
  if (!settings.token) return { ok: false, reason: 'not-signed-in' };
  const page = await deps.readPage(request.tabId, request.frameId);
  if (!page.ok) return page;
  const pageSource = parsePageSource(page.raw);
  if (!pageSource.ok) return pageSource;

  let details: MediaDetails;
  try {
    const raw = await deps.describeMedia(request.tabId, request.frameId, request.media, request.url ?? null);
    const parsed = MediaDetailsSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, reason: 'invalid-page-data' };
    details = parsed.data;
  } catch (error) {
    console.warn('clip: could not read the chosen element', error);
    return { ok: false, reason: 'page-not-clippable' };
  }
  // The browser's own report (the context menu) wins over what the page says.
  const url = request.url && isHttpUrl(request.url) ? request.url : details.url;
  if (request.media === 'video' && (!details.found || !details.url)) return { ok: false, reason: 'no-video' };
  if (!url) return { ok: false, reason: request.media === 'video' ? 'no-video' : 'invalid-page-data' };

  const now = deps.now?.() ?? new Date();
  const t = await deps.translator();
  const page0 = clipSourceOf(pageSource.selection, now);
  let source: ClipSource = page0;
  let content: ClipToFileContent;
  if (request.media === 'link') {
    // The clip is about the linked resource; the page it was found on is named in the card.
    source = {
      ...page0,
      title: details.title ?? url,
      url,
      siteName: null,
      author: null,
      publishedAt: null,
      licence: null,
      language: null,
      description: null,
    };
    content = linkCardContent({ ...details, url }, { title: page0.title, url: page0.url }, t('clip.card.foundOn'));
  } else if (request.media === 'image') {
    const described = imageCardContent({ url, alt: details.title, caption: details.caption });
    content = (await deps.storeImages(described, request.tabId, request.frameId)).content;
  } else {
    const videoUrl = details.url ?? url;
    if (details.platform === 'youtube' && videoUrl !== page0.url) {
      // An embedded YouTube video: the video is the source, not the page around it.
      source = {
        ...page0,
        title: details.title ?? videoUrl,
        url: videoUrl,
        siteName: 'YouTube',
        author: null,
        publishedAt: null,
        licence: null,
        language: null,
        description: null,
      };
    }
    content = videoCardContent({ url: videoUrl, title: details.title ?? page0.title, caption: details.caption });
  }

  return fileClip(
    {
      draftId: request.draftId,
      kind: request.media,
      source,
      content,
      ifSourceExists: request.ifSourceExists,
      underHeading: request.underHeading,
    },
    { serverUrl: settings.serverUrl, token: settings.token },
    now,
    deps,
  );
}
