/** Reads a tab's selection, whole page, chosen media or images by injecting a function on demand (no always-on content script). */
import type { WxtBrowser } from 'wxt/browser';
import { z } from 'zod';
import { MAX_PAGE_HTML } from '../../shared/protocol/extension-messages';
import { fetchImagesInPage, type RawFetchedImage } from '../clip/fetch-images-in-page';
import { isHttpUrl } from '../clip/page-selection';
import { describeMedia } from '../clip/read-media';
import { readPageHtml } from '../clip/read-page';
import { readSelection } from '../clip/read-selection';
import { MAX_CLIPPED_DOWNLOAD_BYTES } from '../clip/stored-image';

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

const PageHtmlSchema = z.object({ html: z.string().max(MAX_PAGE_HTML), url: z.string().max(4096) });

export type WholePageResult =
  | { ok: true; html: string; url: string }
  | { ok: false; reason: 'page-not-clippable' | 'selection-too-large' | 'invalid-page-data' };

/** The whole page for an article clip, by injecting `readPageHtml` on demand. */
export async function readWholePage(tabs: Tabs, scripting: Scripting, tabId: number): Promise<WholePageResult> {
  const tab = await tabs.get(tabId).catch(() => null);
  if (!tab || !isHttpUrl(tab.url)) return { ok: false, reason: 'page-not-clippable' };
  let raw: unknown;
  try {
    const [result] = await scripting.executeScript({ target: { tabId }, func: readPageHtml });
    raw = result?.result;
  } catch (error) {
    console.warn('clip: could not read the page', tab.url, error);
    return { ok: false, reason: 'page-not-clippable' };
  }
  const parsed = PageHtmlSchema.safeParse(raw);
  if (!parsed.success) {
    const tooLarge = parsed.error.issues.some((issue) => issue.path[0] === 'html' && issue.code === 'too_big');
    return { ok: false, reason: tooLarge ? 'selection-too-large' : 'invalid-page-data' };
  }
  if (!isHttpUrl(parsed.data.url)) return { ok: false, reason: 'page-not-clippable' };
  return { ok: true, ...parsed.data };
}

/** The chosen link, image or video of the page, described by `describeMedia` (validated by the caller). */
export async function describeMediaInTab(
  scripting: Scripting,
  tabId: number,
  frameId: number | undefined,
  media: 'link' | 'image' | 'video',
  url: string | null,
): Promise<unknown> {
  const [result] = await scripting.executeScript({
    target: frameId === undefined ? { tabId } : { tabId, frameIds: [frameId] },
    func: describeMedia,
    args: [media, url],
  });
  return result?.result;
}

/** Fetches images in the page (its cookies and cache); anything unexpected counts as not fetched. */
export async function fetchImagesInTab(
  scripting: Scripting,
  tabId: number,
  frameId: number | undefined,
  urls: string[],
): Promise<RawFetchedImage[]> {
  const [result] = await scripting.executeScript({
    target: frameId === undefined ? { tabId } : { tabId, frameIds: [frameId] },
    func: fetchImagesInPage,
    args: [urls, MAX_CLIPPED_DOWNLOAD_BYTES],
  });
  return Array.isArray(result?.result) ? (result.result as RawFetchedImage[]) : [];
}
