/** Offscreen document: the background's DOM. Converts clipped HTML into draft nodes on request. */
import { browser } from 'wxt/browser';
import { type OffscreenConvertReply, OffscreenConvertRequestSchema } from '../../../shared/protocol/extension-messages';
import { htmlToClipContent } from '../../clip/html-to-nodes';

browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
  const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
  if (type !== 'offscreen-convert-html' || sender.id !== browser.runtime.id) return undefined;
  const parsed = OffscreenConvertRequestSchema.safeParse(message);
  const reply: OffscreenConvertReply = parsed.success
    ? htmlToClipContent(parsed.data.html, document)
    : { ok: false, reason: 'conversion-failed' };
  sendResponse(reply);
  return undefined;
});
