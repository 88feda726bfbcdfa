/**
 * Clipping a whole article from the popup: the extension reads the page on demand, finds its main
 * content (no cookie banner, navigation, sidebar, comments or footer), keeps its structure, links
 * and source (title, site, canonical URL), and the clip arrives in the open draft without reload.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from './support/chromium';
import { type ClippingSetup, startClipping } from './support/clipping-setup';
import { clipFromPopup, tabIdOf } from './support/extension-ui';
import type { PageServer } from './support/page-server';

describe('a teacher clips a whole article', () => {
  let setup: ClippingSetup;
  let pages: PageServer;
  let ext: ExtensionBrowser;
  let draftTab: Page;
  const title = 'LKPD pecahan senilai';

  beforeAll(async () => {
    setup = await startClipping(title);
    ({ pages, ext, draftTab } = setup);
  });

  afterAll(async () => {
    await setup?.close();
  });

  it('the article arrives as one card with its structure and source, and nothing around it', async () => {
    const pageUrl = pages.url('artikel-pecahan.html');
    const article = await ext.context.newPage();
    await article.goto(pageUrl);
    const popup = await clipFromPopup(ext, await tabIdOf(ext, pageUrl), title, 'Klip seluruh artikel');
    await popup
      .getByRole('status')
      .filter({ hasText: /terkirim|dikirim ke draf/i })
      .waitFor({ timeout: 20_000 });

    const clip = draftTab.locator('.dampingi-clip');
    await clip.waitFor({ timeout: 20_000 });
    const text = await clip.innerText();
    expect(text).toContain('Pecahan senilai adalah pecahan yang nilainya sama');
    expect(text).toContain('satu per dua sama dengan dua per empat');
    expect(await clip.locator('h2', { hasText: 'Langkah kegiatan' }).count()).toBe(1);
    expect(await clip.locator('ol > li').count()).toBe(3);
    expect(await clip.locator('a', { hasText: 'pecahan campuran' }).getAttribute('href')).toBe(
      pages.url('artikel/pecahan-campuran'),
    );
    for (const around of ['memakai kuki', 'Artikel populer', 'Semua hak dilindungi', 'anak saya suka', 'Masuk']) {
      expect(text, around).not.toContain(around);
    }

    const source = clip.locator('header a').first();
    expect(await source.innerText()).toBe('Mengenal Pecahan Senilai Lewat Kue Lapis');
    expect(await source.getAttribute('href')).toBe(pages.url('artikel/pecahan-senilai'));
    expect(await clip.locator('header').innerText()).toContain('Ruang Guru Kita');
    // The page's own script never ran in the extension.
    expect(await draftTab.evaluate(() => (window as { __pageScriptRan?: boolean }).__pageScriptRan)).toBeUndefined();

    // Under the document, the reference list names the source as APA 7 does, title in italics.
    const references = draftTab.getByRole('region', { name: 'Daftar Pustaka' });
    const entry = references.getByRole('listitem');
    await entry.first().waitFor({ timeout: 20_000 });
    expect(await entry.count()).toBe(1);
    expect(await entry.innerText()).toBe(
      `Lestari, D. (2025, 2 September). Mengenal Pecahan Senilai Lewat Kue Lapis. Ruang Guru Kita. ${pages.url('artikel/pecahan-senilai')}`,
    );
    expect(await entry.locator('i').innerText()).toBe('Mengenal Pecahan Senilai Lewat Kue Lapis');
    expect(await entry.getByRole('link').getAttribute('href')).toBe(pages.url('artikel/pecahan-senilai'));
  });

  it('the page saved as a bookmark card: its title linking to it and its description, no article text', async () => {
    const pageUrl = pages.url('artikel-pecahan.html?penanda');
    const article = await ext.context.newPage();
    await article.goto(pageUrl);
    const popup = await clipFromPopup(ext, await tabIdOf(ext, pageUrl), title, 'Simpan sebagai penanda');
    // The page (same canonical address) is already a source in this draft: the teacher is asked.
    const question = popup.getByRole('alertdialog');
    await question.waitFor({ timeout: 20_000 });
    await question.getByRole('button', { name: 'Buat kartu sumber baru' }).click();
    await popup
      .getByRole('status')
      .filter({ hasText: /terkirim|dikirim ke draf/i })
      .waitFor({ timeout: 20_000 });

    const card = draftTab.locator('.dampingi-clip').nth(1);
    await card.waitFor({ timeout: 20_000 });
    const link = card.locator('.dampingi-clip-content a');
    expect(await link.innerText()).toBe('Mengenal Pecahan Senilai Lewat Kue Lapis');
    expect(await link.getAttribute('href')).toBe(pages.url('artikel/pecahan-senilai'));
    const text = await card.innerText();
    expect(text).toContain('memahami pecahan senilai dengan memotong kue lapis');
    expect(text).not.toContain('Langkah kegiatan');
    // The page's lead image makes the card recognisable, stored with the draft.
    expect(await card.locator('img').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    // The same page, clipped twice, is still one source in the reference list, now marked as read
    // from two cards (the list has refreshed once it lists both clip ids).
    const references = draftTab.getByRole('region', { name: 'Daftar Pustaka' });
    await expect
      .poll(() => references.getByRole('listitem').first().getAttribute('data-clip-count'), { timeout: 10_000 })
      .toBe('2');
    expect(await references.getByRole('listitem').count()).toBe(1);
  });
});
