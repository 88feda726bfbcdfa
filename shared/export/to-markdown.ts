/**
 * A draft as Markdown (CommonMark with GFM tables and task lists), through prosemirror-markdown with
 * a serializer for every node and mark of the draft schema. Images stay data URLs inside the text,
 * or become files beside it (`images/…`) for a zip.
 */
import type { Node as PMNode } from '@tiptap/pm/model';
import { defaultMarkdownSerializer, MarkdownSerializer, type MarkdownSerializerState } from 'prosemirror-markdown';
import { createTranslator, type Language } from '../i18n';
import { draftSchema } from '../model/draft-extensions';
import { clipSourceLine, type ExportDocument } from './export-document';
import { decodeDataUrl, isRasterDataUrl } from './image-data';
import { createPacer, type ExportRunOptions } from './pace';
import { eachTopLevel } from './walk';

export interface MarkdownImageFile {
  /** Path inside the zip, as the Markdown links it: `images/gambar-1.png`. */
  path: string;
  bytes: Uint8Array;
}

export interface MarkdownExport {
  markdown: string;
  /** Empty unless images were asked for as files. */
  files: MarkdownImageFile[];
}

export type MarkdownImages = 'inline' | 'files';

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/bmp': 'bmp',
};

export async function exportToMarkdown(
  doc: ExportDocument,
  options: ExportRunOptions & { images?: MarkdownImages } = {},
): Promise<MarkdownExport> {
  const pacer = createPacer(options);
  const files: MarkdownImageFile[] = [];
  const pathOf = new Map<string, string>();
  const imageSource = (src: string): string | null => {
    if (!isRasterDataUrl(src)) return null;
    if (options.images !== 'files') return src;
    const known = pathOf.get(src);
    if (known) return known;
    const image = decodeDataUrl(src);
    if (!image) return null;
    const path = `images/gambar-${files.length + 1}.${EXTENSIONS[image.type] ?? 'img'}`;
    files.push({ path, bytes: image.bytes });
    pathOf.set(src, path);
    return path;
  };
  let previous: PMNode | null = null;
  const serializer = draftMarkdownSerializer(doc.language, imageSource, () => previous);
  const schema = draftSchema();
  const blocks: string[] = [`# ${escapeLine(doc.title)}`];
  // Blocks are written one by one (to yield between them); each knows the one before it.
  await eachTopLevel(doc, pacer, (item) => {
    if (item.kind === 'section') {
      blocks.push(`## ${escapeLine(item.section.heading)}`);
      previous = null;
    } else {
      blocks.push(serializer.serialize(schema.topNodeType.create(null, item.node), { tightLists: true }));
      previous = item.node;
    }
  });
  options.onProgress?.(1);
  return { markdown: `${blocks.filter(Boolean).join('\n\n')}\n`, files };
}

/** A heading's text: Markdown characters that would change it are escaped. */
function escapeLine(text: string): string {
  return text.replace(/[\\`*_[\]#<>|]/g, '\\$&').replace(/\s+/g, ' ');
}

/**
 * The serializer for the draft schema. `imageSource` maps an image's src to what the Markdown
 * links (itself, a file path, or null: the picture is named instead of shown).
 */
export function draftMarkdownSerializer(
  language: Language,
  imageSource: (src: string) => string | null = (src) => (isRasterDataUrl(src) ? src : null),
  /** The block before a top-level one serialized on its own. */
  before: () => PMNode | null = () => null,
): MarkdownSerializer {
  const t = createTranslator(language);
  // Two lists in a row with the same marker would read back as one: alternate "-"/"*" and "."/")".
  const markers = new WeakMap<PMNode, string>();
  const marker = (node: PMNode, parent: PMNode, index: number, choices: [string, string]) => {
    const previous = index > 0 ? parent.child(index - 1) : parent.type.name === 'doc' ? before() : null;
    const used = previous ? markers.get(previous) : undefined;
    const chosen = used === choices[0] ? choices[1] : choices[0];
    markers.set(node, chosen);
    return chosen;
  };
  const base = defaultMarkdownSerializer.nodes;
  const self: MarkdownSerializer = new MarkdownSerializer(
    {
      doc: (state, node) => state.renderContent(node),
      paragraph: base.paragraph!,
      text: base.text!,
      blockquote: base.blockquote!,
      horizontalRule: (state, node) => {
        state.write('---');
        state.closeBlock(node);
      },
      heading: base.heading!,
      codeBlock: (state, node) => {
        const fence = node.textContent.match(/`{3,}/gm) ? `${'`'.repeat(4)}` : '```';
        state.write(`${fence}${node.attrs.language || ''}\n`);
        state.text(node.textContent, false);
        state.write('\n');
        state.write(fence);
        state.closeBlock(node);
      },
      bulletList: (state, node, parent, index) => {
        const bullet = marker(node, parent, index, ['-', '*']);
        state.renderList(node, '  ', () => `${bullet} `);
      },
      orderedList: (state, node, parent, index) => {
        const delimiter = marker(node, parent, index, ['.', ')']);
        const start = Number(node.attrs.start) || 1;
        const width = String(start + node.childCount - 1).length;
        const space = ' '.repeat(width + 2);
        state.renderList(node, space, (index) => {
          const number = String(start + index);
          return `${' '.repeat(width - number.length)}${number}${delimiter} `;
        });
      },
      listItem: (state, node) => state.renderContent(node),
      taskList: (state, node, parent, index) => {
        const bullet = marker(node, parent, index, ['-', '*']);
        state.renderList(node, '  ', () => `${bullet} `);
      },
      taskItem: (state, node) => {
        state.write(node.attrs.checked ? '[x] ' : '[ ] ');
        state.renderContent(node);
      },
      hardBreak: base.hard_break!,
      image: (state, node) => {
        const alt = String(node.attrs.alt ?? '');
        const src = imageSource(String(node.attrs.src ?? ''));
        if (!src) {
          state.write(state.esc(t('export.doc.imageLeftOut', { name: alt || t('export.doc.image') })));
        } else {
          const title = node.attrs.title ? ` "${String(node.attrs.title).replace(/"/g, '\\"')}"` : '';
          state.write(`![${state.esc(alt)}](${src.replace(/[()\s]/g, (c) => encodeURIComponent(c))}${title})`);
        }
        state.closeBlock(node);
      },
      table: (state, node) => writeTable(state, node, self),
      tableRow: () => {},
      tableCell: () => {},
      tableHeader: () => {},
      clip: (state, node) => {
        const line = clipSourceLine(node.attrs, language);
        state.wrapBlock('> ', null, node, () => {
          const title = line.url
            ? `[${state.esc(line.title)}](${line.url.replace(/[()]/g, '\\$&')})`
            : state.esc(line.title);
          const rest = [line.site, line.url && line.url !== line.title ? `<${line.url}>` : null, line.captured]
            .filter(Boolean)
            .map((part) => (part?.startsWith('<') ? part : state.esc(part ?? '')));
          state.write(`**${state.esc(line.label)}:** ${[title, ...rest].join(' · ')}`);
          state.closeBlock(node);
          state.renderContent(node);
        });
      },
    },
    {
      bold: defaultMarkdownSerializer.marks.strong!,
      italic: defaultMarkdownSerializer.marks.em!,
      code: defaultMarkdownSerializer.marks.code!,
      link: defaultMarkdownSerializer.marks.link!,
      strike: { open: '~~', close: '~~', mixable: true, expelEnclosingWhitespace: true },
      // Markdown has no underline; the text stays, plain.
      underline: { open: '', close: '' },
    },
    { hardBreakNodeName: 'hardBreak', strict: true },
  );
  return self;
}

/** A GFM table: the first row is its header; a cell's blocks are joined with <br>, pipes escaped. */
function writeTable(state: MarkdownSerializerState, table: PMNode, serializer: MarkdownSerializer): void {
  const schema = draftSchema();
  const rows: string[][] = [];
  table.forEach((row) => {
    const cells: string[] = [];
    row.forEach((cell) => {
      const text = serializer
        .serialize(schema.topNodeType.create(null, cell.content), { tightLists: true })
        .trim()
        .replace(/\|/g, '\\|')
        .replace(/\n+/g, '<br>');
      cells.push(text || ' ');
      // A merged cell takes the room of several: GFM has no spans, so the others stay empty.
      for (let extra = 1; extra < (Number(cell.attrs.colspan) || 1); extra += 1) cells.push(' ');
    });
    rows.push(cells);
  });
  const width = Math.max(1, ...rows.map((row) => row.length));
  const line = (cells: string[]) =>
    `| ${Array.from({ length: width }, (_, index) => cells[index] ?? ' ').join(' | ')} |`;
  const [head = [], ...body] = rows;
  const lines = [line(head), line(Array.from({ length: width }, () => '---')), ...body.map(line)];
  for (const [index, text] of lines.entries()) {
    if (index) state.ensureNewLine();
    state.write(text);
  }
  state.closeBlock(table);
}
