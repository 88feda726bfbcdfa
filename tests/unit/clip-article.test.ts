// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleClipContent } from '../../extension/clip/article-clip';

const page = readFileSync(join(import.meta.dirname, '../fixtures/pages/artikel-pecahan.html'), 'utf8');
const pageUrl = 'https://guru.example/artikel/pecahan-senilai?ref=beranda';

function textOf(node: unknown): string {
  return (
    JSON.stringify(node)
      .match(/"text":"[^"]*"/g)
      ?.join(' ') ?? ''
  );
}

describe('an article clip from a whole page', () => {
  it('keeps the article with its structure and metadata, and leaves banners, navigation, sidebar and footer out', () => {
    const result = articleClipContent(page, pageUrl, document);
    if (!result.ok) throw new Error(result.reason);
    const text = textOf(result.content);
    expect(text).toContain('Pecahan senilai adalah pecahan');
    for (const around of ['memakai kuki', 'Artikel populer', 'Semua hak dilindungi', 'Beranda']) {
      expect(text, around).not.toContain(around);
    }
    expect(result.content.map((node) => node.type)).toContain('orderedList');
    expect(JSON.stringify(result.content)).toContain('"href":"https://guru.example/artikel/pecahan-campuran"');
    expect(result.metadata).toMatchObject({
      title: 'Mengenal Pecahan Senilai Lewat Kue Lapis',
      siteName: 'Ruang Guru Kita',
      byline: 'Dewi Lestari',
      canonicalUrl: 'https://guru.example/artikel/pecahan-senilai',
      licence: 'https://creativecommons.org/licenses/by/4.0/',
      lang: 'id',
      leadImage: 'https://guru.example/gambar/kue-lapis.png',
    });
  });

  it('runs nothing from the page and keeps no script, handler or javascript: link', () => {
    const hostile = `<html><body><article><h1>Judul</h1><p>${'Isi artikel yang cukup panjang. '.repeat(30)}
      <a href="javascript:alert(1)" onclick="window.__ran=1">klik</a><img src="x" onerror="window.__ran=1"></p>
      <script>window.__ran = 1</script></article></body></html>`;
    const result = articleClipContent(hostile, 'https://contoh.example/a', document);
    if (!result.ok) throw new Error(result.reason);
    expect(JSON.stringify(result.content)).not.toMatch(/javascript:|onclick|onerror|<script/i);
    expect((window as { __ran?: number }).__ran).toBeUndefined();
  });
});

describe('a bookmark card from a whole page', () => {
  it('is the title as a link to the canonical address, then the description, and nothing of the article', () => {
    const result = articleClipContent(page, pageUrl, document, 'bookmark');
    if (!result.ok) throw new Error(result.reason);
    expect(result.content).toHaveLength(3);
    const [heading, leadImage, description] = result.content;
    expect(leadImage).toMatchObject({ type: 'image', attrs: { src: 'https://guru.example/gambar/kue-lapis.png' } });
    expect(JSON.stringify(heading)).toContain('"href":"https://guru.example/artikel/pecahan-senilai"');
    expect(textOf(heading)).toContain('Mengenal Pecahan Senilai Lewat Kue Lapis');
    expect(textOf(description)).toContain('memahami pecahan senilai dengan memotong kue lapis');
    expect(textOf(result.content)).not.toContain('Langkah kegiatan');
  });

  it('cannot be turned into markup by a page title', () => {
    const hostile = '<html><head><title>&lt;img src=x onerror=alert(1)&gt;</title></head><body></body></html>';
    const result = articleClipContent(hostile, 'https://contoh.example/a', document, 'bookmark');
    if (!result.ok) throw new Error(result.reason);
    expect(JSON.stringify(result.content)).not.toContain('"type":"image"');
    expect(textOf(result.content)).toContain('<img src=x onerror=alert(1)>');
  });
});
