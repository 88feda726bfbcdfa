/**
 * HTML → draft nodes needs a DOM, which Chrome's service worker lacks: the work is done by the
 * offscreen document (entrypoints/offscreen), created on first use and left open. Firefox has
 * no offscreen API but its background page has a DOM, so there the conversion runs in place.
 */
import { browser } from 'wxt/browser';
import type { z } from 'zod';
import {
  type OffscreenConvertReply,
  OffscreenConvertReplySchema,
  type OffscreenConvertRequest,
  type OffscreenExtractArticleReply,
  OffscreenExtractArticleReplySchema,
  type OffscreenExtractArticleRequest,
} from '../../shared/protocol/extension-messages';
import { articleClipContent, type PageClipMode } from '../clip/article-clip';
import { htmlToClipContent } from '../clip/html-to-nodes';

const OFFSCREEN_PATH = 'offscreen.html';
let creating: Promise<void> | null = null;

async function ensureOffscreenDocument(): Promise<void> {
  const url = browser.runtime.getURL(`/${OFFSCREEN_PATH}`);
  const existing = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
  if (existing.length > 0) return;
  creating ??= browser.offscreen
    .createDocument({
      url: OFFSCREEN_PATH,
      reasons: ['DOM_PARSER'],
      justification: 'Extract articles, sanitise clipped HTML and parse it into the draft document schema.',
    })
    .finally(() => {
      creating = null;
    });
  await creating;
}

export async function convertInOffscreen(html: string): Promise<OffscreenConvertReply> {
  if (!browser.offscreen && typeof document !== 'undefined') return htmlToClipContent(html, document);
  const request: OffscreenConvertRequest = { type: 'offscreen-convert-html', html };
  return askOffscreen(request, OffscreenConvertReplySchema);
}

export async function extractArticleInOffscreen(
  html: string,
  url: string,
  mode: PageClipMode,
): Promise<OffscreenExtractArticleReply> {
  if (!browser.offscreen && typeof document !== 'undefined') return articleClipContent(html, url, document, mode);
  const request: OffscreenExtractArticleRequest = { type: 'offscreen-extract-article', mode, html, url };
  return askOffscreen(request, OffscreenExtractArticleReplySchema);
}

async function askOffscreen<S extends z.ZodType>(
  request: OffscreenConvertRequest | OffscreenExtractArticleRequest,
  schema: S,
): Promise<z.infer<S> | { ok: false; reason: 'conversion-failed' }> {
  for (let attempt = 1; ; attempt++) {
    try {
      await ensureOffscreenDocument();
      const parsed = schema.safeParse(await browser.runtime.sendMessage(request));
      if (parsed.success) return parsed.data;
      console.error('clip: unexpected reply from the offscreen document', parsed.error.issues);
      return { ok: false, reason: 'conversion-failed' };
    } catch (error) {
      // Right after creation the document may not be listening yet ("Receiving end does not exist").
      if (attempt >= 3) {
        console.error('clip: offscreen conversion failed', error);
        return { ok: false, reason: 'conversion-failed' };
      }
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}
