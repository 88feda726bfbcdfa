/**
 * Issue 19 in real Chromium: a 3000×2000 picture chosen with "Gambar dari perangkat" is stored in
 * the draft at most 1600 px wide (its naturalWidth, decoded by the browser), with the alt text the
 * teacher typed; a picture pasted from the clipboard is stored too; and the table's own buttons add
 * and delete a row and a column. The draft stays in sync with the server throughout (the server
 * refuses pictures that are not stored in the draft).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngBytes } from '../fixtures/png';
import { launchPlainBrowser } from './support/chromium';
import { createDampingiServer, type DampingiServer, type TestUser } from './support/dampingi-server';
import { createDraftViaApi, editorArea, openWebDraft, typeAtEnd, waitForSyncState } from './support/editor-page';

/** naturalWidth × naturalHeight and the kind of source of each picture in the draft, once decoded. */
function pictures(page: Page) {
  return editorArea(page).evaluate((element) =>
    [...element.querySelectorAll('img:not(.ProseMirror-separator)')].map((image) => {
      const picture = image as HTMLImageElement;
      return {
        width: picture.complete ? picture.naturalWidth : 0,
        height: picture.complete ? picture.naturalHeight : 0,
        alt: picture.alt,
        stored: picture.src.startsWith('data:image/'),
      };
    }),
  );
}

/** Into the last paragraph: a click in the middle of the editor would land on the big picture above. */
async function typeInLastParagraph(page: Page, text: string): Promise<void> {
  await editorArea(page).locator('p').last().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text, { delay: 15 });
}

function tableShape(page: Page) {
  return editorArea(page).evaluate((element) => {
    const rows = [...element.querySelectorAll('table tr')];
    return { rows: rows.length, cols: rows[0]?.querySelectorAll('th, td').length ?? 0 };
  });
}

describe('pictures from the device and table controls', () => {
  let server: DampingiServer;
  let browser: Browser;
  let page: Page;
  let teacher: TestUser;
  let draftId: string;
  const alerts: string[] = [];
  let altAnswer = 'Kebun sekolah dari atas';

  beforeAll(async () => {
    server = await createDampingiServer();
    await server.start();
    await server.addUser('Pak Kepala', { admin: true });
    teacher = await server.addUser('Bu Sari');
    draftId = await createDraftViaApi(server.url, teacher.token, 'LKPD Tumbuhan');
    browser = await launchPlainBrowser();
    page = await (await browser.newContext()).newPage();
    page.on('dialog', (dialog) => {
      if (dialog.type() === 'prompt') void dialog.accept(altAnswer);
      else {
        alerts.push(dialog.message());
        void dialog.dismiss();
      }
    });
    await openWebDraft(page, server.url, teacher.token, draftId);
    await waitForSyncState(page, 'synced');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a 3000×2000 picture from the device is stored at most 1600 px wide, with the alt text typed', async () => {
    await typeAtEnd(page, 'Pengamatan kebun. ');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Gambar dari perangkat' }).click();
    await (await chooser).setFiles({ name: 'kebun.png', mimeType: 'image/png', buffer: pngBytes(3000, 2000) });
    await expect.poll(() => pictures(page), { timeout: 30_000 }).toHaveLength(1);
    await expect.poll(async () => (await pictures(page))[0]?.width ?? 0, { timeout: 30_000 }).toBeGreaterThan(0);
    const [picture] = await pictures(page);
    expect(picture?.stored).toBe(true);
    expect(picture?.width).toBeLessThanOrEqual(1600);
    expect(picture?.width).toBeGreaterThan(1000);
    expect(picture?.height).toBe(Math.round((2000 * (picture?.width ?? 0)) / 3000));
    expect(picture?.alt).toBe('Kebun sekolah dari atas');
    expect(alerts).toEqual([]);
    await waitForSyncState(page, 'synced');
  });

  it('a picture pasted from the clipboard is stored in the draft; a pasted PDF is refused with a sentence', async () => {
    altAnswer = 'Daun';
    await typeInLastParagraph(page, 'Daun: ');
    await expect.poll(async () => (await pictures(page)).length).toBe(1);
    const leaf = pngBytes(240, 160, [30, 160, 60], [20, 120, 40]).toString('base64');
    const paste = (base64: string, name: string, type: string) =>
      editorArea(page).evaluate(
        (element, file) => {
          const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0));
          const data = new DataTransfer();
          data.items.add(new File([bytes], file.name, { type: file.type }));
          element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        },
        { base64, name, type },
      );
    await paste(leaf, 'tempel.png', 'image/png');
    await expect.poll(async () => (await pictures(page)).length, { timeout: 30_000 }).toBe(2);
    await expect.poll(async () => (await pictures(page))[1]?.width ?? 0).toBe(240);
    expect((await pictures(page))[1]).toMatchObject({ stored: true, alt: 'Daun' });

    await paste(Buffer.from('%PDF-1.4').toString('base64'), 'rpp.pdf', 'application/pdf');
    await expect
      .poll(() => alerts)
      .toEqual(['“rpp.pdf” bukan gambar. Pilih berkas JPEG, PNG, GIF, WebP, AVIF atau BMP.']);
    expect(await pictures(page)).toHaveLength(2);
    await waitForSyncState(page, 'synced');
  });

  it('in a table, its buttons add and delete a row and a column, also reached from the keyboard', async () => {
    await typeInLastParagraph(page, 'Tabel pengamatan');
    await page.getByRole('button', { name: 'Sisipkan tabel' }).click();
    await expect.poll(() => tableShape(page)).toEqual({ rows: 3, cols: 3 });
    await page.getByRole('button', { name: 'Tambah baris di bawah' }).click();
    await expect.poll(() => tableShape(page)).toEqual({ rows: 4, cols: 3 });
    await page.getByRole('button', { name: 'Tambah kolom di kanan' }).click();
    await expect.poll(() => tableShape(page)).toEqual({ rows: 4, cols: 4 });
    await page.getByRole('button', { name: 'Hapus baris' }).click();
    await expect.poll(() => tableShape(page)).toEqual({ rows: 3, cols: 4 });
    // From the keyboard: the toolbar's arrow keys move from "Hapus baris" to "Hapus kolom".
    await page.getByRole('button', { name: 'Hapus baris' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Hapus kolom');
    await page.keyboard.press('Enter');
    await expect.poll(() => tableShape(page)).toEqual({ rows: 3, cols: 3 });
    await waitForSyncState(page, 'synced');
  });
});
