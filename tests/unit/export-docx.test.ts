// @vitest-environment jsdom
/**
 * Draft → Word → read back with mammoth (as an import would): the same text, headings, list
 * structure, table, picture, clip source line, reference list and, when chosen, feedback and plan.
 */
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { exportFromDocs } from '../../shared/export/export-document';
import { exportToDocx } from '../../shared/export/to-docx';
import {
  CLIP_URL,
  headings,
  LESSON_TITLE,
  type ListShape,
  lessonDocs,
  listShapes,
  normalise,
  textBlocks,
} from './export-fixtures';

async function roundTrip(includeFeedback: boolean, includePlan: boolean, language: 'id' | 'en' = 'id') {
  const { draft, feedback } = lessonDocs();
  const doc = exportFromDocs(draft, feedback, { title: LESSON_TITLE, language, includeFeedback, includePlan });
  const bytes = await exportToDocx(doc);
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  return { doc, bytes, body: new DOMParser().parseFromString(`<body>${value}</body>`, 'text/html').body };
}

/** The text of each leaf block mammoth made (paragraphs, headings, list items without their sublists). */
function leafTexts(body: HTMLElement): string[] {
  const texts: string[] = [];
  for (const element of body.querySelectorAll('p, h1, h2, h3, h4, h5, h6, li')) {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const nested of copy.querySelectorAll('ul, ol')) nested.remove();
    const text = normalise(copy.textContent ?? '');
    if (text && !(element.tagName === 'LI' && element.querySelector(':scope > p'))) texts.push(text);
  }
  return texts;
}

function listsIn(element: Element): ListShape[] {
  return [...element.children]
    .filter((child) => child.tagName === 'UL' || child.tagName === 'OL')
    .map((list) => ({
      type: list.tagName.toLowerCase() as 'ul' | 'ol',
      items: [...list.children].map((li) => {
        const copy = li.cloneNode(true) as HTMLElement;
        for (const nested of copy.querySelectorAll('ul, ol')) nested.remove();
        return { text: normalise(copy.textContent ?? ''), lists: listsIn(li) };
      }),
    }));
}

describe('a draft exported to Word and opened again', () => {
  it('keeps the title, every text block in order, the clip source line and the reference list', async () => {
    const { doc, body } = await roundTrip(false, false);
    const expected = [
      LESSON_TITLE,
      ...textBlocks(doc.content, 'id'),
      'Daftar Pustaka',
      'Lestari, D. (2025, 2 September). Mengenal Pecahan Senilai Lewat Kue Lapis. Ruang Guru Kita. https://ruangguru.example/artikel/pecahan-senilai',
    ];
    // Task items come back as paragraphs that start with their box.
    const got = leafTexts(body).map((text) => text.replace(/^[☐☑]\s*/, ''));
    expect(got).toEqual(expected);
    expect(leafTexts(body)).toContain('☑ Siapkan kertas lipat');
    expect(leafTexts(body)).toContain('☐ Cetak LKPD untuk 28 siswa');
    expect(got.join('\n')).toContain(
      `Sumber: Mengenal Pecahan Senilai Lewat Kue Lapis · Ruang Guru Kita · ${CLIP_URL}`,
    );
  });

  it('keeps the headings with their levels, and the sections as top-level headings', async () => {
    const { doc, body } = await roundTrip(true, true);
    const got = [...body.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(
      (heading) => `${heading.tagName.toLowerCase()} ${normalise(heading.textContent ?? '')}`,
    );
    expect(got).toEqual([
      ...headings(doc.content),
      'h1 Daftar Pustaka',
      'h1 Ringkasan Masukan',
      'h1 Rencana Tindak Lanjut',
    ]);
  });

  it('keeps bullet, numbered and nested lists as lists of the same shape', async () => {
    const { doc, body } = await roundTrip(false, false);
    expect(listsIn(body)).toEqual(listShapes(doc.content));
    expect(listsIn(body)[0]).toMatchObject({ type: 'ol', items: [{ lists: [{ type: 'ul' }] }, {}] });
  });

  it('keeps bold, italic and the link, the table with its header row, and the picture', async () => {
    const { body } = await roundTrip(false, false);
    expect(body.querySelector('strong')?.textContent).toBe('membandingkan');
    expect(body.querySelector('em')?.textContent).toBe('senilai');
    const link = [...body.querySelectorAll('a')].find((a) => a.textContent === 'media konkret');
    expect(link?.getAttribute('href')).toBe('https://kemdikbud.example/media-konkret');
    const table = body.querySelector('table');
    const rows = [...(table?.querySelectorAll('tr') ?? [])].map((tr) =>
      [...tr.children].map((cell) => `${cell.tagName.toLowerCase()}:${normalise(cell.textContent ?? '')}`),
    );
    expect(rows).toEqual([
      ['th:Kelompok', 'th:Pecahan'],
      ['td:Kelompok A', 'td:1/2'],
      ['td:Kelompok B', 'td:2/4'],
    ]);
    const images = body.querySelectorAll('img');
    expect(images).toHaveLength(1);
    expect(images[0]?.getAttribute('alt')).toBe('Potongan kertas lipat');
    expect(images[0]?.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
  });

  it('adds the feedback summary and the follow-up plan only when chosen, in the UI language', async () => {
    const without = await roundTrip(false, false);
    expect(without.body.textContent).not.toContain('Ringkasan Masukan');
    expect(without.body.textContent).not.toContain('Tambahkan gambar contoh lipatan');

    const { body } = await roundTrip(true, true);
    const tables = [...body.querySelectorAll('table')].map((table) =>
      [...table.querySelectorAll('tr')].map((tr) =>
        [...tr.children].map((cell) =>
          [...cell.querySelectorAll('p')].map((p) => normalise(p.textContent ?? '')).join(' '),
        ),
      ),
    );
    expect(tables[1]).toEqual([
      ['Jenis', 'Bagian draf', 'Masukan', 'Status'],
      [
        'Kekuatan',
        'media konkret',
        'Bagus, siswa memegang bendanya. — Pak Budi Terima kasih, saya pertahankan. — Bu Sari',
        'Terbuka',
      ],
      ['Perbaikan', 'dua bagian sama besar', 'Tambahkan gambar contoh lipatan. — Pak Budi', 'Terbuka'],
    ]);
    expect(tables[2]).toEqual([
      ['Tindakan', 'Penanggung jawab', 'Batas waktu', 'Status'],
      ['Tambahkan gambar contoh lipatan di langkah 2', 'Bu Sari', '1 Februari 2026', 'Terlambat'],
      ['Uji coba ulang di kelas IV B', 'Bu Sari', '1 Maret 2099', 'Terbuka'],
    ]);

    const english = await roundTrip(true, true, 'en');
    const englishHeadings = [...english.body.querySelectorAll('h1')].map((h) => h.textContent);
    expect(englishHeadings).toEqual(expect.arrayContaining(['References', 'Feedback summary', 'Follow-up plan']));
    expect(english.body.textContent).toContain('Source: Mengenal Pecahan Senilai');
  });

  it('reports progress up to 100% and stops with an AbortError when cancelled', async () => {
    const { draft, feedback } = lessonDocs();
    const doc = exportFromDocs(draft, feedback, {
      title: LESSON_TITLE,
      language: 'id',
      includeFeedback: true,
      includePlan: true,
    });
    const seen: number[] = [];
    await exportToDocx(doc, { onProgress: (fraction) => seen.push(fraction) });
    expect(seen.at(-1)).toBe(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));

    const controller = new AbortController();
    controller.abort();
    await expect(exportToDocx(doc, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
