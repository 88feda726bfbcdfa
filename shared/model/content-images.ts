/**
 * Images in a draft are stored in it (data: URLs) — never hot-linked: a reader's browser must not
 * fetch a picture from a server an author chose (it tells that server who reads the draft, and
 * when). The server refuses content updates that set another source; editors and clippers fetch
 * the picture and store it instead.
 */
import * as Y from 'yjs';

/** The attribute whose value a browser fetches: the image node's `src` (no other node loads anything). */
const FETCHED_ATTRIBUTE = 'src';

const STORED_IMAGE = /^data:image\/(png|jpeg|gif|webp|avif|bmp);base64,/i;

/** A source a draft may hold: a stored picture, a page-local blob, or a path on this server. */
export function isStoredImageSource(src: unknown): boolean {
  if (typeof src !== 'string') return false;
  if (STORED_IMAGE.test(src) || src.startsWith('blob:')) return true;
  return src.startsWith('/') && !src.startsWith('//') && !src.startsWith('/\\');
}

/** The first source in these decoded update structs that a draft may not hold, or null. */
export function foreignImageSource(structs: readonly (Y.Item | Y.GC | Y.Skip)[]): string | null {
  for (const struct of structs) {
    if (!(struct instanceof Y.Item) || struct.parentSub !== FETCHED_ATTRIBUTE) continue;
    for (const value of struct.content.getContent()) {
      // A removed attribute is stored as null or undefined: nothing to fetch.
      if (value === null || value === undefined) continue;
      if (!isStoredImageSource(value)) return typeof value === 'string' ? value.slice(0, 200) : typeof value;
    }
  }
  return null;
}
