// Article extraction on small handmade pages: main text kept, furniture dropped, never empty when there is text.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../extension/clip/extract';
import { parsePage } from '../../extension/clip/extract/node/parse-page';

const pageUrl = 'https://guru.example.id/pelajaran/sungai.html';
const paragraph =
  '<p>The Brantas river winds through East Java, feeding rice fields, towns and factories along it.</p>';

function articleOf(body: string) {
  const page = parsePage(`<!doctype html><html><head><title>T</title></head><body>${body}</body></html>`, pageUrl);
  try {
    return extractArticle(page.document, pageUrl);
  } finally {
    page.close();
  }
}

describe('extractArticle', () => {
  it('keeps the article text, figures and tables, and drops navigation and share bars', () => {
    const result = articleOf(`<nav><a href="/">Beranda</a><a href="/x">Kelas</a></nav>
      <article>${paragraph.repeat(6)}
        <figure><img src="/sungai.jpg" alt="Sungai"><figcaption>The river at Kediri.</figcaption></figure>
        <table><tr><th>Length</th><td>320 km</td></tr></table>
        ${paragraph.repeat(4)}
        <div class="share-bar"><a href="https://twitter.com/share">Tweet</a><a href="mailto:x">Email</a></div>
      </article><footer>© Guru Kita</footer>`);
    expect(result.text).toContain('The Brantas river winds through East Java');
    expect(result.text).toContain('The river at Kediri.');
    expect(result.text).toContain('320 km');
    expect(result.text).not.toMatch(/Beranda|Tweet|© Guru Kita/);
    expect(result.html).toContain('src="https://guru.example.id/sungai.jpg"');
  });

  it('drops a trailing "Related articles" list of links', () => {
    const result = articleOf(`<article>${paragraph.repeat(8)}
      <h3>Related articles</h3><ul><li><a href="/a">Floods in Malang</a></li><li><a href="/b">Rice terraces</a></li></ul>
      </article>`);
    expect(result.text).toContain('The Brantas river');
    expect(result.text).not.toMatch(/Related articles|Floods in Malang/);
  });

  it('puts each block on its own line so words of adjacent blocks never run together', () => {
    const result = articleOf(
      `<article>${paragraph.repeat(5)}<h2>Sources</h2><ul><li>One</li><li>Two</li></ul></article>`,
    );
    expect(result.text).toMatch(/along it\.\nSources\nOne\nTwo$/);
  });

  it('still returns the text of a page too short for a reader view', () => {
    const result = articleOf('<div>Ujian besok jam delapan.</div>');
    expect(result.text).toBe('Ujian besok jam delapan.');
  });

  it('returns the text of a page whose only text is in its header, and leaves the page itself untouched', () => {
    const page = parsePage('<html><body><header><p>Pengumuman: sekolah libur.</p></header></body></html>', pageUrl);
    try {
      const result = extractArticle(page.document, pageUrl);
      expect(result.text).toBe('Pengumuman: sekolah libur.');
      expect(page.document.body.innerHTML).toBe('<header><p>Pengumuman: sekolah libur.</p></header>');
    } finally {
      page.close();
    }
  });
});
