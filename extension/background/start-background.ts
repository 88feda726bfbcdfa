/**
 * Wires the background: requests from pages, the context menu and shortcut, and the triggers that retry the
 * outbox. Chrome may stop the service worker at any time, so every listener is registered
 * synchronously here and all state lives in IndexedDB or storage.
 */
import { browser } from 'wxt/browser';
import { createTranslator, type Translate } from '../../shared/i18n';
import type { BackgroundReply, BackgroundRequest } from '../../shared/protocol/extension-messages';
import { clipPreferences } from '../clip/clip-preferences';
import { MAX_IMAGE_BYTES } from '../clip/stored-image';
import { clipRequestFor, type WaitingClip } from '../clip/waiting-clip';
import { createDelivery } from '../outbox/delivery';
import { type Outbox, openOutbox } from '../outbox/outbox';
import { createOutboxSweep, latestProblem } from '../outbox/outbox-sweep';
import { extensionSettingsStore } from '../settings/app-settings';
import { openDraftConnection } from '../sync/draft-connection';
import { showFailure, showWaitingCount } from './badge';
import { clipPage } from './clip-article';
import { clipMedia } from './clip-media';
import { type ClipSelectionDeps, clipSelection } from './clip-selection';
import { CLIP_COMMAND, chooseDraftPageUrl, createClipMenu, menuClipOf, retitleClipMenu } from './context-menu';
import { convertInOffscreen, extractArticleInOffscreen } from './offscreen-converter';
import { describeMediaInTab, fetchImagesInTab, readPageSelection, readWholePage } from './page-reader';
import { listenForRequests } from './request-listener';
import { fetchImageDirect, storeImages } from './store-images';

const RETRY_ALARM = 'dampingi-outbox-retry';

export function startBackground(): void {
  const settings = extensionSettingsStore(browser.storage.local);
  const preferences = clipPreferences(browser.storage.local);
  let opening: Promise<Outbox> | null = null;
  const outbox = () => {
    opening ??= openOutbox().catch((error: unknown) => {
      opening = null;
      throw error;
    });
    return opening;
  };
  const delivery = createDelivery({ outbox, openConnection: openDraftConnection });
  const sweep = createOutboxSweep({ outbox, delivery, loadSettings: () => settings.load() });
  const translator = async (): Promise<Translate> => createTranslator((await settings.load()).language);

  const refreshBadge = () =>
    (async () => showWaitingCount(browser.action, await (await outbox()).count(), await translator()))().catch(
      (error: unknown) => console.error('background: badge not updated', error),
    );
  const retryOutbox = async () => {
    try {
      return await sweep();
    } finally {
      void refreshBadge();
    }
  };
  const retrySoon = (why: string) =>
    void retryOutbox().catch((error: unknown) => console.error(`background: outbox retry (${why}) failed`, error));

  const clipDeps: ClipSelectionDeps = {
    settings,
    preferences,
    readPage: (tabId, frameId) => readPageSelection(browser.tabs, browser.scripting, tabId, frameId),
    convertHtml: convertInOffscreen,
    storeImages: async (content, tabId, frameId) => {
      const t = await translator();
      return storeImages(content, {
        fetchInPage: (urls) => fetchImagesInTab(browser.scripting, tabId, frameId, urls),
        fetchDirect: (url) => fetchImageDirect(url, MAX_IMAGE_BYTES),
        placeholderText: (alt) => ({
          notice: alt ? t('clip.image.notStoredNamed', { alt }) : t('clip.image.notStored'),
          linkText: t('clip.image.sourceLink'),
        }),
      });
    },
    outbox,
    delivery,
    onOutboxChanged: () => void refreshBadge(),
  };

  const handle = async (request: BackgroundRequest): Promise<BackgroundReply<BackgroundRequest['type']>> => {
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
        const entries = await (await outbox()).list();
        return { ok: true, pending: entries.length, problem: latestProblem(entries) };
      }
      case 'retry-outbox':
        return { ok: true, ...(await retryOutbox()) };
    }
  };
  listenForRequests(browser.runtime, handle);

  // The context menu and the keyboard shortcut clip into the last chosen draft without the popup.
  // When the user must choose (no draft yet, or the source is already in the draft), the popup
  // page opens as a tab with the same clip waiting.
  const clipIntoLastDraft = (clip: WaitingClip, via: string) =>
    void (async () => {
      const popupUrl = browser.runtime.getURL('/popup.html');
      const [current, draftId] = await Promise.all([settings.load(), preferences.lastDraftId()]);
      if (!current.token || !draftId) {
        await browser.tabs.create({ url: chooseDraftPageUrl(popupUrl, clip) });
        return;
      }
      const reply = await handle(clipRequestFor(clip, draftId));
      if (!reply.ok && reply.reason === 'source-exists') {
        await browser.tabs.create({ url: chooseDraftPageUrl(popupUrl, clip, 'source-exists') });
        return;
      }
      const t = await translator();
      if (!reply.ok) await showFailure(browser.action, t(`clip.reason.${reply.reason}`), t);
    })().catch((error: unknown) => console.error(`background: ${via} clip failed`, error));

  browser.contextMenus.onClicked.addListener((info, tab) => {
    const clip = tab?.id !== undefined ? menuClipOf(info, tab.id) : null;
    if (clip) clipIntoLastDraft(clip, 'menu');
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === CLIP_COMMAND && tab?.id !== undefined)
      clipIntoLastDraft({ kind: 'selection', tabId: tab.id }, 'shortcut');
  });

  browser.runtime.onInstalled.addListener(() => {
    void translator().then((t) => createClipMenu(browser.contextMenus, t));
    void ensureRetryAlarm();
    retrySoon('installed');
  });
  browser.runtime.onStartup.addListener(() => {
    void ensureRetryAlarm();
    retrySoon('browser start');
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETRY_ALARM) retrySoon('alarm');
  });
  globalThis.addEventListener('online', () => retrySoon('online'));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !Object.keys(changes).some((key) => key.startsWith('dampingi.settings'))) return;
    void translator()
      .then((t) => retitleClipMenu(browser.contextMenus, t))
      .catch((error: unknown) => console.error('background: menu title not updated', error));
  });
}

async function ensureRetryAlarm(): Promise<void> {
  // Re-creating an existing alarm would restart its period; only create it when missing.
  if (!(await browser.alarms.get(RETRY_ALARM))) await browser.alarms.create(RETRY_ALARM, { periodInMinutes: 1 });
}
