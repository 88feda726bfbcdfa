/**
 * Receives requests from the extension's own pages (popup, options, editor), validates them and
 * replies `{ ok: true, ... } | { ok: false, reason }`. Messages of other types (e.g. the ones the
 * background sends to the offscreen document) are left for their own listener.
 */
import type { WxtBrowser } from 'wxt/browser';
import {
  type BackgroundReply,
  type BackgroundRequest,
  BackgroundRequestSchema,
} from '../../shared/protocol/extension-messages';

export type RequestHandler = (request: BackgroundRequest) => Promise<BackgroundReply<BackgroundRequest['type']>>;

const REQUEST_TYPES: ReadonlySet<unknown> = new Set(
  BackgroundRequestSchema.options.map((option) => option.shape.type.value),
);

type Runtime = Pick<WxtBrowser['runtime'], 'onMessage' | 'id' | 'getURL'>;

export function listenForRequests(runtime: Runtime, handle: RequestHandler): void {
  const ownOrigin = runtime.getURL('/');
  runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
    if (!REQUEST_TYPES.has(type)) return undefined;
    // Only our own pages may ask; a script in a web page never gets here, but be explicit.
    if (sender.id !== runtime.id || !sender.url?.startsWith(ownOrigin)) {
      console.warn('background: request from outside the extension ignored', sender.url);
      return undefined;
    }
    const parsed = BackgroundRequestSchema.safeParse(message);
    if (!parsed.success) {
      console.warn('background: invalid request', parsed.error.issues);
      sendResponse({ ok: false, reason: 'bad-message' });
      return undefined;
    }
    handle(parsed.data).then(sendResponse, (error: unknown) => {
      console.error('background: request failed', parsed.data.type, error);
      sendResponse({ ok: false, reason: 'internal' });
    });
    return true; // the reply is sent asynchronously
  });
}
