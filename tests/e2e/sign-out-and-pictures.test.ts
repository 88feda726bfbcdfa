/**
 * A shared school computer: after "Keluar" the drafts cannot be read from the browser's storage and
 * the token left behind is refused by the server — also when signing out offline, with a warning
 * first about changes not yet sent. And a picture pointing at another site, in a draft stored before
 * the server refused such pictures, makes no request when the draft opens (the page's policy).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openSqliteStorage } from '../../server/storage/sqlite/sqlite-storage';
import { launchPlainBrowser } from './support/chromium';
import { createDampingiServer, type DampingiServer, type TestUser } from './support/dampingi-server';
import {
  createDraftViaApi,
  editorArea,
  openWebDraft,
  syncStatus,
  typeAtEnd,
  waitForSyncState,
} from './support/editor-page';

/** What this browser keeps of Dampingi: IndexedDB database names and localStorage keys. */
async function keptLocally(page: Page): Promise<{ databases: string[]; keys: string[] }> {
  return page.evaluate(async () => ({
    databases: ((await indexedDB.databases()).map((database) => database.name ?? '') as string[]).filter((name) =>
      name.startsWith('dampingi:'),
    ),
    keys: Object.keys(localStorage).filter((key) => key.startsWith('dampingi.')),
  }));
}

async function meStatus(serverUrl: string, token: string): Promise<number> {
  return (await fetch(`${serverUrl}/api/me`, { headers: { authorization: `Bearer ${token}` } })).status;
}

describe('Keluar on a shared computer', () => {
  let server: DampingiServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let teacher: TestUser;
  let draftId: string;

  beforeAll(async () => {
    server = await createDampingiServer();
    await server.start();
    // A server that is set up (it has an administrator): signed out, a browser sees the sign-in page.
    await server.addUser('Pak Kepala', { admin: true });
    teacher = await server.addUser('Bu Sari');
    draftId = await createDraftViaApi(server.url, teacher.token, 'LKPD rahasia kelas 5');
    browser = await launchPlainBrowser();
    context = await browser.newContext();
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('signing out forgets the drafts kept in this browser and ends the session on the server', async () => {
    await openWebDraft(page, server.url, teacher.token, draftId);
    await waitForSyncState(page, 'synced');
    await typeAtEnd(page, 'Jawaban kunci: 42. ');
    await waitForSyncState(page, 'synced');
    const before = await keptLocally(page);
    expect(before.databases.some((name) => name.endsWith(`:${draftId}`))).toBe(true);

    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.getByRole('heading', { name: 'Masuk ke Dampingi' }).waitFor();
    await expect.poll(async () => (await keptLocally(page)).databases).toEqual([]);
    const after = await keptLocally(page);
    // Only the app's settings are left (language; no token).
    expect(after.keys.every((key) => key === 'dampingi.settings')).toBe(true);
    expect((await page.evaluate(() => localStorage.getItem('dampingi.settings'))) ?? '').not.toContain(teacher.token);
    await expect.poll(() => meStatus(server.url, teacher.token)).toBe(401);
  });

  it('with changes not yet sent it warns first; signed out offline, the server hears of it once back online', async () => {
    const user = await server.addUser('Bu Rina');
    const draft = await createDraftViaApi(server.url, user.token, 'Modul ajar pecahan');
    await openWebDraft(page, server.url, user.token, draft);
    await waitForSyncState(page, 'synced');
    await server.stop();
    await context.setOffline(true);
    await typeAtEnd(page, 'Ditulis tanpa internet. ');
    await expect.poll(async () => Number(await syncStatus(page).getAttribute('data-pending'))).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Keluar' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ada perubahan yang belum terkirim' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Batal' }).first().click();
    await dialog.waitFor({ state: 'detached' });
    expect(await editorArea(page).innerText()).toContain('Ditulis tanpa internet.');

    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.getByRole('button', { name: 'Tetap keluar' }).click();
    await page.getByRole('heading', { name: 'Masuk ke Dampingi' }).waitFor();
    await expect.poll(async () => (await keptLocally(page)).databases).toEqual([]);

    await server.start();
    await context.setOffline(false);
    expect(await meStatus(server.url, user.token)).toBe(200);
    await page.reload();
    await page.getByRole('heading', { name: 'Masuk ke Dampingi' }).waitFor();
    await expect.poll(() => meStatus(server.url, user.token)).toBe(401);
    expect((await keptLocally(page)).keys.filter((key) => key.startsWith('dampingi.signOut'))).toEqual([]);
  });
});

describe('a picture from another site in a stored draft', () => {
  let server: DampingiServer;
  let tracker: Server;
  let trackerUrl: string;
  const trackerHits: string[] = [];
  let browser: Browser;

  beforeAll(async () => {
    tracker = createServer((request, response) => {
      trackerHits.push(request.url ?? '');
      response.writeHead(200, { 'content-type': 'image/gif' }).end(Buffer.from('R0lGODlhAQABAAAAACw=', 'base64'));
    });
    await new Promise<void>((done) => tracker.listen(0, '127.0.0.1', done));
    trackerUrl = `http://127.0.0.1:${(tracker.address() as AddressInfo).port}/pelacak.gif`;
    server = await createDampingiServer();
    browser = await launchPlainBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await new Promise((done) => tracker.close(done));
  });

  it('makes no request when the draft opens: the page refuses to fetch it', async () => {
    await server.start();
    const teacher = await server.addUser('Bu Sari');
    const draftId = await createDraftViaApi(server.url, teacher.token, 'Draf lama');
    // Stored straight into the database, as a draft from before the server refused such pictures.
    await server.stop();
    const author = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Gambar lama di bawah.')]);
    const image = new Y.XmlElement('image');
    image.setAttribute('src', trackerUrl);
    author.getXmlFragment('default').insert(0, [paragraph, image]);
    const storage = openSqliteStorage({ dataDir: server.dataDir, synchronous: 'FULL' });
    await storage.documents.appendUpdate(draftId, Y.encodeStateAsUpdate(author));
    await storage.close();
    await server.start();

    const page = await (await browser.newContext()).newPage();
    const violations: string[] = [];
    await page.exposeFunction('dampingiViolation', (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { dampingiViolation(text: string): void }).dampingiViolation(event.blockedURI);
      });
    });
    await openWebDraft(page, server.url, teacher.token, draftId);
    await editorArea(page).getByText('Gambar lama di bawah.').waitFor();
    await page.locator(`img[src="${trackerUrl}"]`).waitFor({ state: 'attached' });
    await expect.poll(() => violations).toContain(trackerUrl);
    expect(trackerHits).toEqual([]);
  });
});
