/**
 * A lesson-plan draft with every kind of block the draft schema has (headings, marks, links, nested
 * lists, a task list, a table, a picture, a clip card), as real Y.Docs, plus what tests compare
 * an export against: the draft's text blocks in order, its headings and its list structure.
 */
import type { Node as PMNode } from '@tiptap/pm/model';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import MarkdownIt from 'markdown-it';
import { MarkdownParser } from 'prosemirror-markdown';
import * as Y from 'yjs';
import { clipSourceLine, clipSourceText } from '../../shared/export/export-document';
import type { Language } from '../../shared/i18n';
import { addAction } from '../../shared/mentoring/cycle-doc';
import { addReply, addThread } from '../../shared/mentoring/threads';
import { draftFragment } from '../../shared/model/draft-doc';
import { draftSchema } from '../../shared/model/draft-extensions';
import { pngBytes } from '../fixtures/png';

export { pngBytes };

export function pngDataUrl(width: number, height: number): string {
  return `data:image/png;base64,${pngBytes(width, height).toString('base64')}`;
}

// ---- the draft ----

const text = (value: string, marks?: { type: string; attrs?: Record<string, unknown> }[]) => ({
  type: 'text',
  text: value,
  ...(marks ? { marks } : {}),
});
const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content });
const item = (value: string, ...nested: unknown[]) => ({
  type: 'listItem',
  content: [paragraph(text(value)), ...nested],
});
const cell = (type: 'tableHeader' | 'tableCell', value: string) => ({ type, content: [paragraph(text(value))] });

export const CLIP_URL = 'https://ruangguru.example/artikel/pecahan-senilai';
export const LINK_URL = 'https://kemdikbud.example/media-konkret';
export const IMAGE = pngDataUrl(160, 100);

export const LESSON_JSON = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [text('Tujuan Pembelajaran')] },
    paragraph(
      text('Siswa dapat '),
      text('membandingkan', [{ type: 'bold' }]),
      text(' pecahan '),
      text('senilai', [{ type: 'italic' }]),
      text(' dengan '),
      text('media konkret', [{ type: 'link', attrs: { href: LINK_URL } }]),
      text('.'),
    ),
    { type: 'heading', attrs: { level: 2 }, content: [text('Langkah Kegiatan')] },
    {
      type: 'orderedList',
      attrs: { start: 1 },
      content: [
        item('Guru membagikan kertas lipat.', {
          type: 'bulletList',
          content: [item('Kertas merah untuk ½'), item('Kertas biru untuk ²⁄₄')],
        }),
        item('Siswa melipat kertas menjadi dua bagian sama besar.'),
      ],
    },
    { type: 'bulletList', content: [item('Alat: gunting dan lem')] },
    {
      type: 'taskList',
      content: [
        { type: 'taskItem', attrs: { checked: true }, content: [paragraph(text('Siapkan kertas lipat'))] },
        { type: 'taskItem', attrs: { checked: false }, content: [paragraph(text('Cetak LKPD untuk 28 siswa'))] },
      ],
    },
    { type: 'heading', attrs: { level: 2 }, content: [text('Pengamatan Kelompok')] },
    {
      type: 'table',
      content: [
        { type: 'tableRow', content: [cell('tableHeader', 'Kelompok'), cell('tableHeader', 'Pecahan')] },
        { type: 'tableRow', content: [cell('tableCell', 'Kelompok A'), cell('tableCell', '1/2')] },
        { type: 'tableRow', content: [cell('tableCell', 'Kelompok B'), cell('tableCell', '2/4')] },
      ],
    },
    { type: 'image', attrs: { src: IMAGE, alt: 'Potongan kertas lipat', title: null } },
    {
      type: 'clip',
      attrs: {
        clipId: 'clip-1',
        kind: 'article',
        sourceTitle: 'Mengenal Pecahan Senilai Lewat Kue Lapis',
        sourceUrl: CLIP_URL,
        siteName: 'Ruang Guru Kita',
        author: 'Dewi Lestari',
        publishedAt: '2025-09-02T08:00:00+08:00',
        capturedAt: '2026-01-12T03:00:00.000Z',
      },
      content: [paragraph(text('Pecahan senilai adalah pecahan yang nilainya sama walau angkanya berbeda.'))],
    },
    { type: 'horizontalRule' },
    { type: 'blockquote', content: [paragraph(text('Belajar dari benda yang dekat dengan siswa.'))] },
    paragraph(text('Catatan penutup: waktu 2 × 35 menit.')),
  ],
};

export const LESSON_TITLE = 'LKPD Pecahan Senilai — Kelas IV';

const teacher = { id: 'user-sari', name: 'Bu Sari' };
const mentor = { id: 'user-budi', name: 'Pak Budi' };

/** The draft's content and feedback documents as the editor would have them. */
export function lessonDocs(): { draft: Y.Doc; feedback: Y.Doc } {
  const draft = new Y.Doc();
  prosemirrorJSONToYXmlFragment(draftSchema(), LESSON_JSON, draftFragment(draft));
  const feedback = new Y.Doc();
  const anchor = { start: 'AA==', end: 'AA==', prefix: '', suffix: '' };
  addThread(
    feedback,
    { kind: 'strength', anchor: { ...anchor, quote: 'media konkret' }, body: 'Bagus, siswa memegang bendanya.' },
    mentor,
    new Date('2026-01-13T02:00:00Z'),
    'thread-1',
  );
  addReply(feedback, 'thread-1', 'Terima kasih, saya pertahankan.', teacher, new Date('2026-01-13T03:00:00Z'));
  addThread(
    feedback,
    {
      kind: 'improvement',
      anchor: { ...anchor, quote: 'dua bagian sama besar' },
      body: 'Tambahkan gambar contoh lipatan.',
    },
    mentor,
    new Date('2026-01-13T02:05:00Z'),
    'thread-2',
  );
  addAction(
    feedback,
    { what: 'Tambahkan gambar contoh lipatan di langkah 2', who: 'Bu Sari', due: '2026-02-01', links: [] },
    teacher,
    new Date('2026-01-14T02:00:00Z'),
    '6f1c2a4e-8b7d-4c1e-9a55-3e2f1d0c9b8a',
  );
  addAction(
    feedback,
    { what: 'Uji coba ulang di kelas IV B', who: 'Bu Sari', due: '2099-03-01', links: [] },
    teacher,
    new Date('2026-01-14T02:05:00Z'),
    '7a2d3b5f-9c8e-4d2f-8b66-4f3e2e1dac9b',
  );
  return { draft, feedback };
}

// ---- what an export must keep ----

/** Text blocks in document order; a clip contributes its source line first. */
export function textBlocks(doc: PMNode, language: Language): string[] {
  const blocks: string[] = [];
  doc.descendants((node) => {
    if (node.type.name === 'clip') blocks.push(clipSourceText(clipSourceLine(node.attrs, language)));
    if (node.isTextblock) {
      blocks.push(normalise(node.textContent));
      return false;
    }
    return true;
  });
  return blocks.filter(Boolean);
}

export function headings(doc: PMNode): string[] {
  const found: string[] = [];
  doc.descendants((node) => {
    if (node.type.name === 'heading') found.push(`h${node.attrs.level} ${node.textContent}`);
    return !node.isTextblock;
  });
  return found;
}

/** Lists as nested text: "ol[Guru…, ul[Kertas merah…, Kertas biru…], Siswa…]". */
export interface ListShape {
  type: 'ul' | 'ol';
  items: { text: string; lists: ListShape[] }[];
}

export function listShapes(doc: PMNode): ListShape[] {
  const shapes: ListShape[] = [];
  const walk = (node: PMNode, into: ListShape[]) => {
    if (node.type.name === 'bulletList' || node.type.name === 'orderedList') {
      into.push({
        type: node.type.name === 'bulletList' ? 'ul' : 'ol',
        items: (node.content.content as PMNode[]).map((li) => {
          const lists: ListShape[] = [];
          li.forEach((child) => {
            walk(child, lists);
          });
          return { text: normalise(li.firstChild?.textContent ?? ''), lists };
        }),
      });
      return;
    }
    node.forEach((child) => {
      walk(child, into);
    });
  };
  walk(doc, shapes);
  return shapes;
}

export const normalise = (value: string) => value.replace(/\s+/g, ' ').trim();

// ---- Markdown read back with the draft schema ----

type StateCore = Parameters<ReturnType<typeof MarkdownIt>['core']['process']>[0];

/** GFM task items ("- [x] …") become task lists, and table cells get a paragraph, as the schema wants. */
function draftTokens(state: StateCore): void {
  const tokens = state.tokens;
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    if (token.type === 'bullet_list_open') {
      let depth = 0;
      const items: number[] = [];
      let close = index;
      for (let j = index; j < tokens.length; j += 1) {
        const t = tokens[j]!;
        if (t.type.endsWith('_list_open')) depth += 1;
        if (t.type.endsWith('_list_close')) depth -= 1;
        if (depth === 1 && t.type === 'list_item_open') items.push(j);
        if (depth === 0) {
          close = j;
          break;
        }
      }
      const isTask = items.every((at) => /^\[[ xX]\] /.test(tokens[at + 2]?.content ?? ''));
      if (!isTask || !items.length) continue;
      token.type = 'task_list_open';
      tokens[close]!.type = 'task_list_close';
      for (const at of items) {
        const inline = tokens[at + 2]!;
        tokens[at]!.type = 'task_item_open';
        tokens[at]!.attrSet('checked', /^\[[xX]\]/.test(inline.content) ? 'true' : 'false');
        inline.content = inline.content.slice(4);
        const first = inline.children?.[0];
        if (first?.type === 'text') first.content = first.content.replace(/^\[[ xX]\] /, '');
      }
      let itemDepth = 0;
      for (let j = index + 1; j < close; j += 1) {
        const t = tokens[j]!;
        if (t.type === 'task_item_open' || t.type === 'list_item_open') itemDepth += 1;
        if (t.type === 'list_item_close') {
          itemDepth -= 1;
          if (itemDepth === 0) t.type = 'task_item_close';
        }
      }
    }
  }
  const wrapped: typeof tokens = [];
  for (const [index, token] of tokens.entries()) {
    // A picture alone in a paragraph is the schema's block image.
    const image = token.type === 'inline' && token.children?.length === 1 ? token.children[0] : undefined;
    if (image?.type === 'image' && tokens[index - 1]?.type === 'paragraph_open') {
      wrapped.pop();
      wrapped.push(image);
      tokens[index + 1]!.type = 'skip';
      continue;
    }
    if (token.type === 'skip') continue;
    const inCell = wrapped[wrapped.length - 1]?.type === 'th_open' || wrapped[wrapped.length - 1]?.type === 'td_open';
    if (token.type === 'inline' && inCell) {
      wrapped.push(new state.Token('paragraph_open', 'p', 1), token, new state.Token('paragraph_close', 'p', -1));
    } else {
      wrapped.push(token);
    }
  }
  state.tokens = wrapped;
}

export function draftMarkdownParser(): MarkdownParser {
  const markdownIt = MarkdownIt('commonmark', { html: false }).enable(['table', 'strikethrough']);
  markdownIt.core.ruler.push('draft_tokens', (state) => {
    draftTokens(state);
    return true;
  });
  return new MarkdownParser(draftSchema(), markdownIt, {
    blockquote: { block: 'blockquote' },
    paragraph: { block: 'paragraph' },
    list_item: { block: 'listItem' },
    bullet_list: { block: 'bulletList' },
    ordered_list: { block: 'orderedList', getAttrs: (token) => ({ start: Number(token.attrGet('start')) || 1 }) },
    task_list: { block: 'taskList' },
    task_item: { block: 'taskItem', getAttrs: (token) => ({ checked: token.attrGet('checked') === 'true' }) },
    heading: { block: 'heading', getAttrs: (token) => ({ level: Number(token.tag.slice(1)) }) },
    code_block: { block: 'codeBlock', noCloseToken: true },
    fence: { block: 'codeBlock', getAttrs: (token) => ({ language: token.info || null }), noCloseToken: true },
    hr: { node: 'horizontalRule' },
    image: {
      node: 'image',
      getAttrs: (token) => ({
        src: token.attrGet('src'),
        title: token.attrGet('title') || null,
        alt: token.children?.[0]?.content || null,
      }),
    },
    hardbreak: { node: 'hardBreak' },
    table: { block: 'table' },
    thead: { ignore: true },
    tbody: { ignore: true },
    tr: { block: 'tableRow' },
    th: { block: 'tableHeader' },
    td: { block: 'tableCell' },
    em: { mark: 'italic' },
    strong: { mark: 'bold' },
    s: { mark: 'strike' },
    link: { mark: 'link', getAttrs: (token) => ({ href: token.attrGet('href') }) },
    code_inline: { mark: 'code', noCloseToken: true },
  });
}
