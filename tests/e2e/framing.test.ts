/**
 * Another website cannot put the editor in a frame (and so cannot trick a teacher into clicking in
 * it), while the editor opened directly still works under its Content-Security-Policy.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchPlainBrowser } from './support/chromium';
import { createDampingiServer, type DampingiServer, type TestUser } from './support/dampingi-server';
import { createDraftViaApi, editorArea, openWebDraft, typeAtEnd, waitForSyncState } from './support/editor-page';
import { type PageServer, startPageServer } from './support/page-server';

/** Console lines in which Chromium reports a refused frame or any other policy violation. */
const POLICY_REPORT = /Content Security Policy|X-Frame-Options|Refused to/i;

/** Collects what the page reports about policies: console lines and `securitypolicyviolation` events. */
async function watchPolicyReports(page: Page): Promise<string[]> {
  const reports: string[] = [];
  page.on('console', (message) => {
    if (POLICY_REPORT.test(message.text())) reports.push(message.text());
  });
  await page.exposeFunction('dampingiPolicyViolation', (text: string) => reports.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { dampingiPolicyViolation(text: string): void }).dampingiPolicyViolation;
      report(`violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return reports;
}

describe('the editor cannot be framed by another site, and works under its policy', () => {
  let server: DampingiServer;
  let pages: PageServer;
  let pagesDir: string;
  let browser: Browser;
  let teacher: TestUser;

  beforeAll(async () => {
    server = await createDampingiServer();
    await server.start();
    teacher = await server.addUser('Bu Sari');
    pagesDir = mkdtempSync(join(tmpdir(), 'dampingi-framing-'));
    const editorUrl = `${server.url}/editor.html?token=${encodeURIComponent(teacher.token)}`;
    writeFileSync(
      join(pagesDir, 'framing.html'),
      `<!doctype html><title>Hadiah gratis</title><h1>Klik di sini</h1><iframe src="${editorUrl}" title="dampingi" width="800" height="600"></iframe>`,
    );
    pages = await startPageServer(pagesDir);
    browser = await launchPlainBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await pages?.close();
    await server?.stop();
    if (pagesDir) rmSync(pagesDir, { recursive: true, force: true });
  });

  it('a page of another origin that frames the editor gets a refused frame: the editor never loads in it', async () => {
    const page = await browser.newPage();
    const reports = await watchPolicyReports(page);
    const editorRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(`${server.url}/chunks/`)) editorRequests.push(request.url());
    });
    // `localhost` against the server's 127.0.0.1: another origin, as a stranger's site would be.
    const framingUrl = pages.url('framing.html').replace('127.0.0.1', 'localhost');
    await page.goto(framingUrl);
    await expect
      .poll(() => reports.find((report) => /frame-ancestors|X-Frame-Options/i.test(report)), { timeout: 20_000 })
      .toBeDefined();
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
    expect(frame?.url() ?? '').not.toContain('/editor.html');
    expect(editorRequests).toEqual([]);
    await page.getByRole('heading', { name: 'Klik di sini' }).waitFor();
    await page.close();
  });

  it('opened directly, the editor signs in, opens a draft, syncs and takes typing, with no policy violation', async () => {
    const draftId = await createDraftViaApi(server.url, teacher.token, 'Fotosintesis');
    const page = await browser.newPage();
    const reports = await watchPolicyReports(page);
    await openWebDraft(page, server.url, teacher.token, draftId);
    await waitForSyncState(page, 'synced');
    await typeAtEnd(page, 'Tumbuhan membuat makanan sendiri.');
    await waitForSyncState(page, 'synced');
    await expect.poll(() => editorArea(page).innerText()).toContain('Tumbuhan membuat makanan sendiri.');
    expect(reports).toEqual([]);
    await page.close();
  });
});
