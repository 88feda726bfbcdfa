/**
 * A shared address → the clip the extension would have made of that page: fetch it through the
 * guard, extract and sanitise it with the extension's own code, store its pictures in it, and name
 * its source. Everything within one deadline. Loaded on the first clip (jsdom, the draft schema).
 */
import { randomUUID } from 'node:crypto';
import type { ClipSource, NodeJson } from '../../shared/model/clip';
import { clipToNode } from '../../shared/model/clip-to-node';
import { type PageMetadata, pageSource } from '../../shared/model/page-source';
import {
  type ClipFromUrlRequest,
  type ClipFromUrlResponse,
  ClipFromUrlResponseSchema,
  INBOX_LIMITS,
} from '../../shared/protocol/clip-inbox-api';
import { refuse } from './clip-refusal';
import { decodeHtml } from './decode-html';
import { altText, embedImages, imageNodes, mapImages } from './embed-images';
import { ExtractionStoppedError, type ExtractionThread } from './extraction-thread';
import type { ClipFetchSettings, HostResolver } from './fetch-settings';
import { type GuardedFetchOptions, guardedFetch } from './guarded-fetch';
import type { Transport } from './http-transport';
import { lightenHtml } from './lighten-html';
import { storedImageFromBytes, storedImageFromDataUrl } from './page-extraction';

export interface ClipFromUrlDeps {
  settings: ClipFetchSettings;
  resolve: HostResolver;
  transport: Transport;
  userAgent: string;
  /** Page → clip content, off the server's thread (./extraction-thread.ts). */
  extract: ExtractionThread['extract'];
  now?: () => Date;
}

/** Room for the inbox item's own fields (clipId, origin) around the answer, so it always fits a PUT. */
const INBOX_ENVELOPE_BYTES = 16 * 1024;

/**
 * Throws ClipRefusedError with the reason the app shows. Each stage — fetching the page, extracting
 * it (off the server's thread), fetching its pictures — has `settings.timeoutMs` of its own.
 */
export async function clipFromUrl(request: ClipFromUrlRequest, deps: ClipFromUrlDeps): Promise<ClipFromUrlResponse> {
  const { settings } = deps;
  const fetching = (): Omit<GuardedFetchOptions, 'kind' | 'maxBytes'> => ({
    maxRedirects: settings.maxRedirects,
    allowLoopback: settings.allowLoopback,
    resolve: deps.resolve,
    transport: deps.transport,
    signal: AbortSignal.timeout(settings.timeoutMs),
    userAgent: deps.userAgent,
  });
  const page = await guardedFetch(request.url, { ...fetching(), kind: 'page', maxBytes: settings.maxPageBytes });
  const pageUrl = page.url.href;
  const html = lightenHtml(decodeHtml(page.body, page.charset));
  if (html.length > settings.maxParsedChars) {
    refuse(
      'too-large',
      `${html.length} characters of HTML without scripts and styles; at most ${settings.maxParsedChars}`,
    );
  }
  const extracted = await deps
    .extract(html, pageUrl, request.mode, { timeoutMs: settings.timeoutMs })
    .catch((error: unknown) => {
      if (error instanceof ExtractionStoppedError) refuse('timeout', `the page was not extracted: ${error.message}`);
      refuse('conversion-failed', `extraction failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  if (!extracted.ok) refuse('conversion-failed', `nothing could be clipped from the page (${extracted.reason})`);
  const pictureFetch = fetching();
  const pictures = await embedImages(extracted.content, {
    fetchImage: async (src) =>
      (await guardedFetch(src, { ...pictureFetch, kind: 'image', maxBytes: settings.maxImageBytes, referer: pageUrl }))
        .body,
    fromBytes: (bytes) => storedImageFromBytes(bytes, settings.maxImageBytes),
    fromDataUrl: (dataUrl) => storedImageFromDataUrl(dataUrl, settings.maxImageBytes),
    maxImages: settings.maxImages,
    maxImageBytesTotal: settings.maxImageBytesTotal,
  });
  const source = sourceOf(extracted.metadata, page.url, request.url, (deps.now?.() ?? new Date()).toISOString());
  const content = fitted(pictures.content, source);
  if (content.length === 0) refuse('conversion-failed', 'nothing was left of the page once its pictures were dropped');
  if (content.length > 5_000) refuse('too-large', `the page has ${content.length} blocks; a clip holds 5000`);
  // The draft schema is the final allowlist, as when the clip is placed in a draft.
  const checked = clipToNode({ clipId: randomUUID(), draftId: 'inbox', kind: request.mode, source, content });
  if (!checked.ok) refuse('conversion-failed', `the clip does not fit the draft schema: ${checked.detail}`);
  return ClipFromUrlResponseSchema.parse({ kind: request.mode, source, content });
}

/** Only a web address of at most 4096 characters is the link: the canonical one, else where the fetch ended. */
function sourceOf(metadata: PageMetadata, finalUrl: URL, askedUrl: string, capturedAt: string): ClipSource {
  const usable = (value: string | null) => value !== null && /^https?:\/\//i.test(value) && value.length <= 4096;
  const url = [metadata.canonicalUrl, finalUrl.href, askedUrl].find(usable) ?? askedUrl;
  return pageSource(metadata, url, capturedAt);
}

/**
 * The answer is meant to go into the inbox unchanged (PUT holds at most INBOX_LIMITS.maxClipBytes):
 * pictures are dropped from the last one back until it fits; text alone that does not fit is refused.
 */
function fitted(content: NodeJson[], source: ClipSource): NodeJson[] {
  const budget = INBOX_LIMITS.maxClipBytes - INBOX_ENVELOPE_BYTES;
  const size = (nodes: NodeJson[]) => Buffer.byteLength(JSON.stringify({ kind: 'article', source, content: nodes }));
  let over = size(content) - budget;
  if (over <= 0) return content;
  const images = imageNodes(content);
  let keep = images.length;
  while (over > 0 && keep > 0) {
    keep -= 1;
    over -= String(images[keep]?.attrs?.src ?? '').length;
  }
  let index = 0;
  const smaller = mapImages(content, (image) => (index++ < keep ? [image] : altText(image)));
  if (size(smaller) > budget) refuse('too-large', 'the page’s text is too long for one clip');
  return smaller;
}
