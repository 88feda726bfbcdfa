/** Reads the selection of a tab by injecting `readSelection` on demand (no always-on content script). */
import type { WxtBrowser } from 'wxt/browser';
import { isHttpUrl } from '../clip/page-selection';
import { readSelection } from '../clip/read-selection';

export type PageReadResult = { ok: true; raw: unknown } | { ok: false; reason: 'page-not-clippable' };

type Tabs = Pick<WxtBrowser['tabs'], 'get'>;
type Scripting = Pick<WxtBrowser['scripting'], 'executeScript'>;

export async function readPageSelection(
  tabs: Tabs,
  scripting: Scripting,
  tabId: number,
  frameId?: number,
): Promise<PageReadResult> {
  const tab = await tabs.get(tabId).catch(() => null);
  // chrome://, the extension store, file:// and extension pages: nothing we may or want to clip.
  if (!tab || !isHttpUrl(tab.url)) return { ok: false, reason: 'page-not-clippable' };
  try {
    const [result] = await scripting.executeScript({
      target: frameId === undefined ? { tabId } : { tabId, frameIds: [frameId] },
      func: readSelection,
    });
    return { ok: true, raw: result?.result };
  } catch (error) {
    // Chrome refuses some http(s) pages too (the Web Store, policy-blocked hosts).
    console.warn('clip: could not read the page', tab.url, error);
    return { ok: false, reason: 'page-not-clippable' };
  }
}
