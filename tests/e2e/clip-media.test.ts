/**
 * Clipping a link, an image and a video (the context menu's items open the popup as a tab when a
 * draft must be chosen; "Klip video" is in the popup), images stored with the draft, and the
 * warning when a page is clipped into a draft that already has it as a source.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from './support/chromium';
import { type ClippingSetup, startClipping } from './support/clipping-setup';
import { chooseTargetDraft, clipFromPopup, selectOnPage, tabIdOf } from './support/extension-ui';
import type { PageServer } from './support/page-server';

describe('a teacher clips links, images and videos', () => {
  let setup: ClippingSetup;
  let pages: PageServer;
  let ext: ExtensionBrowser;
  let draftTab: Page;
  const title = 'Media pecahan kelas 4';

  beforeAll(async () => {
    setup = await startClipping(title);
    ({ pages, ext, draftTab } = setup);
  });

  afterAll(async () => {
    await setup?.close();
  });

  /** The popup tab the context menu opens when no draft is chosen yet, for the clicked element. */
  async function clipFromMenuTab(pageUrl: string, kind: 'link' | 'image', url: string, button: string) {
    const tabId = await tabIdOf(ext, pageUrl);
    const popup = await ext.context.newPage();
    const query = new URLSearchParams({ tab: String(tabId), reason: 'choose-draft', clip: kind, url });
    await popup.goto(ext.extensionUrl(`popup.html?${query}`));
    await popup.getByText(`Pilih draf tujuan, lalu tekan "${button}".`).waitFor();
    await chooseTargetDraft(popup, title);
    await popup.getByRole('button', { name: button, exact: true }).click();
    return popup;
  }

  async function delivered(popup: Page) {
    await popup
      .getByRole('status')
      .filter({ hasText: /terkirim|dikirim ke draf/i })
      .waitFor({ timeout: 20_000 });
  }

  it('a link becomes a card for the linked page, saying where it was found', async () => {
    const pageUrl = pages.url('media.html?tautan');
    await (await ext.context.newPage()).goto(pageUrl);
    await delivered(await clipFromMenuTab(pageUrl, 'link', pages.url('artikel/pecahan-senilai'), 'Klip tautan ini'));

    const card = draftTab.locator('.dampingi-clip[data-kind="link"]');
    await card.waitFor({ timeout: 20_000 });
    expect(await card.locator('.dampingi-clip-label').innerText()).toMatch(/tautan/i);
    const link = card.locator('[data-clip-content] a', { hasText: 'Mengenal pecahan senilai' });
    expect(await link.getAttribute('href')).toBe(pages.url('artikel/pecahan-senilai'));
    const text = await card.innerText();
    expect(text).toContain('Artikel lengkap tentang pecahan senilai');
    expect(text).toContain('Ditemukan di');
    expect(await card.locator('a', { hasText: 'Media pembelajaran pecahan' }).getAttribute('href')).toBe(pageUrl);
  });

  it('an image is stored in the draft itself, with its caption and the page as source', async () => {
    const pageUrl = pages.url('media.html?gambar');
    await (await ext.context.newPage()).goto(pageUrl);
    await delivered(await clipFromMenuTab(pageUrl, 'image', pages.url('gambar/kue-lapis.png'), 'Klip gambar ini'));

    const card = draftTab.locator('.dampingi-clip[data-kind="image"]');
    await card.waitFor({ timeout: 20_000 });
    const image = card.locator('img');
    expect(await image.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await image.getAttribute('alt')).toBe('Kue lapis dipotong empat');
    await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(40);
    expect(await card.innerText()).toContain('Kue lapis dibagi menjadi empat bagian sama besar.');
    expect(await card.locator('header a').first().getAttribute('href')).toBe(pageUrl);
    expect(await card.locator('header').innerText()).toContain('Ruang Guru Kita');
  });

  it('a 3000×2000 picture is stored made small: at most 1600 px wide, not at full size', async () => {
    const pageUrl = pages.url('poster.html');
    await (await ext.context.newPage()).goto(pageUrl);
    await delivered(await clipFromMenuTab(pageUrl, 'image', pages.url('gambar/poster-besar.png'), 'Klip gambar ini'));

    const image = draftTab.locator('.dampingi-clip[data-kind="image"] img[alt="Poster pecahan besar"]');
    await image.waitFor({ timeout: 20_000 });
    expect(await image.getAttribute('src')).toMatch(/^data:image\/(png|jpeg|webp);base64,/);
    await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(1600);
    expect(await image.evaluate((img) => (img as HTMLImageElement).naturalHeight)).toBe(1067);
  });

  it('a selection keeps its images stored; one that cannot be fetched is a placeholder linking to it', async () => {
    const pageUrl = pages.url('media.html?pilihan');
    const page = await ext.context.newPage();
    await page.goto(pageUrl);
    await selectOnPage(page, '#pictures');
    await delivered(await clipFromPopup(ext, await tabIdOf(ext, pageUrl), title));

    const card = draftTab.locator('.dampingi-clip[data-kind="selection"]');
    await card.waitFor({ timeout: 20_000 });
    expect(await card.locator('img').count()).toBe(1);
    expect(await card.locator('img').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    const text = await card.innerText();
    expect(text).toContain('Gambar "Pizza dibagi delapan" tidak dapat disimpan di draf.');
    expect(await card.locator('a', { hasText: 'Lihat gambar di sumbernya' }).getAttribute('href')).toBe(
      pages.url('gambar/hilang.png'),
    );
  });

  it('"Klip video" makes a card with the video title linking to where it plays', async () => {
    const pageUrl = pages.url('media.html?video');
    await (await ext.context.newPage()).goto(pageUrl);
    await delivered(await clipFromPopup(ext, await tabIdOf(ext, pageUrl), title, 'Klip video'));

    const card = draftTab.locator('.dampingi-clip[data-kind="video"]');
    await card.waitFor({ timeout: 20_000 });
    expect(await card.locator('.dampingi-clip-label').innerText()).toMatch(/video/i);
    const link = card.locator('[data-clip-content] a', { hasText: 'Video pecahan senilai' });
    expect(await link.getAttribute('href')).toBe(pages.url('video/pecahan.mp4'));
    expect(await card.innerText()).toContain('▶');
    expect(await card.innerText()).toContain('Tayangan tiga menit untuk pembuka pelajaran.');
  });

  it('clipping a page that is already a source warns, and adds to that source card or makes a new one', async () => {
    const pageUrl = pages.url('media.html?pilihan#lagi');
    const page = await ext.context.newPage();
    await page.goto(pageUrl);
    await selectOnPage(page, '#link-line');
    const cards = draftTab.locator('.ProseMirror > .dampingi-clip');
    const before = await cards.count();

    const popup = await clipFromPopup(ext, await tabIdOf(ext, pageUrl), title);
    const question = popup.getByRole('alertdialog');
    await question.waitFor({ timeout: 20_000 });
    expect(await question.innerText()).toContain('Sumber ini sudah ada di draf: "Media pembelajaran pecahan');
    await question.getByRole('button', { name: 'Tambahkan ke sumber yang ada' }).click();
    await delivered(popup);

    const existing = draftTab.locator('.ProseMirror > .dampingi-clip[data-kind="selection"]');
    const addition = existing.locator('.dampingi-clip-addition');
    await addition.waitFor({ timeout: 20_000 });
    expect(await addition.innerText()).toContain('Bacaan pendukung');
    expect(await addition.locator('.dampingi-clip-label').innerText()).toMatch(/tambahan/i);
    expect(await cards.count()).toBe(before);

    await popup.getByRole('button', { name: 'Klip ke Dampingi' }).click();
    await question.waitFor({ timeout: 20_000 });
    await question.getByRole('button', { name: 'Buat kartu sumber baru' }).click();
    await delivered(popup);
    await expect.poll(() => cards.count(), { timeout: 20_000 }).toBe(before + 1);
  });
});
