/**
 * The function injected into a page (`scripting.executeScript({ func: readPageHtml })`) for an
 * article clip: the page as it is now (after its scripts ran) and its address. Self-contained (it
 * is serialised into the page); the result is untrusted and validated by `PageHtmlSchema`.
 */
export interface RawPageHtml {
  html: string;
  url: string;
}

export function readPageHtml(): RawPageHtml {
  return { html: document.documentElement.outerHTML, url: location.href };
}
