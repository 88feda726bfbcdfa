// @vitest-environment jsdom
/** Draft → one HTML file: nothing in it is fetched from anywhere; only the draft's own links point out. */
import { describe, expect, it } from 'vitest';
import { composeExport, exportFromDocs } from '../../shared/export/export-document';
import { exportToHtml } from '../../shared/export/to-html';
import { draftSchema } from '../../shared/model/draft-extensions';
import { CLIP_URL, LESSON_TITLE, LINK_URL, lessonDocs, normalise, textBlocks } from './export-fixtures';

async function exported(includeFeedback = true, includePlan = true) {
  const { draft, feedback } = lessonDocs();
  const doc = exportFromDocs(draft, feedback, { title: LESSON_TITLE, language: 'id', includeFeedback, includePlan });
  const html = await exportToHtml(doc);
  return { doc, html, document: new DOMParser().parseFromString(html, 'text/html') };
}

describe('a draft exported as a self-contained web page', () => {
  it('fetches nothing: every picture is a data URL, no script, no stylesheet link, no font, a CSP forbidding requests', async () => {
    const { html, document } = await exported();
    const images = [...document.querySelectorAll('img')];
    expect(images).toHaveLength(1);
    for (const image of images) expect(image.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(document.querySelectorAll('script, link, iframe, object, embed, video, audio, source')).toHaveLength(0);
    for (const element of document.querySelectorAll('[src]')) expect(element.getAttribute('src')).toMatch(/^data:/);
    expect(document.querySelector('style')?.textContent).not.toMatch(/url\(|@import|@font-face/);
    expect(document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(
      "default-src 'none'; img-src data:; style-src 'unsafe-inline'",
    );
    // The only http(s) addresses are the draft's own links: its link, the clip's source, the reference.
    const hrefs = new Set([...document.querySelectorAll('[href]')].map((element) => element.getAttribute('href')));
    expect(hrefs).toEqual(new Set([LINK_URL, CLIP_URL]));
    const addresses = new Set(html.match(/https?:\/\/[^\s"'<>)]+/g));
    expect(addresses).toEqual(new Set([LINK_URL, CLIP_URL]));
  });

  it('has the title, every text block, the clip source line, the references and the chosen sections', async () => {
    const { doc, document } = await exported();
    expect(document.title).toBe(LESSON_TITLE);
    expect(document.querySelector('h1.title')?.textContent).toBe(LESSON_TITLE);
    const text = normalise(document.body.textContent ?? '');
    for (const block of textBlocks(doc.content, 'id')) expect(text).toContain(block);
    const sections = [...document.querySelectorAll('h2.section-heading')].map((h) => h.textContent);
    expect(sections).toEqual(['Daftar Pustaka', 'Ringkasan Masukan', 'Rencana Tindak Lanjut']);
    expect(document.querySelector('.clip .clip-source')?.textContent).toContain(
      'Sumber: Mengenal Pecahan Senilai Lewat Kue Lapis',
    );
    expect([...document.querySelectorAll('.task-item')].map((li) => normalise(li.textContent ?? ''))).toEqual([
      '☑ Siapkan kertas lipat',
      '☐ Cetak LKPD untuk 28 siswa',
    ]);
    expect(document.querySelectorAll('table')).toHaveLength(3);

    const plain = await exported(false, false);
    expect([...plain.document.querySelectorAll('h2.section-heading')].map((h) => h.textContent)).toEqual([
      'Daftar Pustaka',
    ]);
  });

  it('leaves out what would be fetched or run, and says so: a remote picture, a javascript: link, markup in text', async () => {
    const schema = draftSchema();
    const content = schema.nodeFromJSON({
      type: 'doc',
      content: [
        { type: 'image', attrs: { src: 'https://tracker.example/pixel.png', alt: 'Foto kelas' } },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: '<script>alert(1)</script>' },
            { type: 'text', text: ' klik', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] },
          ],
        },
      ],
    });
    const html = await exportToHtml(composeExport({ title: '<b>Judul</b>', language: 'id', content, clips: [] }));
    const document = new DOMParser().parseFromString(html, 'text/html');
    expect(document.querySelectorAll('img, script, b')).toHaveLength(0);
    expect(document.querySelector('.image-left-out')?.textContent).toBe('[Gambar tidak disertakan: Foto kelas]');
    expect(document.querySelectorAll('[href]')).toHaveLength(0);
    expect(document.body.textContent).toContain('<script>alert(1)</script> klik');
    expect(html).not.toContain('tracker.example');
    expect(document.body.textContent).toContain('Belum ada sumber klip di draf ini.');
  });
});
