/**
 * One export as the dialog asks for it: read the draft (and, if chosen, its feedback and plan) from
 * the local documents — so it works offline — convert in slices that leave the page responsive,
 * then hand the file to the browser's download. Cancelling or failing are outcomes, not exceptions.
 */
import type * as Y from 'yjs';
import { exportFromDocs } from '../../../shared/export/export-document';
import { exportFileName } from '../../../shared/export/file-name';
import { markdownZip } from '../../../shared/export/markdown-zip';
import { isAbortError, untilAborted, yieldToEventLoop } from '../../../shared/export/pace';
import { exportToDocx } from '../../../shared/export/to-docx';
import { exportToHtml } from '../../../shared/export/to-html';
import { exportToMarkdown } from '../../../shared/export/to-markdown';
import type { Language } from '../../../shared/i18n';
import type { DraftVersion } from '../../../shared/model/audience';
import { canvasImageConverter } from './canvas-image';
import { downloadFile } from './download';

export type ExportFormatChoice = 'docx' | 'html' | 'markdown';
export type MarkdownImagesChoice = 'inline' | 'zip';

export interface ExportRequest {
  draft: Y.Doc;
  feedback: Y.Doc | null;
  title: string;
  language: Language;
  format: ExportFormatChoice;
  markdownImages: MarkdownImagesChoice;
  includeFeedback: boolean;
  includePlan: boolean;
  /** 'student' leaves out the teacher-only parts; default 'teacher'. */
  version?: DraftVersion;
}

export type ExportOutcome =
  | { ok: true; fileName: string; bytes: number }
  | { ok: false; reason: 'cancelled' }
  | { ok: false; reason: 'failed'; detail: string };

/** How long the page stays responsive between making the file and saving it; too short to notice. */
export const CANCEL_GRACE_MS = 250;

const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html;charset=utf-8',
  md: 'text/markdown;charset=utf-8',
  zip: 'application/zip',
} as const;

/** Makes the file for `request` and returns it with its name, without downloading it. */
export async function makeExportFile(
  request: ExportRequest,
  win: Window,
  run: { signal?: AbortSignal; onProgress?: (fraction: number) => void },
): Promise<{ blob: Blob; fileName: string }> {
  const doc = exportFromDocs(request.draft, request.feedback, request);
  const fallback = request.language === 'id' ? 'draf' : 'draft';
  if (request.format === 'docx') {
    const bytes = await exportToDocx(doc, { ...run, convertImage: canvasImageConverter(win) });
    return {
      blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: MIME.docx }),
      fileName: exportFileName(doc.title, 'docx', fallback),
    };
  }
  if (request.format === 'html') {
    const html = await exportToHtml(doc, run);
    return { blob: new Blob([html], { type: MIME.html }), fileName: exportFileName(doc.title, 'html', fallback) };
  }
  const zip = request.markdownImages === 'zip';
  const markdown = await exportToMarkdown(doc, { ...run, images: zip ? 'files' : 'inline' });
  const mdName = exportFileName(doc.title, 'md', fallback);
  if (!zip) return { blob: new Blob([markdown.markdown], { type: MIME.md }), fileName: mdName };
  const bytes = markdownZip(markdown, mdName);
  return {
    blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: MIME.zip }),
    fileName: exportFileName(doc.title, 'zip', fallback),
  };
}

/**
 * Makes the file and saves it, unless `run.signal` aborts first: then nothing is saved, whatever
 * step the conversion was in, and the outcome is 'cancelled' at once.
 */
export async function runExport(
  request: ExportRequest,
  win: Window,
  run: { signal?: AbortSignal; onProgress?: (fraction: number) => void },
): Promise<ExportOutcome> {
  try {
    const { blob, fileName } = await untilAborted(makeExportFile(request, win, run), run.signal);
    // The last step (packing) is one long task: a click on "Batalkan ekspor" pressed during it is
    // still queued, and its mousedown and mouseup may come in one after the other. Let them in
    // before saving, or the file would be saved under the user's cancel.
    await untilAborted(yieldToEventLoop(CANCEL_GRACE_MS), run.signal);
    if (run.signal?.aborted) return { ok: false, reason: 'cancelled' };
    downloadFile(win, blob, fileName);
    return { ok: true, fileName, bytes: blob.size };
  } catch (error) {
    if (isAbortError(error) || run.signal?.aborted) return { ok: false, reason: 'cancelled' };
    console.error('dampingi export failed', { format: request.format, error });
    return { ok: false, reason: 'failed', detail: error instanceof Error ? error.message : String(error) };
  }
}
