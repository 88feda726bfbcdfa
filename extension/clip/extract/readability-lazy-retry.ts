// Readability.js keeps the body's whole HTML (`innerHTML`, a serialisation of the page) before it grabs the article,
// to start again from it when the article is too short: under jsdom about 8 % of its time, on every page, while a
// retry happens on a few pages in a hundred. On our instance the copy is made only when a retry asks for it, from a
// fresh copy of the page brought to the same point by Readability itself, so the retry starts from the same HTML.
import type { Readability } from '@mozilla/readability';

/** The part of Readability's internals this uses (0.6.0: `_grabArticle(page)` reads `page.innerHTML` once, first). */
interface GrabInternals {
  _grabArticle?: unknown;
  _doc?: Document;
}

type Grab = (this: GrabInternals, page?: Element | null) => Element | null;

/** The body's HTML as Readability sees it when it starts to grab the article, taken from a reader of a fresh copy. */
function bodyHtmlAtGrab(fresh: Readability<Element>): string {
  const internals = fresh as unknown as GrabInternals;
  let html = '';
  internals._grabArticle = function (this: GrabInternals, page?: Element | null) {
    html = (page ?? this._doc?.body)?.innerHTML ?? '';
    // No article: parse() stops here, having done what it does before grabbing it.
    return null;
  };
  fresh.parse();
  return html;
}

/** The `innerHTML` accessor the element inherits (Element.prototype's, in jsdom and in browsers). */
function inheritedInnerHtml(element: Element): PropertyDescriptor | undefined {
  for (let proto = Object.getPrototypeOf(element); proto; proto = Object.getPrototypeOf(proto)) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, 'innerHTML');
    if (descriptor) return descriptor;
  }
  return undefined;
}

/**
 * While Readability grabs the article, the body's first `innerHTML` read gives a stand-in, and setting the stand-in
 * back (the retry) sets the HTML `freshReader` leads to. `freshReader` must give a reader of the page as it was, with
 * the same options, so that Readability's preparation of it ends in the same body.
 */
export function withLazyRetryCopy(reader: Readability<Element>, freshReader: () => Readability<Element>): void {
  const internals = reader as unknown as GrabInternals;
  const grab = internals._grabArticle;
  if (typeof grab !== 'function') return;
  internals._grabArticle = function (this: GrabInternals, page?: Element | null) {
    const body = page ? null : this._doc?.body;
    const inherited = body && inheritedInnerHtml(body);
    if (!body || !inherited?.get || !inherited.set) return (grab as Grab).call(this, page);
    const { get, set } = inherited;
    const standIn = `\u0000readability-retry-copy-${Math.random()}`;
    let html: string | null = null;
    let read = false;
    Object.defineProperty(body, 'innerHTML', {
      configurable: true,
      get() {
        if (read) return get.call(body);
        read = true;
        return standIn;
      },
      set(value: string) {
        if (value === standIn) html ??= bodyHtmlAtGrab(freshReader());
        set.call(body, value === standIn ? html : value);
      },
    });
    try {
      return (grab as Grab).call(this, page);
    } finally {
      delete (body as { innerHTML?: string }).innerHTML;
    }
  };
}
