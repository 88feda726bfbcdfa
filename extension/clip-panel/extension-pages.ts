/** Addresses of the extension's own pages as the panel links to them, and opening the side panel. */
import { browser } from 'wxt/browser';
import { originOf } from '../clip/draft-list';

export const optionsPageUrl = (): string => browser.runtime.getURL('/options.html');

/** The web app on the server the extension is set to, where "Hubungkan ekstensi" is. */
export function webAppUrl(serverUrl: string): string | null {
  try {
    return new URL('/editor.html', serverUrl).href;
  } catch {
    return null;
  }
}

/** The editor is an extension page: `editor.html?draft=<id>`. */
export function draftPageUrl(draftId: string): string {
  const url = new URL(browser.runtime.getURL('/editor.html'));
  url.searchParams.set('draft', draftId);
  return url.href;
}

/** Where an editor page may be open: the extension's own editor and the web app of its server. */
export function editorOrigins(serverUrl: string): string[] {
  const origins = [originOf(new URL(browser.runtime.getURL('/')))];
  try {
    origins.push(originOf(new URL(serverUrl)));
  } catch {
    // No valid server address yet: only the extension's own editor.
  }
  return origins;
}

/** Chrome has a side panel, Firefox (in this build) does not. */
export const hasSidePanel = (): boolean => browser.sidePanel !== undefined;

/** Opens the side panel in this window (allowed from the popup: it is a user gesture), then closes the popup. */
export async function openSidePanel(): Promise<void> {
  try {
    const window = await browser.windows.getCurrent();
    if (window.id !== undefined) await browser.sidePanel.open({ windowId: window.id });
    globalThis.close();
  } catch (error) {
    console.error('panel: side panel not opened', error);
  }
}
