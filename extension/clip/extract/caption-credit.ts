// A photo credit at the end of a caption ("… im Überblick. (Foto: Getty)", "… Nicklaus. | © Kevin C. Cox/Getty
// Images", "… de la Paz (REUTERS/Denis Balibouse)"): the caption stays, the credit goes. Only in a caption — a
// figcaption, a block in a figure, or a block right after a picture — where such a tail names who took the picture;
// at the end of a paragraph of prose "(Quelle: …)" may be the source of a figure the text quotes.

import type { EditLog } from './edit-log';
import { closestByTag, hasElementByTag } from './elements-under';

/** What comes before a credit: a sentence's end, a bar or dash, a comma, or a space before its bracket. */
const BEFORE = String.raw`(?:(?<=[.!?])\s+|\s*[|–—]\s*|,\s+|\s+(?=\())`;
/** Who: a few words at most, no sentence of their own. */
const WHO = '[^()|:.!?]{2,60}?';
/** "(Foto: Getty)", ". Imagen: Télam", ", photo: Archives …", "(Quelle: Fleischmann/Unsplash/DJV)", "(Sumber foto: Antara)". */
const LABELLED = new RegExp(
  String.raw`${BEFORE}\(?(?:photos?|photographs?|fotos?|bild|bilder|images?|imagen|immagine|pictures?|gambar|credits?|crédits?|crédito|quelle|fuente|source|sumber|zdjęcie)(?:\s+(?:by|von|de|di|oleh|par|foto|photo|gambar))?\s*:\s*${WHO}\)?\s*$`,
  'iu',
);
/** "| © Kevin C. Cox/Getty Images", "(© dpa)", ". © AFP / MARCO BERTORELLO". */
const COPYRIGHT = new RegExp(String.raw`${BEFORE}\(?©\s*[^©()|]{2,60}?\)?\s*$`, 'u');
/** "(REUTERS/Denis Balibouse)", "(AFP/Getty)": an agency in capitals, a slash, a name, in brackets. */
const AGENCY = /\s*\(\p{Lu}{2,}[\p{L}.]*\s*\/\s*[^()|]{2,60}\)\s*$/u;
/** A cheap first look: every credit above has one of these. */
const HINT = /[©:/]/;
const MAX_WORDS = 7;
/**
 * A photo credit as photographer and agency ("Judy Eddy/WENN.com", "AFP / MARCO BERTORELLO"): capitalised names
 * joined by slashes, nothing else. Only read inside a figure: elsewhere it could be a heading.
 */
const NAME = "\\p{Lu}[\\p{L}.'&-]*(\\s+\\p{Lu}[\\p{L}.'&-]*){0,3}";
const SLASH_CREDIT = new RegExp(`^\\(?©?\\s*${NAME}(\\s*\\/\\s*${NAME}){1,3}\\)?$`, 'u');
const PICTURES = new Set(['IMG', 'PICTURE']);
const FIGURE = new Set(['FIGURE']);

/** Where a credit begins in `text` (its last text), or -1. */
export function trailingCreditStart(text: string): number {
  if (!HINT.test(text)) return -1;
  for (const pattern of [LABELLED, COPYRIGHT, AGENCY]) {
    const match = pattern.exec(text);
    if (match && match[0].trim().split(/\s+/).length <= MAX_WORDS) return match.index;
  }
  return -1;
}

/** A block or inline in a figure that is only a "Name/Agency" credit. The pattern first: the figure costs a walk up. */
export function isFigureCredit(element: Element, text: string): boolean {
  return text.length <= 80 && SLASH_CREDIT.test(text) && closestByTag(element, FIGURE) !== null;
}

/** A figcaption, a block in a figure, or a block that follows a picture (its own previous sibling or its parent's). */
function isCaption(element: Element): boolean {
  if (element.tagName.toUpperCase() === 'FIGCAPTION' || closestByTag(element, FIGURE)) return true;
  for (let node: Element | null = element; node; node = node.parentElement) {
    const before = node.previousElementSibling;
    if (before) return PICTURES.has(before.tagName.toUpperCase()) || hasElementByTag(before, PICTURES);
  }
  return false;
}

function textNodes(element: Element): Text[] {
  const walker = element.ownerDocument.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/**
 * Strips a credit from the end of a caption, across the texts it is made of ("… | <small>© MDV Sports</small>").
 * True when the caption was nothing but the credit (". Imagen: Télam"): the caller removes it.
 */
export function stripCaptionCredit(element: Element, text: string, edits: EditLog): boolean {
  if (trailingCreditStart(text) < 0 || !isCaption(element)) return false;
  const nodes = textNodes(element);
  const whole = nodes.map((node) => node.nodeValue ?? '').join('');
  const start = trailingCreditStart(whole.trimEnd());
  if (start < 0) return false;
  let offset = 0;
  for (const node of nodes) {
    const value = node.nodeValue ?? '';
    if (offset + value.length > start)
      edits.setText(node, offset >= start ? '' : value.slice(0, start - offset).trimEnd());
    offset += value.length;
  }
  return !/\p{L}/u.test(element.textContent ?? '');
}
