// A caller that owns a throwaway copy of the page lets extraction take it apart instead of copying it first; the page
// is asked for again only when its body must be read too, and the result is the same as with a copy.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../extension/clip/extract';
import { parsePage } from '../../extension/clip/extract/node/parse-page';

const fixtures = resolve(import.meta.dirname, '../fixtures/pages/extraction');

function both(name: string, url: string) {
  const html = readFileSync(resolve(fixtures, name), 'utf8');
  const opened: { close(): void }[] = [];
  const open = () => {
    const page = parsePage(html, url);
    opened.push(page);
    return page.document;
  };
  try {
    const copied = extractArticle(open(), url);
    let rereads = 0;
    const consumed = extractArticle(open(), url, {
      consume: {
        reread: () => {
          rereads++;
          return open();
        },
      },
    });
    return { copied, consumed, rereads };
  } finally {
    for (const page of opened) page.close();
  }
}

describe('extracting from a document the caller lets us consume', () => {
  it('gives a long article as a copy would, without reading the page again', () => {
    const { copied, consumed, rereads } = both(
      'news-furniture.html',
      'https://news.example.id/2024/03/12/volunteers-clear-mud',
    );
    expect(consumed.text).toContain('More than two hundred volunteers arrived in Kediri on Saturday');
    expect(consumed).toEqual(copied);
    expect(rereads).toBe(0);
  });

  it('reads the page again for a short article, which is compared with the body, and still keeps the article', () => {
    const { copied, consumed, rereads } = both(
      'short-article.html',
      'https://news.example.id/2024/03/12/school-reopens',
    );
    expect(consumed.text).toContain('SD Negeri 3 Kediri opened its doors again on Monday');
    expect(consumed.text).not.toContain('Rice harvest beats forecast');
    expect(consumed).toEqual(copied);
    expect(rereads).toBe(1);
  });
});
