/**
 * Which tab the popup clips from: the active tab of the last focused window, unless the popup page
 * was opened as a tab with `?tab=<id>` (context-menu fallback, end-to-end tests).
 */
import type { WxtBrowser } from 'wxt/browser';

type Tabs = Pick<WxtBrowser['tabs'], 'query'>;
type TabLookup = Pick<WxtBrowser['tabs'], 'get'>;

export async function targetTabId(search: string, tabs: Tabs): Promise<number | null> {
  const fromUrl = new URLSearchParams(search).get('tab');
  if (fromUrl !== null) return /^\d{1,10}$/.test(fromUrl) ? Number(fromUrl) : null;
  const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id ?? null;
}

/** The address the tab shows (to see which draft is open there), or null if it is gone or not readable. */
export async function tabAddress(tabId: number, tabs: TabLookup): Promise<string | null> {
  try {
    return (await tabs.get(tabId)).url ?? null;
  } catch {
    // Closed meanwhile: nothing is open there.
    return null;
  }
}
