import { resolve } from 'node:path';
import { type Browser, type BrowserContext, devices, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchPlainBrowser } from './support/chromium';
import { createDampingiServer, type DampingiServer, type TestUser } from './support/dampingi-server';
import { countOf, createDraftViaApi, editorArea, editorText, waitForSyncState } from './support/editor-page';
import { type PageServer, startPageServer } from './support/page-server';
import { sendShareTo, shareToDampingi, untilInstalled } from './support/share-sheet';

const PICTURE = resolve(import.meta.dirname, '../fixtures/pages/gambar/kue-lapis.png');

async function inboxOf(server: DampingiServer, user: TestUser) {
  const response = await fetch(`${server.url}/api/inbox`, { headers: { authorization: `Bearer ${user.token}` } });
  return (
    (await response.json()) as { items: { clipId: string; kind: string; origin: string; source: { title: string } }[] }
  ).items;
}

/** The draft as another device of the same teacher sees it: only what the server holds. */
async function draftTextElsewhere(browser: Browser, server: DampingiServer, user: TestUser, draftId: string) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/editor.html?token=${encodeURIComponent(user.token)}&draft=${draftId}`);
    await editorArea(page).waitFor();
    // The editor shows before the draft has arrived from the server: read it once in step.
    await waitForSyncState(page, 'synced', 60_000);
    return {
      text: await editorText(page),
      pictures: await editorArea(page).locator('img[src^="data:image/"]').count(),
    };
  } finally {
    await context.close();
  }
}

describe('sharing into Dampingi from a phone (Web Share Target)', () => {
  let server: DampingiServer;
  let pages: PageServer;
  let browser: Browser;
  let context: BrowserContext;
  let phone: Page;
  let teacher: TestUser;
  let draftId: string;

  beforeAll(async () => {
    // The server may fetch the loopback page server only because this test says so.
    server = await createDampingiServer({ env: { DAMPINGI_CLIP_FETCH_ALLOW_LOOPBACK: '1' } });
    await server.start();
    pages = await startPageServer();
    teacher = await server.addUser('Bu Sari');
    draftId = await createDraftViaApi(server.url, teacher.token, 'LKPD pecahan senilai');
    browser = await launchPlainBrowser();
    context = await browser.newContext({ ...devices['Pixel 7'] });
    phone = await context.newPage();
    await phone.goto(`${server.url}/editor.html?token=${encodeURIComponent(teacher.token)}`);
    await phone.getByRole('heading', { name: 'Draf bahan ajar' }).waitFor();
    await untilInstalled(phone);
  });

  afterAll(async () => {
    await browser?.close();
    await pages?.close();
    await server?.stop();
  });

  it('the editor page names an installable app: manifest with icons, standalone, and a share target', async () => {
    const href = await phone.locator('link[rel="manifest"]').getAttribute('href');
    const response = await fetch(new URL(href ?? '', server.url));
    expect(response.headers.get('content-type')).toContain('application/manifest+json');
    const manifest = await response.json();
    expect(manifest).toMatchObject({ name: 'Dampingi', display: 'standalone', start_url: '/editor.html' });
    expect(manifest.share_target).toMatchObject({
      action: '/share-target',
      method: 'POST',
      enctype: 'multipart/form-data',
    });
    for (const icon of manifest.icons as { src: string }[]) {
      const image = await fetch(new URL(icon.src, server.url));
      expect(image.headers.get('content-type')).toBe('image/png');
    }
  });

  it('a shared page goes into a draft as the article card the extension makes, fetched by the server', async () => {
    const url = pages.url('artikel-pecahan.html');
    await shareToDampingi(phone, { title: 'Pecahan senilai', url });
    await expect(phone.locator('.shared-preview').first().innerText()).resolves.toContain('Halaman web');
    await sendShareTo(phone, { draftTitle: 'LKPD pecahan senilai' });
    await phone.getByText('Terkirim ke draf “LKPD pecahan senilai”.').waitFor({ timeout: 60_000 });

    const draft = await draftTextElsewhere(browser, server, teacher, draftId);
    expect(draft.text).toContain('Mengenal Pecahan Senilai Lewat Kue Lapis');
  });

  it('shared text goes into Kotak klip as a text clip from the phone, with its page as the source', async () => {
    await shareToDampingi(phone, {
      text: '"Dua per empat sama dengan satu per dua."\nhttps://contoh.sch.id/pecahan',
    });
    await sendShareTo(phone, 'inbox');
    await phone.getByText('Tersimpan di Kotak klip.').waitFor();
    const items = await inboxOf(server, teacher);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'selection', origin: 'phone', source: { title: 'contoh.sch.id' } });
  });

  it('a shared picture goes into the draft as an image clip, made small and stored in the draft', async () => {
    await shareToDampingi(phone, { title: 'Kue lapis', file: PICTURE });
    await phone.getByRole('img', { name: /Gambar yang dibagikan/ }).waitFor();
    await sendShareTo(phone, { draftTitle: 'LKPD pecahan senilai' });
    await phone.getByText('Terkirim ke draf “LKPD pecahan senilai”.').waitFor({ timeout: 60_000 });
    const draft = await draftTextElsewhere(browser, server, teacher, draftId);
    expect(draft.pictures).toBe(1);
  });

  it('moving a Kotak klip clip into a draft places it there once and empties the inbox', async () => {
    await phone.goto(`${server.url}/editor.html?view=inbox`);
    const item = phone.getByRole('listitem').filter({ hasText: 'contoh.sch.id' });
    await item.getByText('dari ponsel').waitFor();
    await item.getByRole('button', { name: 'Pindahkan ke draf' }).click();
    await item.getByRole('radio', { name: 'Draf: LKPD pecahan senilai' }).check();
    await item.getByRole('button', { name: 'Pindahkan', exact: true }).click();
    await phone.getByText('dipindahkan ke draf “LKPD pecahan senilai”', { exact: false }).waitFor({ timeout: 60_000 });
    await phone.getByText('Kotak klip kosong.').waitFor();
    expect(await inboxOf(server, teacher)).toEqual([]);
    const draft = await draftTextElsewhere(browser, server, teacher, draftId);
    expect(countOf(draft.text, 'Dua per empat sama dengan satu per dua.')).toBe(1);
  });

  it('a page the server may not fetch is explained in plain words and can be kept as a link card', async () => {
    // A private address: refused by the server's address guard before any connection is made.
    await shareToDampingi(phone, { title: 'Rapor kelas 5', url: 'http://10.20.30.40/rapor' });
    await sendShareTo(phone, 'inbox');
    await phone
      .getByText('Alamat ini tidak dapat diambil oleh server: bukan halaman publik.')
      .waitFor({ timeout: 30_000 });
    await phone.getByRole('button', { name: 'Simpan sebagai kartu tautan saja' }).click();
    await phone.getByText('Tersimpan di Kotak klip.').waitFor();
    const items = await inboxOf(server, teacher);
    expect(items.filter((item) => item.source.title === 'Rapor kelas 5')).toMatchObject([{ kind: 'bookmark' }]);
  });

  it('before the app is installed, a share reaching the server leads to a page saying it was not kept', async () => {
    const answer = await fetch(`${server.url}/share-target`, {
      method: 'POST',
      body: new FormData(),
      redirect: 'manual',
    });
    expect(answer.status).toBe(303);
    const location = answer.headers.get('location') ?? '';
    expect(location).toBe('/editor.html?view=share&share-problem=not-kept');
    await phone.goto(new URL(location, server.url).href);
    await phone.getByText('Kiriman tadi belum dapat disimpan', { exact: false }).waitFor();
  });

  it('shared offline, kept through a reload as "menunggu koneksi", and sent once when online again', async () => {
    await phone.goto(`${server.url}/editor.html?view=share`);
    await phone.getByRole('heading', { name: 'Simpan yang dibagikan' }).waitFor();
    await context.setOffline(true);
    await shareToDampingi(phone, { text: 'Catatan luring: siswa memotong kue menjadi empat bagian.' });
    await sendShareTo(phone, { draftTitle: 'LKPD pecahan senilai' });
    const waiting = phone.locator('.share-waiting');
    await expect.poll(() => waiting.getAttribute('data-waiting'), { timeout: 30_000 }).toBe('1');
    expect(await waiting.innerText()).toBe('1 kiriman menunggu koneksi');

    await phone.reload();
    await phone.getByRole('heading', { name: 'Simpan yang dibagikan' }).waitFor();
    await expect.poll(() => waiting.getAttribute('data-waiting'), { timeout: 30_000 }).toBe('1');

    // Home, still offline, says something waits and leads back to where it is sent.
    await phone.goto(`${server.url}/editor.html`);
    await phone.getByRole('link', { name: '1 kiriman dari ponsel ini belum terkirim' }).click();
    await phone.getByRole('heading', { name: 'Simpan yang dibagikan' }).waitFor();

    await context.setOffline(false);
    await expect.poll(() => waiting.getAttribute('data-waiting'), { timeout: 60_000 }).toBe('0');
    const draft = await draftTextElsewhere(browser, server, teacher, draftId);
    expect(countOf(draft.text, 'Catatan luring: siswa memotong kue menjadi empat bagian.')).toBe(1);
  });
});
