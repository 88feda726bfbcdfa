/**
 * What the offscreen document (the background's DOM) answers: clipped HTML, or a whole page's
 * article, turned into draft nodes. Only the extension itself may ask; requests are validated.
 */
import type { WxtBrowser } from 'wxt/browser';
import {
  OffscreenConvertRequestSchema,
  OffscreenExtractArticleRequestSchema,
} from '../../shared/protocol/extension-messages';
import { articleClipContent } from './article-clip';
import { htmlToClipContent } from './html-to-nodes';

const failed = { ok: false, reason: 'conversion-failed' } as const;

type Runtime = Pick<WxtBrowser['runtime'], 'onMessage' | 'id'>;

export function answerOffscreenRequests(runtime: Runtime, document: Document): void {
  runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
    if (sender.id !== runtime.id) return undefined;
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
}
