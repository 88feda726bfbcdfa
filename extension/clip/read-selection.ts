/**
 * The function injected into a page (`scripting.executeScript({ func: readSelection })`) to read
 * what the user selected and where it comes from.
 *
 * It is serialised with `Function.prototype.toString` and run in the page, so it must be
 * self-contained: no imports, no outer variables, no helpers defined outside its body. Its result
 * is untrusted (the page can tamper with the DOM it reads) and is validated in the background by
 * `PageSelectionSchema` (./page-selection.ts).
 */

/** What the injected function returns; mirrored by `PageSelectionSchema`. */
export interface RawPageSelection {
  empty: boolean;
  html: string;
  title: string;
  url: string;
  siteName: string | null;
  author: string | null;
  publishedAt: string | null;
  licence: string | null;
  language: string | null;
  description: string | null;
}

export function readSelection(): RawPageSelection {
  // Inline ancestors keep their formatting; container ancestors keep the structure a partial
  // selection needs (items of one list, rows of one table, lines of one code block).
  const INLINE = /^(A|ABBR|B|CITE|CODE|DEL|EM|I|INS|KBD|MARK|Q|S|SMALL|SPAN|STRIKE|STRONG|SUB|SUP|U)$/;
  const CONTAINER = /^(BLOCKQUOTE|H[1-6]|OL|PRE|TABLE|TBODY|TFOOT|THEAD|TR|UL)$/;

  const meta = (selector: string): string | null => {
    const value = document.querySelector(selector)?.getAttribute('content')?.trim();
    return value ? value : null;
  };
  const absolute = (value: string): string | null => {
    try {
      return new URL(value, document.baseURI).href;
    } catch {
      return null;
    }
  };
  const isHttp = (value: string | null): value is string => value !== null && /^https?:\/\//i.test(value);

  const container = document.createElement('div');
  const selection = window.getSelection();
  const rangeCount = selection ? selection.rangeCount : 0;
  for (let index = 0; index < rangeCount; index++) {
    const range = selection!.getRangeAt(index);
    if (range.collapsed) continue;
    let piece: Node = range.cloneContents();
    const common = range.commonAncestorContainer;
    let ancestor: Element | null = common.nodeType === Node.ELEMENT_NODE ? (common as Element) : common.parentElement;
    while (ancestor && ancestor !== document.body && ancestor !== document.documentElement) {
      if (!INLINE.test(ancestor.tagName) && !CONTAINER.test(ancestor.tagName)) break;
      const wrapper = ancestor.cloneNode(false);
      wrapper.appendChild(piece);
      piece = wrapper;
      ancestor = ancestor.parentElement;
    }
    container.appendChild(piece);
  }

  // Links and images must keep working outside the page they were clipped from.
  for (const element of Array.from(container.querySelectorAll('[href], [src]'))) {
    for (const name of ['href', 'src']) {
      const value = element.getAttribute(name);
      if (value === null) continue;
      const resolved = /^(javascript|data|mailto):/i.test(value.trim()) ? value : absolute(value);
      if (resolved === null) element.removeAttribute(name);
      else element.setAttribute(name, resolved);
    }
    element.removeAttribute('srcset');
  }

  const canonicalHref = document.querySelector('link[rel~="canonical"][href]')?.getAttribute('href');
  const canonical = canonicalHref ? absolute(canonicalHref) : null;
  const licenceHref = document.querySelector('link[rel~="license"][href]')?.getAttribute('href');
  const text = (container.textContent ?? '').trim();

  return {
    empty: text === '' && container.querySelector('img, table, hr') === null,
    html: container.innerHTML,
    title: meta('meta[property="og:title"]') ?? document.title.trim(),
    url: isHttp(canonical) ? canonical : location.href,
    siteName: meta('meta[property="og:site_name"]'),
    author: meta('meta[name="author"]'),
    publishedAt: meta('meta[property="article:published_time"]'),
    licence: licenceHref ? absolute(licenceHref) : null,
    language: document.documentElement.lang.trim() || null,
    description: meta('meta[name="description"]') ?? meta('meta[property="og:description"]'),
  };
}
