// Node only: parses a page's HTML with jsdom, with no scripts run and no resources loaded, for extraction outside a browser.
import { createRequire } from 'node:module';

/** The part of jsdom used here; typed locally because the project has no @types/jsdom. */
interface JsdomModule {
  JSDOM: new (
    html: string,
    options: { url: string; virtualConsole: object },
  ) => { window: { document: Document; close(): void } };
  VirtualConsole: new () => object;
}

const jsdom = createRequire(import.meta.url)('jsdom') as JsdomModule;
/** Pages' own console output and CSS parse errors are noise here. */
const quietConsole = new jsdom.VirtualConsole();

export interface ParsedPage {
  document: Document;
  /** Frees the page's window; call when done with the document. */
  close(): void;
}

/** jsdom needs an absolute URL; a page given an unparsable one is parsed as if it had none. */
function documentUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return 'about:blank';
  }
}

/** jsdom's defaults already run no scripts and load no resources; nothing here turns them on. */
export function parsePage(html: string, url: string): ParsedPage {
  const dom = new jsdom.JSDOM(html, { url: documentUrl(url), virtualConsole: quietConsole });
  return { document: dom.window.document, close: () => dom.window.close() };
}
