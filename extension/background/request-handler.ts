/**
 * What the background does for each request from its pages (and the context menu): clip from a
 * tab, report or retry the outbox, settle a held clip. Requests arrive validated (./request-listener.ts).
 */
import { browser } from 'wxt/browser';
import type { Translate } from '../../shared/i18n';
import type { BackgroundReply, BackgroundRequest } from '../../shared/protocol/extension-messages';
import type { ClipPreferences } from '../clip/clip-preferences';
import { MAX_CLIPPED_DOWNLOAD_BYTES } from '../clip/stored-image';
import { normalizeServerUrl } from '../outbox/outbox';
import { outboxStateOf } from '../outbox/outbox-state';
import { browserPictureCanvas } from '../pictures/browser-canvas';
import { downscalePicture } from '../pictures/downscale-picture';
import type { AppSettingsStore } from '../settings/app-settings';
import { clipPage } from './clip-article';
import { clipMedia } from './clip-media';
import { type ClipSelectionDeps, clipSelection } from './clip-selection';
import { convertInOffscreen, extractArticleInOffscreen } from './offscreen-converter';
import type { OutboxService } from './outbox-service';
import { describeMediaInTab, fetchImagesInTab, readPageSelection, readWholePage } from './page-reader';
import type { RequestHandler } from './request-listener';
import { decideSource, discardClip } from './source-decision';
import { fetchImageDirect, storeImages } from './store-images';

export interface RequestHandlerDeps {
  settings: AppSettingsStore;
  preferences: ClipPreferences;
  service: OutboxService;
  translator: () => Promise<Translate>;
}

export function createRequestHandler(deps: RequestHandlerDeps): RequestHandler {
  const { settings, service, translator } = deps;
  const clipDeps: ClipSelectionDeps = {
    settings,
    preferences: deps.preferences,
    readPage: (tabId, frameId) => readPageSelection(browser.tabs, browser.scripting, tabId, frameId),
    convertHtml: convertInOffscreen,
    storeImages: async (content, tabId, frameId) => {
      const t = await translator();
      return storeImages(content, {
        fetchInPage: (urls) => fetchImagesInTab(browser.scripting, tabId, frameId, urls),
        fetchDirect: (url) => fetchImageDirect(url, MAX_CLIPPED_DOWNLOAD_BYTES),
        downscale: (bytes) => downscalePicture(bytes, browserPictureCanvas()),
        placeholderText: (alt) => ({
          notice: alt ? t('clip.image.notStoredNamed', { alt }) : t('clip.image.notStored'),
          linkText: t('clip.image.sourceLink'),
        }),
      });
    },
    outbox: service.outbox,
    delivery: service.delivery,
  };

  return async (request: BackgroundRequest): Promise<BackgroundReply<BackgroundRequest['type']>> => {
    switch (request.type) {
      case 'clip-selection':
        return clipSelection(request, clipDeps);
      case 'clip-article':
      case 'clip-bookmark':
        return clipPage(request, {
          ...clipDeps,
          readWholePage: (tabId) => readWholePage(browser.tabs, browser.scripting, tabId),
          extractArticle: extractArticleInOffscreen,
        });
      case 'clip-media':
        return clipMedia(request, {
          ...clipDeps,
          describeMedia: (tabId, frameId, media, url) =>
            describeMediaInTab(browser.scripting, tabId, frameId, media, url),
          translator,
        });
      case 'outbox-status': {
        const { pending, problem } = await outboxStateOf(await service.outbox());
        return { ok: true, pending, problem };
      }
      case 'retry-outbox':
        return { ok: true, ...(await service.retry()) };
      case 'decide-source':
        return decideSource(request, { outbox: service.outbox, delivery: service.delivery, settings });
      case 'discard-clip':
        return discardClip(request.clipId, service.outbox);
      case 'draft-sections': {
        const { serverUrl, token } = await settings.load();
        if (!token) return { ok: false, reason: 'not-signed-in' };
        const address = { serverUrl: normalizeServerUrl(serverUrl), token, draftId: request.draftId };
        return { ok: true, sections: await service.delivery.sections(address) };
      }
    }
  };
}
