// A caller that owns a throwaway copy of the page lets extraction take it apart instead of copying it first; the page
// is asked for again only when its body must be read too, and the result is the same as with a copy.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../extension/clip/extract';
import { parsePage } from '../../extension/clip/extract/node/parse-page';

const fixtures = resolve(import.meta.dirname, '../fixtures/pages/extraction');

/** A long article: six paragraphs of a story between a menu and a footer. */
function longArticle(): string {
  const paragraph = (n: number) =>
    `<p>Paragraph ${n} of the story: the volunteers of the village cleared the mud from the school yard, ` +
    'dried the textbooks in the sun and painted the walls again, so that the pupils could come back to their ' +
    'classrooms before the new school year; the head of the school thanked every family that came to help.</p>';
  return (
    '<html><head><title>Volunteers clear the mud</title></head><body>' +
    '<nav><a href="/">Home</a> <a href="/news">News</a></nav>' +
    `<article><h1>Volunteers clear the mud</h1>${[1, 2, 3, 4, 5, 6].map(paragraph).join('')}</article>` +
    '<footer>Kediri Daily, Jalan Dhoho 12</footer></body></html>'
  );
}

/** The page extracted from a copy, and from a document handed over to be consumed, counting the re-reads. */
function copiedAndConsumed(html: string, url: string) {
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
    const { copied, consumed, rereads } = copiedAndConsumed(
      longArticle(),
      'https://news.example.id/2024/03/12/volunteers-clear-mud',
    );
    expect(consumed.text).toContain('Paragraph 6 of the story');
    expect(consumed.text).not.toContain('Jalan Dhoho');
    expect(consumed).toEqual(copied);
    expect(rereads).toBe(0);
  });

  it('reads the page again for a short article, which is compared with the body, and still keeps the article', () => {
    const { copied, consumed, rereads } = copiedAndConsumed(
      readFileSync(resolve(fixtures, 'short-article.html'), 'utf8'),
      'https://news.example.id/2024/03/12/school-reopens',
    );
    expect(consumed.text).toContain('SD Negeri 3 Kediri opened its doors again on Monday');
    expect(consumed.text).not.toContain('Rice harvest beats forecast');
    expect(consumed).toEqual(copied);
    expect(rereads).toBe(1);
  });

  it('puts back a lead that Readability.js drops, as a copy would: the lead is read before the page is taken apart', () => {
    const { copied, consumed } = copiedAndConsumed(
      readFileSync(resolve(fixtures, 'lead-above-article.html'), 'utf8'),
      'https://post.example.id/2024/06/ferry',
    );
    expect(consumed.text).toContain('The first ferry between Kangean and Sapudi left the harbour on Monday');
    expect(consumed).toEqual(copied);
  });
});
