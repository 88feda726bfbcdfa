/**
 * Whole-article clips of real web pages (copies from the Readability corpus, served from loopback
 * with no network beyond it): each arrives in the open draft as one card with its title, site and
 * the article's text, and in the reference list.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from './support/chromium';
import { type ClippingSetup, startClipping } from './support/clipping-setup';
import { clipFromPopup, tabIdOf } from './support/extension-ui';
import type { PageServer } from './support/page-server';

const CORPUS = resolve(import.meta.dirname, '../fixtures/readability-pages');

/** A sentence from the middle of the human-checked article text, to find in the clip. */
function sentenceFromArticle(page: string): string {
  const expected = readFileSync(resolve(CORPUS, page, 'expected.html'), 'utf8');
  const paragraphs = [...expected.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)]
    .map((match) =>
      (match[1] ?? '')
        .replace(/<[^>]+>/g, '')
        .replace(/&[a-z#0-9]+;/gi, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((text) => text.length > 80 && /^[\w\s,.'’-]+$/.test(text.slice(0, 60)));
  const middle = paragraphs[Math.floor(paragraphs.length / 2)];
  if (!middle) throw new Error(`no plain paragraph in ${page}`);
  return middle.slice(0, 60).trim();
}

const PAGES = [
  {
    page: 'aclu',
    title: 'Facebook Is Tracking Me Even Though I’m Not on Facebook',
    site: 'American Civil Liberties Union',
  },
  { page: 'bbc-1', title: "Obama admits US gun laws are his 'biggest frustration'", site: 'BBC News' },
  { page: 'medium-1', title: 'The Open Journalism Project: Better Student Journalism', site: 'Medium' },
];

describe('clipping real articles (corpus copies)', () => {
  let setup: ClippingSetup;
  let pages: PageServer;
  let ext: ExtensionBrowser;
  let draftTab: Page;
  const title = 'Bacaan literasi digital';

  beforeAll(async () => {
    setup = await startClipping(title, CORPUS);
    ({ pages, ext, draftTab } = setup);
  });

  afterAll(async () => {
    await setup?.close();
  });

  it('each article arrives as one card with its title, site and text, and is listed as a reference', async () => {
    for (const [index, expected] of PAGES.entries()) {
      const pageUrl = pages.url(`${expected.page}/source.html`);
      const page = await ext.context.newPage();
      await page.goto(pageUrl, { waitUntil: 'domcontentloaded' });
      const popup = await clipFromPopup(ext, await tabIdOf(ext, pageUrl), title, 'Klip seluruh artikel');
      await popup
        .getByRole('status')
        .filter({ hasText: /terkirim|dikirim ke draf/i })
        .waitFor({ timeout: 30_000 });
      await popup.close();
      await page.close();

      const card = draftTab.locator('.ProseMirror > .dampingi-clip').nth(index);
      await card.waitFor({ timeout: 20_000 });
      const header = await card.locator('header').innerText();
      expect(header, expected.page).toContain(expected.title);
      expect(header, expected.page).toContain(expected.site);
      const text = (await card.locator('[data-clip-content]').innerText()).replace(/\s+/g, ' ');
      expect(text, expected.page).toContain(sentenceFromArticle(expected.page));
    }
    const references = draftTab.getByRole('region', { name: 'Daftar Pustaka' }).getByRole('listitem');
    await expect.poll(() => references.count(), { timeout: 10_000 }).toBe(PAGES.length);
  });
});
