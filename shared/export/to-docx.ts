/**
 * A draft as a Word document (the `docx` package): title, headings, paragraphs with bold, italic,
 * underline, strike, code and links, bullet/numbered/nested lists, task lists (☐/☑), tables (header
 * rows repeat, rows never split), images embedded at a size that fits the A4 page, clip cards as a
 * bordered block under their source line, rules — then the reference list and the optional sections.
 */
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { createTranslator } from '../i18n';
import { type Block, type Context, DocxWriter, PAGE } from './docx-writer';
import type { ExportDocument } from './export-document';
import type { DecodedImage } from './image-data';
import { createPacer, type ExportRunOptions } from './pace';
import { eachTopLevel } from './walk';

/** A picture Word can hold (PNG, JPEG, GIF, BMP). */
export interface DocxImage {
  type: 'png' | 'jpg' | 'gif' | 'bmp';
  bytes: Uint8Array;
  width: number;
  height: number;
}

export interface DocxOptions extends ExportRunOptions {
  /**
   * Turns a picture Word cannot hold (WebP, AVIF) into one it can; the browser draws it on a canvas.
   * Gets the export's signal; the export stops waiting for it the moment that aborts either way.
   */
  convertImage?: (image: DecodedImage, signal?: AbortSignal) => Promise<DocxImage | null>;
}

export async function exportToDocx(doc: ExportDocument, options: DocxOptions = {}): Promise<Uint8Array> {
  const pacer = createPacer(options);
  const writer = new DocxWriter(createTranslator(doc.language), doc, options);
  const body: Block[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.title)] })];
  const top: Context = { indent: 0, quote: false, header: false, references: false, listLevel: -1 };
  await eachTopLevel(
    doc,
    pacer,
    async (item) => {
      if (item.kind === 'section') {
        body.push(
          new Paragraph({
            heading: HeadingLevel.HEADING_1,
            keepNext: true,
            children: [new TextRun(item.section.heading)],
          }),
        );
      } else {
        body.push(...(await writer.block(item.node, { ...top, references: item.section?.kind === 'references' })));
      }
    },
    0,
    0.85,
  );
  // Packing is one synchronous step (XML and zip; docx offers no way to slice it): let the page
  // breathe right before it. A cancel that comes in meanwhile is seen by the caller right after.
  await pacer.pause(0.9);
  const document = new Document({
    creator: 'Dampingi',
    title: doc.title,
    styles: {
      default: {
        document: { run: { font: 'Calibri', size: 22 }, paragraph: { spacing: { after: 120, line: 276 } } },
      },
    },
    numbering: { config: writer.numberingConfig() },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, right: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin },
          },
        },
        children: body,
      },
    ],
  });
  const buffer = await Packer.toArrayBuffer(document);
  options.onProgress?.(1);
  return new Uint8Array(buffer);
}
