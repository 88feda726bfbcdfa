/**
 * The extension's own clipping code, run on the server with jsdom as its DOM: the same extraction
 * (Readability / Defuddle choice, metadata), the same DOMPurify sanitising and the same parse by the
 * draft schema as a clip made in the browser, so a page shared from a phone becomes the same clip.
 *
 * LAYERING EXCEPTION: `server/` imports only `shared/` (ARCHITECTURE.md). This file — and only this
 * one — imports from `extension/clip/`, because the extraction code lives there today; the lead
 * engineer moves it to a shared place after merging, and then only these imports change.
 *
 * The page is hostile input. jsdom here runs no script (no `runScripts`) and loads nothing (no
 * `resources`); the page itself is parsed by the window's DOMParser, whose documents are inert.
 */
import { createRequire } from 'node:module';
import { articleClipContent, type PageClipMode } from '../../extension/clip/article-clip';
import type { OffscreenExtractArticleReply } from '../../shared/protocol/extension-messages';

export {
  MAX_IMAGE_BYTES,
  type StoredImage,
  storedImageFromBytes,
  storedImageFromDataUrl,
} from '../../extension/clip/stored-image';
export type { PageClipMode };

/** The part of jsdom used here (the project has no @types/jsdom). */
interface JsdomModule {
  JSDOM: new (
    html: string,
    options: { url: string; virtualConsole: object },
  ) => { window: { document: Document; close(): void } };
  VirtualConsole: new () => object;
}

let jsdom: JsdomModule | null = null;
let quietConsole: object | null = null;

/** jsdom is large; loaded on the first clip, not at server start. */
function loadJsdom(): { module: JsdomModule; console: object } {
  jsdom ??= createRequire(import.meta.url)('jsdom') as JsdomModule;
  // The page's own console output and CSS parse errors are noise here.
  quietConsole ??= new jsdom.VirtualConsole();
  return { module: jsdom, console: quietConsole };
}

export type ExtractedPage = OffscreenExtractArticleReply;

/** The clip content and metadata of a page as the extension would make them; the window is freed after. */
export function extractPage(html: string, pageUrl: string, mode: PageClipMode): ExtractedPage {
  const { module, console } = loadJsdom();
  // An empty window: it only lends its DOMParser, DOMPurify and a document to build nodes in.
  const dom = new module.JSDOM('<!doctype html><html><head></head><body></body></html>', {
    url: pageUrl,
    virtualConsole: console,
  });
  try {
    return articleClipContent(html, pageUrl, dom.window.document, mode);
  } finally {
    dom.window.close();
  }
}
