/**
 * "Klip ke Dampingi" in the context menu of a selection. It clips into the last chosen draft; with
 * no draft chosen (or not signed in) it opens the popup page as a tab for that page, which asks
 * to choose a draft and then clips the same selection (the selection stays in the page).
 */
import type { WxtBrowser } from 'wxt/browser';
import type { Translate } from '../../shared/i18n';

export const CLIP_MENU_ID = 'dampingi-clip-selection';
/** Keyboard command declared in wxt.config.ts (Alt+Shift+D); same behaviour as the menu item. */
export const CLIP_COMMAND = 'clip-selection';

type ContextMenus = Pick<WxtBrowser['contextMenus'], 'removeAll' | 'create' | 'update'>;

export async function createClipMenu(contextMenus: ContextMenus, t: Translate): Promise<void> {
  await contextMenus.removeAll();
  contextMenus.create({ id: CLIP_MENU_ID, title: t('clip.action.clip'), contexts: ['selection'] });
}

export async function retitleClipMenu(contextMenus: ContextMenus, t: Translate): Promise<void> {
  await contextMenus.update(CLIP_MENU_ID, { title: t('clip.action.clip') });
}

/** The popup page opened as a tab for `tabId`: `popup.html?tab=<id>&reason=choose-draft`. */
export function chooseDraftPageUrl(popupUrl: string, tabId: number): string {
  const url = new URL(popupUrl);
  url.searchParams.set('tab', String(tabId));
  url.searchParams.set('reason', 'choose-draft');
  return url.href;
}
