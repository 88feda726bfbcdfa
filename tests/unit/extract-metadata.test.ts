// Page metadata from small handmade pages: licences from each source, canonical URLs, JSON-LD authors, relative URLs.
import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../extension/clip/extract';
import { parsePage } from '../../extension/clip/extract/node/parse-page';

const pageUrl = 'https://guru.example.id/pelajaran/sungai.html';

function metadataOf(head: string, body = '<p>Text</p>', htmlAttributes = '') {
  const page = parsePage(
    `<!doctype html><html ${htmlAttributes}><head>${head}</head><body>${body}</body></html>`,
    pageUrl,
  );
  try {
    return extractMetadata(page.document, pageUrl);
  } finally {
    page.close();
  }
}

function jsonLd(value: unknown): string {
  return `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
}

describe('extractMetadata', () => {
  it('reads the licence from link[rel=license], resolved against the page', () => {
    expect(metadataOf('<link rel="license" href="/lisensi/cc-by">').licence).toBe(
      'https://guru.example.id/lisensi/cc-by',
    );
  });

  it('reads the licence from Dublin Core meta tags in either spelling', () => {
    expect(metadataOf('<meta name="DC.rights" content="CC BY-SA 4.0">').licence).toBe('CC BY-SA 4.0');
    expect(metadataOf('<meta name="dc.rights" content="Public domain">').licence).toBe('Public domain');
    expect(
      metadataOf('<meta name="dcterms.license" content="https://creativecommons.org/licenses/by/4.0/">').licence,
    ).toBe('https://creativecommons.org/licenses/by/4.0/');
  });

  it('reads the licence from schema.org JSON-LD', () => {
    const head = jsonLd({
      '@context': 'https://schema.org',
      '@type': 'Article',
      headline: 'Sungai Brantas',
      license: 'https://creativecommons.org/licenses/by-nc/4.0/',
    });
    expect(metadataOf(head).licence).toBe('https://creativecommons.org/licenses/by-nc/4.0/');
  });

  it('takes the canonical URL from link[rel=canonical] before og:url', () => {
    const metadata = metadataOf(
      '<link rel="canonical" href="../sungai-brantas"><meta property="og:url" content="https://other.example/x">',
    );
    expect(metadata.canonicalUrl).toBe('https://guru.example.id/sungai-brantas');
  });

  it('names JSON-LD authors given as an object or as an array', () => {
    const single = jsonLd({ '@type': 'NewsArticle', headline: 'A', author: { '@type': 'Person', name: 'Sari Dewi' } });
    expect(metadataOf(single).byline).toBe('Sari Dewi');
    const several = jsonLd({
      '@type': 'BlogPosting',
      headline: 'B',
      author: [{ '@type': 'Person', name: 'Sari Dewi' }, 'Budi Santoso'],
    });
    expect(metadataOf(several).byline).toBe('Sari Dewi, Budi Santoso');
  });

  it('finds the article inside a JSON-LD @graph and survives a broken block', () => {
    const broken = '<script type="application/ld+json">{ "@type": "Article", "headline": </script>';
    const graph = jsonLd({
      '@graph': [
        { '@type': 'WebSite', name: 'Guru Kita' },
        {
          '@type': 'Article',
          headline: 'Banjir di Hulu',
          datePublished: '2024-03-01',
          publisher: { name: 'Guru Kita' },
        },
      ],
    });
    const metadata = metadataOf(`${broken}${graph}`);
    expect(metadata).toMatchObject({ title: 'Banjir di Hulu', publishedTime: '2024-03-01', siteName: 'Guru Kita' });
  });

  it('resolves relative image and favicon URLs, honouring <base>', () => {
    const metadata = metadataOf(
      '<base href="https://cdn.example.id/aset/"><meta property="og:image" content="gambar/sungai.jpg"><link rel="icon" href="ikon.png">',
    );
    expect(metadata.leadImage).toBe('https://cdn.example.id/aset/gambar/sungai.jpg');
    expect(metadata.favicon).toBe('https://cdn.example.id/aset/ikon.png');
  });

  it('decodes character references left in JSON-LD and twice-escaped meta tags', () => {
    const metadata = metadataOf(
      `${jsonLd({ '@type': 'NewsArticle', headline: 'Why students can&#39;t sleep &#8212; and what helps', author: { name: 'Dewi &amp; Sari' } })}<meta property="og:description" content="It&amp;#8217;s late">`,
    );
    expect(metadata.title).toBe("Why students can't sleep — and what helps");
    expect(metadata.byline).toBe('Dewi & Sari');
    expect(metadata.excerpt).toBe('It’s late');
  });

  it('writes the published time one way, and prefers a full time to a bare day of the same date', () => {
    expect(
      metadataOf('<meta property="article:published_time" content="2024-05-01T10:00:00+0000">').publishedTime,
    ).toBe('2024-05-01T10:00:00+00:00');
    expect(metadataOf('<meta name="date" content="2024-05-01 10:00:00+0700">').publishedTime).toBe(
      '2024-05-01T10:00:00+07:00',
    );
    const both = metadataOf(
      `${jsonLd({ '@type': 'Article', headline: 'Sungai', datePublished: '2024-05-01' })}<meta property="article:published_time" content="2024-05-01T08:30:00+07:00">`,
    );
    expect(both.publishedTime).toBe('2024-05-01T08:30:00+07:00');
  });

  it('keeps only the names of a byline with a date and a section glued on', () => {
    const metadata = metadataOf(
      '<meta name="author" content="By Mike Wall 2023-10-12T14:00:00Z Science &amp; Astronomy">',
    );
    expect(metadata.byline).toBe('Mike Wall');
  });

  it('falls back to meta tags, <time> and <html lang> when there is no JSON-LD', () => {
    const metadata = metadataOf(
      '<title>Sungai Brantas dan Sawah - Guru Kita</title><meta name="author" content="Oleh Sari Dewi"><meta property="og:site_name" content="Guru Kita">',
      '<article><time datetime="2024-05-02T08:00:00+07:00">2 Mei</time><p>Teks</p></article>',
      'lang="id"',
    );
    expect(metadata).toMatchObject({
      title: 'Sungai Brantas dan Sawah',
      byline: 'Sari Dewi',
      siteName: 'Guru Kita',
      publishedTime: '2024-05-02T08:00:00+07:00',
      lang: 'id',
    });
  });

  it('ignores javascript: and other non-web URLs', () => {
    expect(metadataOf('<meta property="og:image" content="javascript:alert(1)">').leadImage).toBeNull();
  });
});
