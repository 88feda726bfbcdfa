/** Draft → Markdown → read back with the draft schema: the same text, lists, table, picture and links. */
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportFromDocs } from '../../shared/export/export-document';
import { markdownZip } from '../../shared/export/markdown-zip';
import { exportToMarkdown } from '../../shared/export/to-markdown';
import {
  draftMarkdownParser,
  headings,
  IMAGE,
  LESSON_TITLE,
  lessonDocs,
  listShapes,
  pngBytes,
  textBlocks,
} from './export-fixtures';

function exportDoc(includeFeedback = false, includePlan = false) {
  const { draft, feedback } = lessonDocs();
  return exportFromDocs(draft, feedback, { title: LESSON_TITLE, language: 'id', includeFeedback, includePlan });
}

describe('a draft exported to Markdown and read back', () => {
  it('keeps the title, every text block in order, the clip source line and the reference list', async () => {
    const doc = exportDoc();
    const { markdown, files } = await exportToMarkdown(doc);
    expect(files).toEqual([]);
    const parsed = draftMarkdownParser().parse(markdown);
    expect(textBlocks(parsed, 'id')).toEqual([
      LESSON_TITLE,
      ...textBlocks(doc.content, 'id'),
      'Daftar Pustaka',
      'Lestari, D. (2025, 2 September). Mengenal Pecahan Senilai Lewat Kue Lapis. Ruang Guru Kita. https://ruangguru.example/artikel/pecahan-senilai',
    ]);
    expect(headings(parsed)).toEqual([`h1 ${LESSON_TITLE}`, ...headings(doc.content), 'h2 Daftar Pustaka']);
  });

  it('keeps lists (nested too) apart from each other, the task list with its checks, and the table', async () => {
    const doc = exportDoc();
    const parsed = draftMarkdownParser().parse((await exportToMarkdown(doc)).markdown);
    expect(listShapes(parsed)).toEqual(listShapes(doc.content));
    const tasks: [string, boolean][] = [];
    parsed.descendants((node) => {
      if (node.type.name === 'taskItem') tasks.push([node.textContent, node.attrs.checked]);
    });
    expect(tasks).toEqual([
      ['Siapkan kertas lipat', true],
      ['Cetak LKPD untuk 28 siswa', false],
    ]);
    const rows: string[][] = [];
    parsed.descendants((node) => {
      if (node.type.name !== 'tableRow') return true;
      const cells: string[] = [];
      node.forEach((cell) => {
        cells.push(`${cell.type.name}:${cell.textContent}`);
      });
      rows.push(cells);
      return false;
    });
    expect(rows.slice(0, 3)).toEqual([
      ['tableHeader:Kelompok', 'tableHeader:Pecahan'],
      ['tableCell:Kelompok A', 'tableCell:1/2'],
      ['tableCell:Kelompok B', 'tableCell:2/4'],
    ]);
  });

  it('keeps marks and links, and the picture inline as a data URL', async () => {
    const { markdown } = await exportToMarkdown(exportDoc());
    expect(markdown).toContain(
      'Siswa dapat **membandingkan** pecahan *senilai* dengan [media konkret](https://kemdikbud.example/media-konkret).',
    );
    const parsed = draftMarkdownParser().parse(markdown);
    const images: string[] = [];
    parsed.descendants((node) => {
      if (node.type.name === 'image') images.push(`${node.attrs.alt}|${node.attrs.src}`);
    });
    expect(images).toEqual([`Potongan kertas lipat|${IMAGE}`]);
  });

  it('puts pictures in a zip as files beside the text, linked by their path', async () => {
    const { markdown, files } = await exportToMarkdown(exportDoc(), { images: 'files' });
    expect(markdown).not.toContain('data:');
    expect(markdown).toContain('![Potongan kertas lipat](images/gambar-1.png)');
    const zip = unzipSync(markdownZip({ markdown, files }, 'lkpd-pecahan-senilai-kelas-iv.md'));
    expect(Object.keys(zip).sort()).toEqual(['images/gambar-1.png', 'lkpd-pecahan-senilai-kelas-iv.md']);
    expect(Buffer.from(zip['images/gambar-1.png']!)).toEqual(pngBytes(160, 100));
    expect(new TextDecoder().decode(zip['lkpd-pecahan-senilai-kelas-iv.md'])).toBe(markdown);
  });

  it('writes the feedback summary and the follow-up plan as tables when chosen', async () => {
    const { markdown } = await exportToMarkdown(exportDoc(true, true));
    expect(markdown).toContain('## Ringkasan Masukan');
    expect(markdown).toContain(
      '| Kekuatan | *media konkret* | Bagus, siswa memegang bendanya.<br>*— Pak Budi*<br>Terima kasih, saya pertahankan.<br>*— Bu Sari* | Terbuka |',
    );
    expect(markdown).toContain('## Rencana Tindak Lanjut');
    // Past its day and still open: overdue, as the plan tab says; one due later is open.
    expect(markdown).toContain(
      '| Tambahkan gambar contoh lipatan di langkah 2 | Bu Sari | 1 Februari 2026 | Terlambat |',
    );
    expect(markdown).toContain('| Uji coba ulang di kelas IV B | Bu Sari | 1 Maret 2099 | Terbuka |');
  });
});
