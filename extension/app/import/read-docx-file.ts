/**
 * A chosen file to a draft preview: refused early by size, read in a worker (mammoth, off the
 * page's thread), then sanitised and parsed with the draft schema on the page (that needs a DOM).
 */
import { checkDocxSize, type DocxRefusal } from '../../../shared/import/docx-file';
import { docxHtmlToDraft, type ImagePlaceholder, type ImportedDraft } from './docx-html-to-draft';
import DocxReaderWorker from './docx-reader.worker?worker';
import type { DocxReading } from './read-docx';

export type ImportRefusal =
  | DocxRefusal
  /** The browser could not read the chosen file (moved, no permission). */
  | 'unreadable-file'
  /** The reader could not be loaded or failed (e.g. its code not cached and no network). */
  | 'reader-unavailable'
  /** Read fine, but nothing in it becomes draft content. */
  | 'nothing';

export type ImportPreview = { ok: true; draft: ImportedDraft } | { ok: false; reason: ImportRefusal };

export type ReadDocxBytes = (bytes: ArrayBuffer) => Promise<DocxReading | { ok: false; reason: 'reader-unavailable' }>;

/**
 * The real reader: a worker built by Vite from docx-reader.worker.ts. Imported with `?worker`, as
 * WXT rewrites `import.meta.url` and so hides `new Worker(new URL(…, import.meta.url))` from Vite
 * (wxt-dev/wxt#2032).
 */
export const readDocxInWorker: ReadDocxBytes = (bytes) =>
  new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new DocxReaderWorker();
    } catch (error) {
      console.error('import: could not start the Word reader', error);
      resolve({ ok: false, reason: 'reader-unavailable' });
      return;
    }
    worker.onmessage = (event: MessageEvent<DocxReading>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      console.error('import: the Word reader failed', event.message);
      worker.terminate();
      resolve({ ok: false, reason: 'reader-unavailable' });
    };
    worker.postMessage(bytes, [bytes]);
  });

/** The chosen file: a File in the page (only its size and bytes are needed). */
export type ChosenFile = Pick<Blob, 'size' | 'arrayBuffer'>;

export async function readDocxFile(
  file: ChosenFile,
  document: Document,
  placeholder: ImagePlaceholder,
  read: ReadDocxBytes = readDocxInWorker,
): Promise<ImportPreview> {
  const bySize = checkDocxSize(file.size);
  if (bySize) return { ok: false, reason: bySize };
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch (error) {
    console.warn('import: could not read the chosen file', error);
    return { ok: false, reason: 'unreadable-file' };
  }
  const reading = await read(bytes);
  if (!reading.ok) return reading;
  const converted = docxHtmlToDraft(reading, document, placeholder);
  if (!converted.ok) return converted;
  if (converted.draft.content.length === 0) return { ok: false, reason: 'nothing' };
  return converted;
}
