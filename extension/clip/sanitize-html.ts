/**
 * Sanitises HTML clipped from a page before it is parsed into draft nodes. The draft schema is
 * the final allowlist (clipToNode checks it again); this removes everything executable or
 * interactive first, so nothing hostile ever reaches a parser that might keep it.
 */
import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';

/** Elements removed with everything inside them. */
const FORBIDDEN_WITH_CONTENT = [
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'button',
  'textarea',
  'select',
  'option',
];
/** Elements removed; their text stays (a form may wrap real article text). */
const FORBIDDEN_TAGS = [...FORBIDDEN_WITH_CONTENT, 'form', 'input', 'frame', 'frameset', 'link', 'meta', 'base'];

const CONFIG: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: FORBIDDEN_TAGS,
  ADD_FORBID_CONTENTS: FORBIDDEN_WITH_CONTENT,
  FORBID_ATTR: ['style', 'class', 'id', 'srcset', 'formaction', 'action'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
};

const LINK_URL = /^(https?:|mailto:)/i;
const IMAGE_URL = /^(https?:|data:image\/(png|jpe?g|gif|webp|avif|bmp);)/i;

const purifiers = new WeakMap<Document, DOMPurify>();

function purifierFor(document: Document): DOMPurify {
  let purifier = purifiers.get(document);
  if (!purifier) {
    const view = document.defaultView;
    if (!view) throw new Error('sanitizeClipHtml needs a document with a window');
    purifier = createDOMPurify(view);
    // URLs: links only to the web or mail; images only from the web or inline raster data.
    purifier.addHook('uponSanitizeAttribute', (element, event) => {
      const value = event.attrValue.trim();
      if (event.attrName === 'href' && !LINK_URL.test(value)) event.keepAttr = false;
      if (event.attrName === 'src' && !(element.nodeName === 'IMG' && IMAGE_URL.test(value))) event.keepAttr = false;
    });
    purifiers.set(document, purifier);
  }
  return purifier;
}

/**
 * Returns a `<div>` holding the sanitised content. It belongs to DOMPurify's inert document, not
 * to `document`: nothing in it loads (no image requests to the clipped site) or runs.
 */
export function sanitizeClipHtml(html: string, document: Document): HTMLElement {
  const body = purifierFor(document).sanitize(html, { ...CONFIG, RETURN_DOM: true }) as HTMLElement;
  const container = body.ownerDocument.createElement('div');
  container.append(...Array.from(body.childNodes));
  return container;
}
