/**
 * Wires the background: requests from pages, the context menu and shortcut, and the triggers that
 * retry the outbox. Chrome may stop the service worker at any time, so every listener is
 * registered synchronously here and all state lives in IndexedDB or storage.
 */
import { browser } from 'wxt/browser';
import { createTranslator, type Translate } from '../../shared/i18n';
import { clipPreferences } from '../clip/clip-preferences';
import { pairingBridgeKeeper } from '../pairing/bridge-registration';
import { extensionSettingsStore } from '../settings/app-settings';
import { CLIP_COMMAND, createClipMenu, menuClipOf, retitleClipMenu } from './context-menu';
import { clipIntoLastDraft } from './context-menu-clips';
import { startOutboxService } from './outbox-service';
import { listenForPairing } from './pairing-requests';
import { createRequestHandler } from './request-handler';
import { listenForRequests } from './request-listener';

const RETRY_ALARM = 'dampingi-outbox-retry';

export function startBackground(): void {
  const settings = extensionSettingsStore(browser.storage.local);
  const preferences = clipPreferences(browser.storage.local);
  const translator = async (): Promise<Translate> => createTranslator((await settings.load()).language);
  const service = startOutboxService(settings, translator);
  const retrySoon = (why: string) =>
    void service.retry().catch((error: unknown) => console.error(`background: outbox retry (${why}) failed`, error));

  const handle = createRequestHandler({ settings, preferences, service, translator });
  listenForRequests(browser.runtime, handle);
  listenForPairing(browser.runtime, { settings, preferences });
  // Firefox's match patterns take no port (see bridgeMatchPattern).
  const placeBridge = pairingBridgeKeeper(
    browser,
    async () => (await settings.load()).serverUrl,
    !import.meta.env.FIREFOX,
  );
  const followServer = (why: string) =>
    void placeBridge().catch((error: unknown) =>
      console.error(`background: pairing bridge not placed (${why})`, error),
    );
  followServer('start');

  const menuDeps = { settings, preferences, handle, translator };
  browser.contextMenus.onClicked.addListener((info, tab) => {
    const clip = tab?.id !== undefined ? menuClipOf(info, tab.id) : null;
    if (clip) clipIntoLastDraft(clip, 'menu', menuDeps);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === CLIP_COMMAND && tab?.id !== undefined)
      clipIntoLastDraft({ kind: 'selection', tabId: tab.id }, 'shortcut', menuDeps);
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
    // The menu and the badge speak the user's language; the bridge follows the server address.
    service.publish();
    followServer('settings changed');
    void translator()
      .then((t) => retitleClipMenu(browser.contextMenus, t))
      .catch((error: unknown) => console.error('background: menu title not updated', error));
  });
}

async function ensureRetryAlarm(): Promise<void> {
  // Re-creating an existing alarm would restart its period; only create it when missing.
  if (!(await browser.alarms.get(RETRY_ALARM))) await browser.alarms.create(RETRY_ALARM, { periodInMinutes: 1 });
}
