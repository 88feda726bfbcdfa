/**
 * Whether a chosen file is a Word document we can read, before anything parses it: its size, its
 * zip signature, and the parts every .docx has. Pure (bytes in, a verdict out), so it runs in the
 * reading worker and in unit tests alike.
 */
import { strFromU8, unzipSync } from 'fflate';

/** Largest .docx accepted (bytes); a lesson plan with photos is well below it. */
export const MAX_DOCX_BYTES = 15 * 1024 * 1024;

export type DocxRefusal =
  /** Over MAX_DOCX_BYTES. */
  | 'too-large'
  /** Nothing in it. */
  | 'empty'
  /** An old Word 97–2003 file (.doc): a different format; Word can save it again as .docx. */
  | 'old-word-format'
  /** Not a zip at all, or a zip without a Word document inside (another Office file, an archive). */
  | 'not-docx'
  /** A .docx that is cut off or damaged, so it cannot be read. */
  | 'damaged';

/** The parts of the package that say what the reader will not keep (see docx-features.ts). */
export interface DocxParts {
  /** word/document.xml, as text. */
  document: string;
  /** Text of word/comments.xml, word/header*.xml and word/footer*.xml, keyed by part name. */
  extra: Record<string, string>;
}

export type DocxCheck = { ok: true; parts: DocxParts } | { ok: false; reason: DocxRefusal };

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
/** Compound File Binary: the container of .doc (and other old Office files). */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const EXTRA_PART = /^word\/(comments|header\d*|footer\d*)\.xml$/;

/** What can be said from the size alone, before the bytes are read. */
export function checkDocxSize(size: number): DocxRefusal | null {
  if (size > MAX_DOCX_BYTES) return 'too-large';
  if (size === 0) return 'empty';
  return null;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((value, index) => bytes[index] === value);
}

export function checkDocxBytes(bytes: Uint8Array): DocxCheck {
  const bySize = checkDocxSize(bytes.length);
  if (bySize) return { ok: false, reason: bySize };
  if (startsWith(bytes, OLE_SIGNATURE)) return { ok: false, reason: 'old-word-format' };
  if (!startsWith(bytes, ZIP_SIGNATURE)) return { ok: false, reason: 'not-docx' };
  const names: string[] = [];
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        return file.name === 'word/document.xml' || EXTRA_PART.test(file.name);
      },
    });
  } catch {
    // fflate: no end of central directory (cut off), bad offsets, a corrupt deflate stream.
    return { ok: false, reason: 'damaged' };
  }
  if (!names.includes('[Content_Types].xml') || !names.includes('word/document.xml')) {
    return { ok: false, reason: 'not-docx' };
  }
  const document = files['word/document.xml'];
  if (!document) return { ok: false, reason: 'damaged' };
  const extra: Record<string, string> = {};
  for (const [name, data] of Object.entries(files)) {
    if (name !== 'word/document.xml') extra[name] = strFromU8(data);
  }
  return { ok: true, parts: { document: strFromU8(document), extra } };
}

/** The draft title a file name suggests: without its extension, tidied, within the title limit. */
export function titleFromFileName(name: string): string {
  const base = name
    .replace(/\.[^.]*$/, '')
    .replace(/[_]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return base.slice(0, 200);
}
