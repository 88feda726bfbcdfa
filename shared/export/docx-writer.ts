/**
 * Writes a draft's blocks as Word paragraphs and tables (the `docx` package): headings, paragraphs
 * with marks and links, nested lists with their numbering, task lists (☐/☑), tables (header rows
 * repeat, rows never split), pictures fitted to the A4 page, clip cards as a bordered block under
 * their source line. ./to-docx.ts assembles the document around them.
 */
import type { Node as PMNode } from '@tiptap/pm/model';
import {
  AlignmentType,
  BorderStyle,
  ExternalHyperlink,
  HeadingLevel,
  type ILevelsOptions,
  ImageRun,
  type IParagraphOptions,
  LevelFormat,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Translate } from '../i18n';
import { clipSourceLine, type ExportDocument } from './export-document';
import { decodeDataUrl, fitImage } from './image-data';
import { untilAborted } from './pace';
import type { DocxImage, DocxOptions } from './to-docx';
import { safeLink } from './to-html';

// A4 with 2 cm margins, in twentieths of a point; 15 twips make a CSS pixel.
export const PAGE = { width: 11906, height: 16838, margin: 1134 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
const INDENT = 720;
const MAX_IMAGE_HEIGHT_PX = 820;
const ACCENT = '1D5F8A';
const SOFT = '52606D';
const MONO = 'Courier New';

const WORD_TYPES: Record<string, DocxImage['type']> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/bmp': 'bmp',
};

export interface Context {
  indent: number;
  quote: boolean;
  header: boolean;
  references: boolean;
  listLevel: number;
}

export type Block = Paragraph | Table;

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

const BULLETS = ['•', '◦', '▪'];

export class DocxWriter {
  private readonly orderedStarts = new Set<number>();
  private instances = 0;

  constructor(
    private readonly t: Translate,
    private readonly doc: ExportDocument,
    private readonly options: DocxOptions,
  ) {}

  /** One list definition for bullets and one per start number for numbered lists, nine levels each. */
  numberingConfig(): { reference: string; levels: ILevelsOptions[] }[] {
    const levels = (format: (level: number) => Omit<ILevelsOptions, 'level'>) =>
      Array.from({ length: 9 }, (_, level) => ({
        level,
        alignment: AlignmentType.LEFT,
        style: { paragraph: { indent: { left: INDENT * (level + 1), hanging: 360 } } },
        ...format(level),
      }));
    const formats = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN] as const;
    return [
      {
        reference: 'bullets',
        levels: levels((level) => ({ format: LevelFormat.BULLET, text: BULLETS[level % BULLETS.length] })),
      },
      ...[...this.orderedStarts].map((start) => ({
        reference: `numbers-${start}`,
        levels: levels((level) => ({
          format: formats[level % formats.length],
          text: `%${level + 1}.`,
          start: level === 0 ? start : 1,
        })),
      })),
    ];
  }

  async blocks(node: PMNode, context: Context): Promise<Block[]> {
    const out: Block[] = [];
    for (let index = 0; index < node.childCount; index += 1)
      out.push(...(await this.block(node.child(index), context)));
    return out;
  }

  private paragraph(context: Context, options: IParagraphOptions): Paragraph {
    return new Paragraph({
      ...options,
      indent:
        options.indent ??
        (context.references
          ? { left: INDENT, hanging: INDENT }
          : context.indent
            ? { left: context.indent }
            : undefined),
      border: context.quote ? { left: { style: BorderStyle.SINGLE, size: 18, color: ACCENT, space: 8 } } : undefined,
    });
  }

  async block(node: PMNode, context: Context): Promise<Block[]> {
    const attrs = node.attrs as Record<string, unknown>;
    switch (node.type.name) {
      case 'paragraph':
        return [this.paragraph(context, { children: this.inline(node, context) })];
      case 'heading': {
        const level = Math.min(6, Math.max(1, Number(attrs.level) || 1));
        return [
          this.paragraph(context, {
            heading: HEADINGS[level - 1],
            keepNext: true,
            keepLines: true,
            children: this.inline(node, context),
          }),
        ];
      }
      case 'blockquote':
        return this.blocks(node, { ...context, quote: true, indent: context.indent + 240 });
      case 'clip':
        return [
          this.clipSource(node, context),
          ...(await this.blocks(node, { ...context, quote: true, indent: context.indent + 240 })),
        ];
      case 'codeBlock':
        return [
          this.paragraph(context, {
            shading: { type: ShadingType.CLEAR, fill: 'F4F6F8', color: 'auto' },
            children: node.textContent
              .split('\n')
              .map((line, index) => new TextRun({ text: line, font: MONO, size: 20, break: index ? 1 : undefined })),
          }),
        ];
      case 'horizontalRule':
        return [
          this.paragraph(context, {
            border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'A0A8B2', space: 1 } },
            children: [],
          }),
        ];
      case 'bulletList':
      case 'orderedList':
      case 'taskList':
        return this.list(node, context);
      case 'table':
        return this.table(node, context);
      case 'image':
        return [await this.image(attrs, context)];
      default:
        return node.isTextblock
          ? [this.paragraph(context, { children: this.inline(node, context) })]
          : this.blocks(node, context);
    }
  }

  private clipSource(node: PMNode, context: Context): Paragraph {
    const line = clipSourceLine(node.attrs, this.doc.language);
    const small = { size: 18, color: SOFT };
    const href = safeLink(line.url);
    const rest = [line.site, href && line.url !== line.title ? line.url : null, line.captured].filter(Boolean);
    return this.paragraph(
      { ...context, quote: true, indent: context.indent + 240 },
      {
        keepNext: true,
        shading: { type: ShadingType.CLEAR, fill: 'E3EEF6', color: 'auto' },
        children: [
          new TextRun({ text: `${line.label}: `, bold: true, ...small }),
          href
            ? new ExternalHyperlink({
                link: href,
                children: [new TextRun({ text: line.title, style: 'Hyperlink', size: 18 })],
              })
            : new TextRun({ text: line.title, ...small }),
          ...(rest.length ? [new TextRun({ text: ` · ${rest.join(' · ')}`, ...small })] : []),
        ],
      },
    );
  }

  private async list(list: PMNode, context: Context): Promise<Block[]> {
    const level = Math.min(8, context.listLevel + 1);
    const kind = list.type.name;
    let numbering: IParagraphOptions['numbering'];
    if (kind === 'orderedList') {
      const start = Math.max(0, Number(list.attrs.start) || 1);
      this.orderedStarts.add(start);
      numbering = { reference: `numbers-${start}`, level, instance: ++this.instances };
    } else if (kind === 'bulletList') {
      numbering = { reference: 'bullets', level };
    }
    const inner: Context = { ...context, listLevel: level, indent: INDENT * (level + 1) };
    const out: Block[] = [];
    for (let index = 0; index < list.childCount; index += 1) {
      const item = list.child(index);
      for (let child = 0; child < item.childCount; child += 1) {
        const part = item.child(child);
        if (child === 0 && part.type.name === 'paragraph') {
          const runs = this.inline(part, context);
          if (kind === 'taskList') {
            const box = item.attrs.checked ? '☑' : '☐';
            out.push(
              this.paragraph(context, {
                indent: { left: INDENT * (level + 1), hanging: 360 },
                children: [new TextRun(`${box}\t`), ...runs],
                tabStops: [{ type: 'left', position: INDENT * (level + 1) }],
              }),
            );
          } else {
            // The list definition indents the item; its own indent would override it.
            out.push(this.paragraph({ ...context, indent: 0, references: false }, { numbering, children: runs }));
          }
        } else {
          out.push(...(await this.block(part, inner)));
        }
      }
    }
    return out;
  }

  private async table(table: PMNode, context: Context): Promise<Block[]> {
    let columns = 0;
    table.firstChild?.forEach((cell) => {
      columns += Number(cell.attrs.colspan) || 1;
    });
    columns = Math.max(1, columns);
    const width = TEXT_WIDTH - context.indent;
    const columnWidth = Math.floor(width / columns);
    const cellContext: Context = { ...context, indent: 0, quote: false, listLevel: -1 };
    const rows: TableRow[] = [];
    for (let r = 0; r < table.childCount; r += 1) {
      const row = table.child(r);
      const cells: TableCell[] = [];
      let allHeaders = row.childCount > 0;
      for (let c = 0; c < row.childCount; c += 1) {
        const cell = row.child(c);
        const header = cell.type.name === 'tableHeader';
        allHeaders &&= header;
        const children = await this.blocks(cell, { ...cellContext, header });
        // Word wants a paragraph last in every cell.
        if (!children.length || children[children.length - 1] instanceof Table) children.push(new Paragraph({}));
        cells.push(
          new TableCell({
            children,
            columnSpan: Number(cell.attrs.colspan) > 1 ? Number(cell.attrs.colspan) : undefined,
            rowSpan: Number(cell.attrs.rowspan) > 1 ? Number(cell.attrs.rowspan) : undefined,
            shading: header ? { type: ShadingType.CLEAR, fill: 'EEF2F6', color: 'auto' } : undefined,
            margins: { top: 60, bottom: 60, left: 100, right: 100 },
          }),
        );
      }
      rows.push(
        new TableRow({ children: cells, cantSplit: true, tableHeader: allHeaders && r === 0 ? true : undefined }),
      );
    }
    if (!rows.length) return [];
    return [
      new Table({
        rows,
        width: { size: width, type: WidthType.DXA },
        columnWidths: Array.from({ length: columns }, () => columnWidth),
        indent: context.indent ? { size: context.indent, type: WidthType.DXA } : undefined,
      }),
      // Two tables in a row would merge into one in Word.
      new Paragraph({ spacing: { after: 0 }, children: [] }),
    ];
  }

  private async image(attrs: Record<string, unknown>, context: Context): Promise<Paragraph> {
    const alt = typeof attrs.alt === 'string' ? attrs.alt : '';
    const decoded = decodeDataUrl(attrs.src);
    let picture: DocxImage | null = null;
    const wordType = decoded ? WORD_TYPES[decoded.type] : undefined;
    if (decoded && wordType && decoded.width && decoded.height) {
      picture = { type: wordType, bytes: decoded.bytes, width: decoded.width, height: decoded.height };
    } else if (decoded && this.options.convertImage) {
      // Decoding a picture is the browser's, not ours to slice: a cancel must not wait for it.
      picture = await untilAborted(this.options.convertImage(decoded, this.options.signal), this.options.signal);
    }
    if (!picture) {
      return this.paragraph(context, {
        children: [
          new TextRun({
            text: this.t('export.doc.imageLeftOut', { name: alt || this.t('export.doc.image') }),
            italics: true,
            color: SOFT,
          }),
        ],
      });
    }
    const size = fitImage(picture, attrs, {
      maxWidth: Math.floor((TEXT_WIDTH - context.indent - (context.quote ? 300 : 0)) / 15),
      maxHeight: MAX_IMAGE_HEIGHT_PX,
    });
    return this.paragraph(context, {
      keepLines: true,
      children: [
        new ImageRun({
          type: picture.type,
          data: picture.bytes,
          transformation: size,
          altText: {
            name: alt || 'image',
            description: alt,
            title: typeof attrs.title === 'string' ? attrs.title : alt,
          },
        }),
      ],
    });
  }

  private inline(node: PMNode, context: Context): ParagraphChild[] {
    const runs: ParagraphChild[] = [];
    node.forEach((child) => {
      if (child.type.name === 'hardBreak') {
        runs.push(new TextRun({ break: 1 }));
        return;
      }
      if (!child.isText || !child.text) return;
      const has = (name: string) => child.marks.some((mark) => mark.type.name === name);
      const link = child.marks.find((mark) => mark.type.name === 'link');
      const href = link ? safeLink(link.attrs.href) : null;
      const run = new TextRun({
        text: child.text,
        bold: has('bold') || context.header || undefined,
        italics: has('italic') || undefined,
        underline: has('underline') ? {} : undefined,
        strike: has('strike') || undefined,
        font: has('code') ? MONO : undefined,
        style: href ? 'Hyperlink' : undefined,
      });
      runs.push(href ? new ExternalHyperlink({ link: href, children: [run] }) : run);
    });
    return runs;
  }
}
