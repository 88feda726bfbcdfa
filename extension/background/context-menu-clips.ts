/**
 * The context menu and the keyboard shortcut clip into the last chosen draft without the popup.
 * When the user must choose (no draft yet, or the page is already a source in the draft), the
 * popup page opens as a tab for that page: to choose a draft with the same clip waiting, or to
 * answer the question about the clip held in the outbox.
 */
import { browser } from 'wxt/browser';
import type { Translate } from '../../shared/i18n';
import type { ClipPreferences } from '../clip/clip-preferences';
import { clipRequestFor, type WaitingClip } from '../clip/waiting-clip';
import type { AppSettingsStore } from '../settings/app-settings';
import { showFailure } from './badge';
import { chooseDraftPageUrl } from './context-menu';
import type { RequestHandler } from './request-listener';

export interface MenuClipDeps {
  settings: AppSettingsStore;
  preferences: ClipPreferences;
  handle: RequestHandler;
  translator: () => Promise<Translate>;
}

export function clipIntoLastDraft(clip: WaitingClip, via: string, deps: MenuClipDeps): void {
  void (async () => {
    const popupUrl = browser.runtime.getURL('/popup.html');
    const [current, draftId] = await Promise.all([deps.settings.load(), deps.preferences.lastDraftId()]);
    if (!current.token || !draftId) {
      await browser.tabs.create({ url: chooseDraftPageUrl(popupUrl, clip) });
      return;
    }
    const reply = await deps.handle(clipRequestFor(clip, draftId));
    if (!reply.ok && reply.reason === 'source-exists') {
      await browser.tabs.create({ url: chooseDraftPageUrl(popupUrl, clip, 'source-exists') });
      return;
    }
    const t = await deps.translator();
    if (!reply.ok) await showFailure(browser.action, t(`clip.reason.${reply.reason}`), t);
  })().catch((error: unknown) => console.error(`background: ${via} clip failed`, error));
}
