/**
 * The extension connects without copy-paste: "Hubungkan ekstensi" in the web app hands a one-time
 * pairing code to the installed extension (a bridge registered at run time for the configured
 * server only), which gets its own scoped, revocable token. Also: typing the code in the options
 * page, pasting a sign-in link there, a wrong code refused, and ending the session signing it out.
 */

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_COOKIE, CSRF_HEADER } from '../../shared/protocol/auth-api';
import { accessibilityViolations } from './support/accessibility';
import { type ExtensionBrowser, launchPlainBrowser, launchWithExtension } from './support/chromium';
import { createDampingiServer, type DampingiServer, type TestUser } from './support/dampingi-server';
import { createDraftViaApi } from './support/editor-page';
import { clipFromPopup, selectOnPage, tabIdOf, waitForClipStatus } from './support/extension-ui';
import { type PageServer, startPageServer } from './support/page-server';

type ChromeApis = {
  chrome: {
    scripting: { getRegisteredContentScripts(filter: object): Promise<{ id: string; matches?: string[] }[]> };
    storage: { local: { get(key: string): Promise<Record<string, { token?: string | null } | undefined>> } };
  };
};

describe('the extension connects to an account without copy-paste', () => {
  let server: DampingiServer;
  let pages: PageServer;
  let ext: ExtensionBrowser;
  let plain: Browser | undefined;
  let teacher: TestUser;
  let draftId: string;
  let web: Page;
  const title = 'Bahan bacaan fotosintesis';

  beforeAll(async () => {
    server = await createDampingiServer();
    await server.start();
    teacher = await server.addUser('Bu Sari');
    draftId = await createDraftViaApi(server.url, teacher.token, title);
    pages = await startPageServer();
    ext = await launchWithExtension();
  });

  afterAll(async () => {
    await plain?.close();
    await ext?.close();
    await pages?.close();
    await server?.stop();
  });

  async function openOptions(): Promise<Page> {
    const options = await ext.context.newPage();
    await options.goto(ext.extensionUrl('options.html'));
    return options;
  }

  async function storedToken(): Promise<string | null> {
    return ext.serviceWorker.evaluate(async () => {
      const { chrome } = globalThis as unknown as ChromeApis;
      return (await chrome.storage.local.get('dampingi.settings'))['dampingi.settings']?.token ?? null;
    });
  }

  async function popupFor(url: string): Promise<Page> {
    const popup = await ext.context.newPage();
    await popup.goto(ext.extensionUrl(`popup.html?tab=${await tabIdOf(ext, url)}`));
    return popup;
  }

  /** A call of the web app's own API from its tab, with its cookie and CSRF header. */
  async function webApi(method: string, path: string): Promise<{ status: number; body: unknown }> {
    return web.evaluate(
      async (call) => {
        const cookie = document.cookie.split('; ').find((part) => part.startsWith(`${call.cookie}=`));
        const headers = { [call.header]: decodeURIComponent(cookie?.slice(call.cookie.length + 1) ?? '') };
        const response = await fetch(call.path, { method: call.method, headers });
        return { status: response.status, body: (await response.json()) as unknown };
      },
      { method, path, cookie: CSRF_COOKIE, header: CSRF_HEADER },
    );
  }

  it('"Hubungkan ekstensi" in the web app connects the extension: the popup names her and a clip reaches the draft', async () => {
    // Only the server address is set in the extension: no token to copy anywhere.
    const options = await openOptions();
    await options.getByRole('textbox', { name: 'Alamat server' }).fill(server.url);
    await options.getByRole('button', { name: 'Simpan' }).click();
    await options.getByText('Alamat server disimpan').waitFor();
    await options.close();
    // The background registers the bridge for this server's origin, and only for it.
    await expect
      .poll(
        () =>
          ext.serviceWorker.evaluate(async () => {
            const { chrome } = globalThis as unknown as ChromeApis;
            return (await chrome.scripting.getRegisteredContentScripts({})).map((script) => script.matches);
          }),
        { timeout: 10_000 },
      )
      .toEqual([[`${server.url}/*`]]);

    web = await ext.context.newPage();
    await web.goto(teacher.link);
    const connect = web.getByRole('button', { name: 'Hubungkan ekstensi' });
    await connect.click();
    const dialog = web.getByRole('dialog', { name: 'Hubungkan ekstensi Dampingi' });
    await dialog.getByText('Ekstensi terhubung sebagai Bu Sari.').waitFor({ timeout: 20_000 });

    // The extension holds its own token now; the page never saw it, nor does the address carry it.
    const token = await storedToken();
    expect(token).toBeTruthy();
    expect(token).not.toBe(teacher.token);
    expect(await web.content()).not.toContain(token as string);
    expect(web.url()).not.toContain(token as string);
    await dialog.getByRole('button', { name: 'Tutup' }).click();

    const article = await ext.context.newPage();
    const pageUrl = pages.url('fotosintesis.html');
    await article.goto(pageUrl);
    const popupBefore = await popupFor(pageUrl);
    await popupBefore.getByText('Masuk sebagai Bu Sari').waitFor({ timeout: 10_000 });
    await popupBefore.close();
    await selectOnPage(article, '#lead, #needs');
    const popup = await clipFromPopup(ext, await tabIdOf(ext, pageUrl), title);
    await waitForClipStatus(popup, /terkirim|dikirim ke draf/i);
    await popup.close();

    // The clip is on the server: the web app (signed in by its cookie) shows it in the draft.
    const draft = await ext.context.newPage();
    await draft.goto(`${server.url}/editor.html?draft=${draftId}`);
    await draft.locator('.dampingi-clip').filter({ hasText: 'Tumbuhan hijau membuat makanannya sendiri' }).waitFor({
      timeout: 20_000,
    });
    await draft.close();
    await article.close();
  });

  it('the extension is listed among her sessions, and ending that session signs the extension out', async () => {
    const listed = await webApi('GET', '/api/sessions');
    expect(listed.status).toBe(200);
    const sessions = (listed.body as { sessions: { id: string; kind: string; current: boolean }[] }).sessions;
    const extension = sessions.filter((session) => session.kind === 'extension');
    expect(extension).toHaveLength(1);
    const [session] = extension;
    if (!session) throw new Error('no extension session listed');
    expect(session.current).toBe(false);

    // Scoped: the extension's token clips, but cannot manage the account (nor make pairing codes).
    const token = await storedToken();
    const asExtension = (path: string, method = 'GET') =>
      fetch(`${server.url}${path}`, { method, headers: { authorization: `Bearer ${token}` } });
    expect((await asExtension('/api/me')).status).toBe(200);
    expect((await asExtension('/api/sessions')).status).toBe(403);
    expect((await asExtension('/api/extension/pairing-codes', 'POST')).status).toBe(403);

    const ended = await webApi('DELETE', `/api/sessions/${encodeURIComponent(session.id)}`);
    expect(ended.status).toBe(200);

    const article = await ext.context.newPage();
    const pageUrl = pages.url('fotosintesis.html');
    await article.goto(pageUrl);
    const popup = await popupFor(pageUrl);
    await popup.getByText('Sesi ekstensi ini sudah berakhir').waitFor({ timeout: 10_000 });
    await popup.getByText('Buka Dampingi di web lalu pilih "Hubungkan ekstensi"').waitFor();
    expect(await popup.getByRole('button', { name: 'Klip ke Dampingi' }).isDisabled()).toBe(true);
    expect(await popup.getByText('Masuk sebagai Bu Sari').count()).toBe(0);
    // Signed out, the popup still passes the WCAG A/AA checks.
    expect(await accessibilityViolations(popup)).toEqual([]);
    await popup.close();
    await article.close();
  });

  it('a wrong code typed in the options page is refused with a clear message', async () => {
    const options = await openOptions();
    await options.getByRole('textbox', { name: 'Kode penghubung atau tautan masuk' }).fill('ZZZZ-ZZZZ');
    await options.getByRole('button', { name: 'Simpan' }).click();
    await options
      .getByRole('status')
      .filter({ hasText: 'Tidak terhubung: Kode salah, sudah dipakai, atau kedaluwarsa.' })
      .waitFor({ timeout: 10_000 });
    expect(await accessibilityViolations(options)).toEqual([]);
    await options.close();
  });

  it('where no extension answers, the web app shows the code; typed in the options page, it connects', async () => {
    plain = await launchPlainBrowser();
    const other = await (await plain.newContext()).newPage();
    await other.goto(await server.newLink(teacher.id));
    await other.getByRole('button', { name: 'Hubungkan ekstensi' }).click();
    const dialog = other.getByRole('dialog', { name: 'Hubungkan ekstensi Dampingi' });
    await dialog.getByText('Ekstensi Dampingi tidak menjawab di browser ini').waitFor({ timeout: 10_000 });
    await dialog.getByText(/Kode ini berlaku 10 menit/).waitFor();
    await dialog.getByText(`isi alamat server ${server.url}`).waitFor();
    const code = (await dialog.getByRole('definition').innerText()).trim();
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);

    const options = await openOptions();
    await options.getByRole('textbox', { name: 'Kode penghubung atau tautan masuk' }).fill(code.toLowerCase());
    await options.getByRole('button', { name: 'Simpan' }).click();
    await options.getByRole('status').filter({ hasText: 'Masuk sebagai Bu Sari' }).waitFor({ timeout: 10_000 });
    // The code works once.
    expect(await options.getByRole('textbox', { name: 'Kode penghubung atau tautan masuk' }).inputValue()).toBe('');
    await options.close();

    const article = await ext.context.newPage();
    const pageUrl = pages.url('fotosintesis.html');
    await article.goto(pageUrl);
    const popup = await popupFor(pageUrl);
    await popup.getByText('Masuk sebagai Bu Sari').waitFor({ timeout: 10_000 });
    await popup.close();
    await article.close();
  });

  it('a sign-in link pasted in the options page connects the extension, the server address taken from it', async () => {
    const options = await openOptions();
    await options.getByRole('textbox', { name: 'Alamat server' }).fill('http://localhost:1');
    const link = await server.newLink(teacher.id);
    await options.getByRole('textbox', { name: 'Kode penghubung atau tautan masuk' }).fill(link);
    await options.getByRole('button', { name: 'Simpan' }).click();
    await options.getByRole('status').filter({ hasText: 'Masuk sebagai Bu Sari' }).waitFor({ timeout: 10_000 });
    expect(await options.getByRole('textbox', { name: 'Alamat server' }).inputValue()).toBe(server.url);
    // The same link again is spent: refused, and said why.
    await options.getByRole('textbox', { name: 'Kode penghubung atau tautan masuk' }).fill(link);
    await options.getByRole('button', { name: 'Simpan' }).click();
    await options
      .getByRole('status')
      .filter({ hasText: 'Tautan masuk ini sudah dipakai atau kedaluwarsa' })
      .waitFor({ timeout: 10_000 });
    await options.close();
  });

  it('set to another server the extension does not answer this page; set back, an open tab gets the bridge without reload', async () => {
    const setAddress = async (address: string) => {
      const options = await openOptions();
      await options.getByRole('textbox', { name: 'Alamat server' }).fill(address);
      await options.getByRole('button', { name: 'Simpan' }).click();
      await options
        .getByRole('status')
        .filter({ hasText: /Alamat server disimpan|Masuk sebagai/ })
        .waitFor();
      await options.close();
    };
    const registered = () =>
      ext.serviceWorker.evaluate(async () => {
        const { chrome } = globalThis as unknown as ChromeApis;
        return (await chrome.scripting.getRegisteredContentScripts({})).map((script) => script.matches);
      });

    await setAddress('http://localhost:1');
    await expect.poll(registered, { timeout: 10_000 }).toEqual([['http://localhost:1/*']]);
    expect(await storedToken()).toBeNull();
    // A fresh load of the server's page: no bridge there any more, so the code is shown.
    await web.goto(`${server.url}/editor.html`);
    await web.getByRole('button', { name: 'Hubungkan ekstensi' }).click();
    let dialog = web.getByRole('dialog', { name: 'Hubungkan ekstensi Dampingi' });
    await dialog.getByText('Ekstensi Dampingi tidak menjawab di browser ini').waitFor({ timeout: 10_000 });
    await dialog.getByRole('button', { name: 'Tutup' }).click();

    // Back to this server, the page still open: the bridge is put into it, and pairing works.
    await setAddress(server.url);
    await expect.poll(registered, { timeout: 10_000 }).toEqual([[`${server.url}/*`]]);
    await web.getByRole('button', { name: 'Hubungkan ekstensi' }).click();
    dialog = web.getByRole('dialog', { name: 'Hubungkan ekstensi Dampingi' });
    await dialog.getByText('Ekstensi terhubung sebagai Bu Sari.').waitFor({ timeout: 20_000 });
    expect(await storedToken()).toBeTruthy();
  });
});
