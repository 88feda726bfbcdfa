// Issue 23: the lead image is the article's own (og:image, JSON-LD image, first figure in the body), never a promotion.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../extension/clip/extract';
import { parsePage } from '../../extension/clip/extract/node/parse-page';

const fixtures = resolve(import.meta.dirname, '../fixtures/pages/extraction');

function leadImageOf(html: string, url = 'https://news.example.id/2024/river') {
  const page = parsePage(html, url);
  try {
    return extractMetadata(page.document, url).leadImage;
  } finally {
    page.close();
  }
}

const fixture = (name: string) => readFileSync(resolve(fixtures, name), 'utf8');

describe('the lead image', () => {
  it("is the article's JSON-LD image, not a promotional banner named in twitter:image", () => {
    expect(leadImageOf(fixture('lead-image.html'))).toBe('https://news.example.id/img/2024/river-cleanup.jpg');
  });

  it('is the first figure of the article when the page names none, not the advertisement above it', () => {
    expect(leadImageOf(fixture('lead-image-in-body.html'))).toBe('https://news.example.id/img/2024/mangroves.jpg');
  });

  it('is og:image when the page names one that is not a promotion', () => {
    const html = `<html><head><meta property="og:image" content="/img/2024/harvest.jpg"></head>
      <body><article><figure><img src="/img/other.jpg"></figure><p>Text.</p></article></body></html>`;
    expect(leadImageOf(html)).toBe('https://news.example.id/img/2024/harvest.jpg');
  });

  it('is none when the only images are a logo and an advertisement', () => {
    const html = `<html><head><meta property="og:image" content="/static/site-logo.png"></head>
      <body><div class="advertisement"><img src="/ads/banner.gif"></div><article><p>Text only.</p></article></body></html>`;
    expect(leadImageOf(html)).toBeNull();
  });
});
