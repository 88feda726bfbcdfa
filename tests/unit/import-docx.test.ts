// @vitest-environment jsdom
/**
 * Importing Word documents made with the `docx` package: through the real mammoth browser build,
 * the clipper's sanitiser and the draft schema, as the editor does (only the worker is left out).
 * A chosen file is given as its size and bytes (all the import reads of a File): jsdom's Blob has
 * no arrayBuffer(), and Node's gives an ArrayBuffer of another realm that JSZip does not recognise.
 */

import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import mammoth from 'mammoth/mammoth.browser.js';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docxHtmlToDraft, type ImportedDraft } from '../../extension/app/import/docx-html-to-draft';
import { type DocxReader, readDocx } from '../../extension/app/import/read-docx';
import { type ImportPreview, readDocxFile } from '../../extension/app/import/read-docx-file';
import { MAX_DOCX_BYTES } from '../../shared/import/docx-file';
import { writeImportedContent } from '../../shared/import/imported-content';
import type { NotKeptKind } from '../../shared/import/not-kept';
import type { NodeJson } from '../../shared/model/clip';
import { draftFragment, draftPlainText } from '../../shared/model/draft-doc';
import { draftSchema } from '../../shared/model/draft-extensions';
import {
  LESSON,
  LESSON_IMAGE,
  lessonPlanDocx,
  randomBytesDocx,
  SCHOOL_STYLE,
  truncatedDocx,
  unsupportedDocx,
  zipNotDocx,
} from '../fixtures/docx/build-docx';

const reader = mammoth as unknown as DocxReader;
const placeholder = (reason: string, alt: string) => `[Gambar tidak disimpan: ${reason} ${alt}]`;

function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** What the home page does with a chosen file, the reading done here instead of in the worker. */
function importFile(bytes: Uint8Array): Promise<ImportPreview> {
  const file = { size: bytes.length, arrayBuffer: async () => arrayBufferOf(bytes) };
  return readDocxFile(file, document, placeholder, (data) => readDocx(data, reader));
}

async function imported(bytes: Uint8Array): Promise<ImportedDraft> {
  const preview = await importFile(bytes);
  if (!preview.ok) throw new Error(`refused: ${preview.reason}`);
  return preview.draft;
}

function textOf(node: NodeJson): string {
  return node.type === 'text' ? (node.text ?? '') : (node.content ?? []).map(textOf).join('');
}

/** Node types with their text, the way a reader of the draft sees its outline. */
function outline(nodes: readonly NodeJson[]): unknown[] {
  return nodes.map((node) =>
    node.type === 'text'
      ? node.text
      : { [node.type]: node.content ? outline(node.content) : (node.attrs?.alt ?? null) },
  );
}

function find(nodes: readonly NodeJson[], type: string): NodeJson[] {
  return nodes.flatMap((node) => [...(node.type === type ? [node] : []), ...find(node.content ?? [], type)]);
}

function kinds(draft: ImportedDraft): NotKeptKind[] {
  return draft.notKept.map((item) => item.kind);
}

describe('importing a Word lesson plan', () => {
  it('keeps headings 1–3, bold, italic, underline, links, a bullet list inside a numbered one, a table with its header row and the image', async () => {
    const draft = await imported(await lessonPlanDocx());
    const headings = find(draft.content, 'heading');
    expect(headings.map((node) => [node.attrs?.level, textOf(node)])).toEqual([
      [1, LESSON.title],
      [2, LESSON.section],
      [3, LESSON.subsection],
    ]);
    expect(draft.title).toBe(LESSON.title);

    const marked = find(draft.content, 'text').filter((node) => node.marks?.length);
    expect(marked.map((node) => [node.text, node.marks?.map((mark) => mark.type)])).toEqual([
      ['mengamati', ['bold']],
      ['secara langsung', ['italic']],
      ['mencatat', ['underline']],
      ['Fotosintesis di Wikipedia', ['link']],
      ['surel guru', ['link']],
    ]);
    expect(marked.flatMap((node) => node.marks?.map((mark) => mark.attrs?.href) ?? []).filter(Boolean)).toEqual([
      LESSON.link,
      LESSON.mail,
    ]);

    const list = draft.content.find((node) => node.type === 'orderedList');
    expect(outline(list ? [list] : [])).toEqual([
      {
        orderedList: [
          {
            listItem: [
              { paragraph: ['Mengamati daun'] },
              {
                bulletList: [
                  { listItem: [{ paragraph: ['Warna daun'] }] },
                  { listItem: [{ paragraph: ['Bentuk tulang daun'] }] },
                ],
              },
            ],
          },
          { listItem: [{ paragraph: ['Menyimpulkan'] }] },
        ],
      },
    ]);

    const rows = find(draft.content, 'tableRow');
    expect(rows.map((row) => row.content?.map((cell) => [cell.type, textOf(cell)]))).toEqual([
      [
        ['tableHeader', 'Kegiatan'],
        ['tableHeader', 'Waktu'],
      ],
      [
        ['tableCell', 'Pendahuluan'],
        ['tableCell', '10 menit'],
      ],
      [
        ['tableCell', 'Inti'],
        ['tableCell', '50 menit'],
      ],
    ]);

    const images = find(draft.content, 'image');
    expect(images).toHaveLength(1);
    expect(images[0]?.attrs?.src).toBe(`data:image/png;base64,${LESSON_IMAGE.toString('base64')}`);
    expect(images[0]?.attrs?.alt).toBe(LESSON.imageAlt);

    expect(draft.summary).toEqual({ headings: 3, paragraphs: 3, lists: 1, tables: 1, images: 1, links: 2 });
    // Everything in this document fits the draft: the list says so rather than inventing losses.
    expect(draft.notKept).toEqual([]);
  });

  it('writes the imported blocks into the draft content document so the editor shows them', async () => {
    const draft = await imported(await lessonPlanDocx());
    const doc = new Y.Doc();
    writeImportedContent(doc, draft.content);
    const root = yXmlFragmentToProseMirrorRootNode(draftFragment(doc), draftSchema());
    root.check();
    expect((root.toJSON() as NodeJson).content).toEqual(draft.content);
    expect(draftPlainText(doc)).toContain('Penutup: siswa menulis refleksi.');
  });
});

describe('what a Word document holds that the draft cannot keep', () => {
  it('lists colours, highlights, alignment, raised characters, footnotes, comments, unsafe links, equations and unknown styles, and keeps their text', async () => {
    const draft = await imported(await unsupportedDocx());
    expect(kinds(draft)).toEqual([
      'equations',
      'footnotes',
      'comments',
      'link-unsafe',
      'text-colour',
      'highlight',
      'alignment',
      'superscript',
      'word-style',
    ]);
    const item = (kind: NotKeptKind) => draft.notKept.find((entry) => entry.kind === kind);
    expect(item('link-unsafe')?.details).toEqual(['file:']);
    expect(item('word-style')?.details).toEqual([SCHOOL_STYLE]);
    expect(item('comments')?.count).toBe(1);

    const text = draft.content.map(textOf);
    expect(text).toContain('Perhatian: kerjakan sendiri dan hitung luas dalam m2[1]');
    expect(text).toContain('kunci jawaban');
    expect(text).toContain('Siswa dapat menjelaskan fotosintesis.');
    // The footnote's text comes last, as a numbered list; no "↑" link back is left behind.
    expect(outline(draft.content.slice(-1))).toEqual([
      { orderedList: [{ listItem: [{ paragraph: ['Sumber: buku guru IPA kelas VII.'] }] }] },
    ]);
    expect(find(draft.content, 'text').filter((node) => node.marks?.some((mark) => mark.type === 'link'))).toEqual([]);
  });

  it('puts a note where an image over 2 MB was and lists it', async () => {
    const draft = await imported(await unsupportedDocx({ largeImage: true }));
    expect(find(draft.content, 'image')).toEqual([]);
    expect(draft.content.map(textOf)).toContain('[Gambar tidak disimpan: too-large Foto kelas]');
    expect(draft.notKept.find((entry) => entry.kind === 'image-too-large')?.count).toBe(1);
  });

  it('lists what the sanitiser removes: scripts, frames, embedded objects, script links and outside images', () => {
    const html =
      '<h1>Judul</h1><p>Teks<script>alert(1)</script></p><iframe src="https://example.org"></iframe>' +
      '<object data="x.swf"></object><p><a href="javascript:alert(1)">klik</a> <a href="#_Toc1">Bab 1</a></p>' +
      '<p><img src="https://example.org/pelacak.png" alt="pelacak"></p>';
    const result = docxHtmlToDraft({ html, images: [], notKept: [] }, document, placeholder);
    if (!result.ok) throw new Error(result.reason);
    expect(result.draft.notKept).toEqual([
      { kind: 'image-unknown-type', count: 1, details: [] },
      { kind: 'link-unsafe', count: 1, details: ['javascript:'] },
      { kind: 'link-internal', count: 1, details: [] },
      { kind: 'removed-element', count: 3, details: ['script', 'iframe', 'object'] },
    ]);
    // Only images read from the file itself are kept: nothing in a draft loads from elsewhere.
    expect(find(result.draft.content, 'image')).toEqual([]);
    expect(result.draft.content.map(textOf)).toEqual([
      'Judul',
      'Teks',
      'klik Bab 1',
      '[Gambar tidak disimpan: unknown-type pelacak]',
    ]);
  });
});

describe('files that are refused, each with its reason', () => {
  it.each([
    ['random bytes named .docx', () => randomBytesDocx(), 'not-docx'],
    ['a zip that holds no Word document', () => zipNotDocx(), 'not-docx'],
    ['a .docx cut off halfway', () => truncatedDocx(), 'damaged'],
    [
      'an old Word 97–2003 file',
      () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3]),
      'old-word-format',
    ],
    ['an empty file', () => new Uint8Array(0), 'empty'],
  ])('%s', async (_name, make, reason) => {
    expect(await importFile(await make())).toEqual({ ok: false, reason });
  });

  it('a file over 15 MB, before it is read', async () => {
    let read = false;
    const bytes = new Uint8Array(MAX_DOCX_BYTES + 1);
    const big = { size: bytes.length, arrayBuffer: async () => arrayBufferOf(bytes) };
    const preview = await readDocxFile(big, document, placeholder, async (data) => {
      read = true;
      return readDocx(data, reader);
    });
    expect(preview).toEqual({ ok: false, reason: 'too-large' });
    expect(read).toBe(false);
  });
});
