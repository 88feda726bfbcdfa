/**
 * The context menu: "Klip ke Dampingi" on a selection, and items for a link, an image and a video.
 * Each clips into the last chosen draft (./context-menu-clips.ts); with no draft chosen (or not
 * signed in) it opens the popup page as a tab for that page with the same clip waiting in its
 * address, so the user can choose (the selection stays in the page); when the page is already a
 * source in the draft, the clip is held in the outbox and the popup tab asks about it.
 */
import type { WxtBrowser } from 'wxt/browser';
import type { MessageKey, Translate } from '../../shared/i18n';
import type { WaitingClip } from '../clip/waiting-clip';

export const CLIP_MENU_ID = 'dampingi-clip-selection';
/** Keyboard command declared in wxt.config.ts (Alt+Shift+D); same behaviour as the menu item. */
export const CLIP_COMMAND = 'clip-selection';

type MenuClipKind = WaitingClip['kind'];

const MENU_ITEMS: {
  id: string;
  kind: MenuClipKind;
  context: 'selection' | 'link' | 'image' | 'video';
  title: MessageKey;
}[] = [
  { id: CLIP_MENU_ID, kind: 'selection', context: 'selection', title: 'clip.action.clip' },
  { id: 'dampingi-clip-link', kind: 'link', context: 'link', title: 'clip.menu.link' },
  { id: 'dampingi-clip-image', kind: 'image', context: 'image', title: 'clip.menu.image' },
  { id: 'dampingi-clip-video', kind: 'video', context: 'video', title: 'clip.menu.video' },
];

type ContextMenus = Pick<WxtBrowser['contextMenus'], 'removeAll' | 'create' | 'update'>;

export async function createClipMenu(contextMenus: ContextMenus, t: Translate): Promise<void> {
  await contextMenus.removeAll();
  for (const item of MENU_ITEMS) contextMenus.create({ id: item.id, title: t(item.title), contexts: [item.context] });
}

export async function retitleClipMenu(contextMenus: ContextMenus, t: Translate): Promise<void> {
  await Promise.all(MENU_ITEMS.map((item) => contextMenus.update(item.id, { title: t(item.title) })));
}

/** What a click on one of our menu items asks to clip; null for anything else. */
export function menuClipOf(
  info: { menuItemId: string | number; frameId?: number; linkUrl?: string; srcUrl?: string },
  tabId: number,
): WaitingClip | null {
  const item = MENU_ITEMS.find((candidate) => candidate.id === info.menuItemId);
  if (!item) return null;
  const url = item.kind === 'link' ? info.linkUrl : item.kind === 'selection' ? undefined : info.srcUrl;
  return {
    kind: item.kind,
    tabId,
    ...(info.frameId !== undefined ? { frameId: info.frameId } : {}),
    ...(url ? { url } : {}),
  };
}

/**
 * The popup page opened as a tab for a waiting clip:
 * `popup.html?tab=<id>&reason=choose-draft|source-exists&clip=<kind>[&frame=<id>][&url=<address>]`.
 */
export function chooseDraftPageUrl(
  popupUrl: string,
  clip: WaitingClip,
  reason: 'choose-draft' | 'source-exists' = 'choose-draft',
): string {
  const url = new URL(popupUrl);
  url.searchParams.set('tab', String(clip.tabId));
  url.searchParams.set('reason', reason);
  url.searchParams.set('clip', clip.kind);
  if (clip.frameId !== undefined) url.searchParams.set('frame', String(clip.frameId));
  if (clip.url) url.searchParams.set('url', clip.url);
  return url.href;
}
