/** Addresses of the extension's own pages as the panel links to them, and opening the side panel. */

import { browser } from 'wxt/browser';
import { isInboxDestination } from '../../shared/model/inbox-destination';
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
  // Kotak klip's own page lists what waits there.
  if (isInboxDestination(draftId)) url.searchParams.set('view', 'inbox');
  else url.searchParams.set('draft', draftId);
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

/** Chrome's side panel; in Firefox the same page is the add-on's sidebar (`sidebar_action`). */
export const hasSidePanel = (): boolean => browser.sidePanel !== undefined || sidebarAction() !== undefined;

/** Firefox's sidebar API (not in Chrome's types). */
function sidebarAction(): { open(): Promise<void> } | undefined {
  return (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
}

/** Opens the side panel in this window (allowed from the popup: it is a user gesture), then closes the popup. */
export async function openSidePanel(): Promise<void> {
  try {
    // Firefox opens the sidebar only while handling the click: called before anything is awaited.
    const sidebar = sidebarAction();
    if (sidebar) await sidebar.open();
    else {
      const window = await browser.windows.getCurrent();
      if (window.id !== undefined) await browser.sidePanel.open({ windowId: window.id });
    }
    globalThis.close();
  } catch (error) {
    console.error('panel: side panel not opened', error);
  }
}
