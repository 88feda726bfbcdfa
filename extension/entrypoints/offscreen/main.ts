/** Offscreen document: the background's DOM. Converts clipped HTML, or a whole page's article, into draft nodes. */
import { browser } from 'wxt/browser';
import {
  OffscreenConvertRequestSchema,
  OffscreenExtractArticleRequestSchema,
} from '../../../shared/protocol/extension-messages';
import { articleClipContent } from '../../clip/article-clip';
import { htmlToClipContent } from '../../clip/html-to-nodes';

const failed = { ok: false, reason: 'conversion-failed' } as const;

browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
  const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
  if (sender.id !== browser.runtime.id) return undefined;
  if (type === 'offscreen-convert-html') {
    const parsed = OffscreenConvertRequestSchema.safeParse(message);
    sendResponse(parsed.success ? htmlToClipContent(parsed.data.html, document) : failed);
  } else if (type === 'offscreen-extract-article') {
    const parsed = OffscreenExtractArticleRequestSchema.safeParse(message);
    if (!parsed.success) sendResponse(failed);
    else sendResponse(articleClipContent(parsed.data.html, parsed.data.url, document, parsed.data.mode));
  }
  return undefined;
});
