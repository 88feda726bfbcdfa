/**
 * Reads a .docx into HTML with mammoth, without a DOM (it runs in a worker so the page never
 * freezes): checks the package first, keeps images only when their bytes are a raster image within
 * the limits, and lists what mammoth and the checks could not keep.
 */

import { addDocxFeatures } from '../../../shared/import/docx-features';
import { checkDocxBytes, type DocxRefusal } from '../../../shared/import/docx-file';
import { MAX_IMPORTED_IMAGE_BYTES } from '../../../shared/import/imported-content';
import {
  addReaderMessages,
  collectNotKept,
  type NotKeptItem,
  type ReaderMessage,
} from '../../../shared/import/not-kept';
import { storedImageFromBytes } from '../../clip/stored-image';

/** The part of mammoth's API used here (its browser build and its Node build both have it). */
export interface DocxReader {
  convertToHtml(
    input: { arrayBuffer: ArrayBuffer },
    options: { styleMap: string[]; convertImage: unknown },
  ): Promise<{ value: string; messages: ReaderMessage[] }>;
  images: {
    imgElement(
      convert: (image: {
        contentType: string;
        altText?: string;
        readAsArrayBuffer(): Promise<ArrayBuffer>;
      }) => Promise<Record<string, string>>,
    ): unknown;
  };
}

export type RefusedImageReason = 'too-large' | 'unknown-type' | 'over-total';

/**
 * Refused images reach the HTML stage as `<img alt="<prefix><reason>:<their alt text>">`; it puts a
 * note in their place.
 */
export const REFUSED_IMAGE_ALT = 'dampingi-refused-image:';

/**
 * Kept images reach the HTML stage as `<img src="<prefix><index>">` and their data URLs apart: the
 * page's sanitiser and parser then handle a small HTML string, not megabytes of base64.
 */
export const IMAGE_REF = 'https://dampingi.invalid/imported-image/';

export type DocxReading =
  | { ok: true; html: string; images: string[]; notKept: NotKeptItem[] }
  | { ok: false; reason: DocxRefusal };

/**
 * Mammoth's default map, plus underline (the draft has it) and Word's title styles as headings, so
 * a document's title is neither lost nor reported as an unknown style.
 */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh", 'u => u'];

/** 'image/x-emf' → 'EMF': what a teacher may recognise from Word. */
function imageTypeName(contentType: string): string {
  const subtype = contentType.split('/')[1] ?? contentType;
  return subtype
    .replace(/^x-/, '')
    .replace(/\+xml$/, '')
    .toUpperCase();
}

export async function readDocx(bytes: ArrayBuffer, mammoth: DocxReader): Promise<DocxReading> {
  const checked = checkDocxBytes(new Uint8Array(bytes));
  if (!checked.ok) return checked;
  const notKept = collectNotKept();
  addDocxFeatures(notKept, checked.parts);
  let keptImageBytes = 0;
  const images: string[] = [];
  const convertImage = mammoth.images.imgElement(async (image) => {
    const refuse = (reason: RefusedImageReason) => ({
      src: '',
      alt: `${REFUSED_IMAGE_ALT}${reason}:${image.altText ?? ''}`,
    });
    const stored = storedImageFromBytes(new Uint8Array(await image.readAsArrayBuffer()));
    if (!stored.ok && stored.problem === 'too-large') {
      notKept.add('image-too-large');
      return refuse('too-large');
    }
    if (!stored.ok) {
      notKept.add('image-unknown-type', imageTypeName(image.contentType));
      return refuse('unknown-type');
    }
    if (keptImageBytes + stored.bytes > MAX_IMPORTED_IMAGE_BYTES) {
      notKept.add('images-over-total');
      return refuse('over-total');
    }
    keptImageBytes += stored.bytes;
    images.push(stored.dataUrl);
    return { src: `${IMAGE_REF}${images.length - 1}` };
  });
  try {
    const result = await mammoth.convertToHtml({ arrayBuffer: bytes }, { styleMap: STYLE_MAP, convertImage });
    addReaderMessages(notKept, result.messages);
    return { ok: true, html: result.value, images, notKept: notKept.list() };
  } catch (error) {
    // The package looked right but its XML could not be read: a damaged file, not a bug of ours.
    console.warn('import: mammoth could not read the document', error);
    return { ok: false, reason: 'damaged' };
  }
}
