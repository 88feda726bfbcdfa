// Readability.js 0.6.0 puts the image of a `<noscript>` in place of the placeholder before it (lazy-loading sites),
// on every page: it copies the page's images and noscripts with `Array.from` — under jsdom that asks the collection
// its length again for every element (an update check through jsdom's proxy) — and tests each noscript for a single
// image by reading its whole text (`textContent`). On our instance the lists are copied by `slice` and the single-image
// test stops at the first text that is not white space; the rest is 0.6.0's code, so the page is changed as before. An
// instance of a version without these methods is left as it is.
import type { Readability } from '@mozilla/readability';
import { arrayOf } from './elements-under';
import { hasText } from './readability-cheaper-tests';

/** The part of Readability's internals this uses. */
interface NoscriptInternals {
  _unwrapNoscriptImages?: unknown;
  _isSingleImage?: unknown;
}

type SingleImageTest = (node: Element) => boolean;

/** An image's attribute that may hold its address (as in 0.6.0). */
const IMAGE_FILE = /\.(jpg|jpeg|png|webp)/i;
const ADDRESS_ATTRIBUTES = new Set(['src', 'srcset', 'data-src', 'data-srcset']);

/** 0.6.0's test, its "no text" part stopping at the first text that is not white space. */
function cheapSingleImage(node: Element | null | undefined): boolean {
  for (let at = node; at; at = at.children[0]) {
    if (at.tagName === 'IMG') return true;
    if (at.children.length !== 1 || hasText(at)) return false;
  }
  return false;
}

/** Whether an image has no attribute that could give it a picture: a placeholder (0.6.0's test). */
function isPlaceholder(img: Element): boolean {
  const { attributes } = img;
  for (let index = 0; index < attributes.length; index++) {
    const attribute = attributes[index];
    if (!attribute) continue;
    if (ADDRESS_ATTRIBUTES.has(attribute.name) || IMAGE_FILE.test(attribute.value)) return false;
  }
  return true;
}

/** 0.6.0's `_unwrapNoscriptImages`, its lists copied by `slice`. */
function lighterUnwrapNoscriptImages(this: { _isSingleImage: SingleImageTest }, doc: Document): void {
  // Placeholders go first, so that the next step does not put a noscript's image in place of one.
  for (const img of arrayOf(doc.getElementsByTagName('img'))) if (isPlaceholder(img)) img.remove();
  for (const noscript of arrayOf(doc.getElementsByTagName('noscript'))) {
    if (!this._isSingleImage(noscript)) continue;
    const prevElement = noscript.previousElementSibling;
    if (!prevElement || !this._isSingleImage(prevElement)) continue;
    // 0.6.0 parses the noscript's HTML again (the page's own markup, in a document that runs no script); it does so
    // before looking at the element before it, for nothing when that is not an image.
    const tmp = doc.createElement('div');
    tmp.innerHTML = noscript.innerHTML;
    const prevImg = prevElement.tagName === 'IMG' ? prevElement : prevElement.getElementsByTagName('img')[0];
    // Where 0.6.0 would find no image (it throws a TypeError), this throws the same way.
    const newImg = tmp.getElementsByTagName('img')[0] as Element;
    const { attributes } = prevImg as Element;
    for (let index = 0; index < attributes.length; index++) {
      const attribute = attributes[index];
      if (!attribute || attribute.value === '') continue;
      if (attribute.name === 'src' || attribute.name === 'srcset' || IMAGE_FILE.test(attribute.value)) {
        if (newImg.getAttribute(attribute.name) === attribute.value) continue;
        const name = newImg.hasAttribute(attribute.name) ? `data-old-${attribute.name}` : attribute.name;
        newImg.setAttribute(name, attribute.value);
      }
    }
    (noscript.parentNode as Node).replaceChild(tmp.firstElementChild as Element, prevElement);
  }
}

/** Gives this Readability instance the lighter noscript-image step where its own is 0.6.0's. */
export function withLighterNoscriptImages(reader: Readability<Element>): void {
  const internals = reader as unknown as NoscriptInternals;
  if (typeof internals._isSingleImage === 'function') internals._isSingleImage = cheapSingleImage;
  if (typeof internals._unwrapNoscriptImages === 'function' && typeof internals._isSingleImage === 'function') {
    internals._unwrapNoscriptImages = lighterUnwrapNoscriptImages;
  }
}
