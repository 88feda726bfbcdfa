/**
 * The web app loads its occasional views on demand (export, versions, observation…), yet a teacher
 * who opened it once online can open every one of them offline: the service worker keeps all the
 * build's files at install (web-assets.json), not only those the first visit used. Those files are
 * named after their content, so a later open takes them from there without a round trip each.
 */
import type { Browser, BrowserContext, Page, Request, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchPlainBrowser } from './support/chromium';
import { createDampingiServer, type DampingiServer } from './support/dampingi-server';
import { createDraftViaApi, editorArea, openWebDraft, waitForSyncState } from './support/editor-page';

describe('a view never opened online still opens offline', () => {
  let server: DampingiServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await createDampingiServer();
    await server.start();
    const teacher = await server.addUser('Bu Sari');
    const draftId = await createDraftViaApi(server.url, teacher.token, 'LKPD Pecahan Senilai');
    browser = await launchPlainBrowser();
    context = await browser.newContext();
    page = await context.newPage();
    await openWebDraft(page, server.url, teacher.token, draftId);
    await waitForSyncState(page, 'synced');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the service worker keeps every file the build lists, also the views not opened yet', async () => {
    const listed = (await (await fetch(`${server.url}/web-assets.json`)).json()) as { files: string[] };
    expect(listed.files.some((file) => /\/chunks\/ExportDialog-[\w-]+\.js$/.test(file))).toBe(true);
    expect(listed.files.some((file) => /\/chunks\/ObservationView-[\w-]+\.js$/.test(file))).toBe(true);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const missing = () =>
      page.evaluate(async (files) => {
        const cached = await (await caches.open('dampingi-web-v1')).keys();
        const paths = new Set(cached.map((request) => new URL(request.url).pathname));
        return files.filter((file) => !paths.has(file));
      }, listed.files);
    await expect.poll(missing, { timeout: 60_000 }).toEqual([]);
  });

  it("a reload takes the editor's built files from the kept copies, without asking the server for them", async () => {
    const askedByWorker: string[] = [];
    const servedByWorker: string[] = [];
    const onRequest = (request: Request) => {
      if (request.serviceWorker()) askedByWorker.push(new URL(request.url()).pathname);
    };
    const onResponse = (response: Response) => {
      if (response.fromServiceWorker()) servedByWorker.push(new URL(response.url()).pathname);
    };
    context.on('request', onRequest);
    page.on('response', onResponse);
    await page.reload();
    await editorArea(page).waitFor({ timeout: 30_000 });
    await waitForSyncState(page, 'synced');
    context.off('request', onRequest);
    page.off('response', onResponse);
    const builtFile = (path: string) => /^\/(chunks|assets)\//.test(path);
    expect(servedByWorker.filter(builtFile).length).toBeGreaterThan(0);
    expect(askedByWorker.filter(builtFile)).toEqual([]);
  });

  it('offline after a reload: the export dialog and the observation view open from the kept files', async () => {
    await context.setOffline(true);
    await page.reload();
    await editorArea(page).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Ekspor', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: /^Word \(\.docx\)/ }).waitFor({ timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Tutup' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('navigation', { name: 'Bagian draf' }).getByRole('link', { name: 'Observasi' }).click();
    await page.locator('.observation-view').waitFor({ timeout: 30_000 });
    expect(await page.getByText('Bagian ini tidak dapat dibuka', { exact: false }).count()).toBe(0);
    await context.setOffline(false);
  });
});
