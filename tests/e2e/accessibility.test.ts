/**
 * Every screen of the web app checked with axe-core (WCAG 2.x A/AA) in real Chromium, as people
 * reach them: sign-in, home with an import result, the draft with feedback (a thread open), its
 * versions, reflection and plan, the export and share dialogs, the observation on a phone, the
 * mentor's overview, the account and admin pages, and the join page of a share link.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lessonPlanDocx } from '../fixtures/docx/build-docx';
import { accessibilityViolations } from './support/accessibility';
import { launchPlainBrowser } from './support/chromium';
import { createDampingiServer, type DampingiServer, type TestUser } from './support/dampingi-server';
import {
  createDraftViaApi,
  editorArea,
  openWebDraft,
  shareDraftViaApi,
  typeAtEnd,
  waitForSyncState,
} from './support/editor-page';
import { giveFeedback, openThread, threadCard } from './support/feedback-page';

const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

describe('every screen of the web app passes axe-core (WCAG 2.x A/AA)', () => {
  let server: DampingiServer;
  let browser: Browser;
  let teacher: TestUser;
  let mentor: TestUser;
  let admin: TestUser;
  let draftId: string;

  const url = (user: TestUser | null, query: string) =>
    `${server.url}/editor.html?${user ? `token=${encodeURIComponent(user.token)}&` : ''}${query}`;

  // The app's Content-Security-Policy allows no inline script; axe is injected as one, so the
  // test's browser contexts alone let it in.
  async function screen(viewport = LAPTOP): Promise<Page> {
    return (await browser.newContext({ viewport, bypassCSP: true })).newPage();
  }

  beforeAll(async () => {
    server = await createDampingiServer();
    await server.start();
    teacher = await server.addUser('Bu Sari');
    mentor = await server.addUser('Pak Budi');
    admin = await server.addUser('Pak Kepala', { admin: true });
    draftId = await createDraftViaApi(server.url, teacher.token, 'Modul ajar fotosintesis');
    await shareDraftViaApi(server.url, teacher.token, draftId, mentor.token, 'commenter');
    browser = await launchPlainBrowser();
    const page = await screen();
    await openWebDraft(page, server.url, teacher.token, draftId);
    await waitForSyncState(page, 'synced');
    await typeAtEnd(page, 'Tujuan: siswa memahami proses fotosintesis.');
    const mentorPage = await screen();
    await openWebDraft(mentorPage, server.url, mentor.token, draftId);
    await editorArea(mentorPage).getByText('memahami proses').waitFor();
    await giveFeedback(mentorPage, 'Perbaikan', 'memahami proses', 'Tambahkan contoh tumbuhan.');
    await giveFeedback(mentorPage, 'Saran', 'fotosintesis', 'Lebih tepat.', 'fotosintesis pada daun');
    await waitForSyncState(mentorPage, 'synced');
    await page.context().close();
    await mentorPage.context().close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sign-in', async () => {
    const page = await screen();
    await page.goto(url(null, ''));
    await page.getByRole('heading', { name: 'Masuk ke Dampingi' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('home, with the result of a Word import', async () => {
    const page = await screen();
    await page.goto(url(teacher, ''));
    await page.getByRole('heading', { name: 'Impor dari Word' }).waitFor();
    await page.getByRole('link', { name: 'Modul ajar fotosintesis' }).first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), 'dampingi-axe-'));
    writeFileSync(join(dir, 'RPP.docx'), await lessonPlanDocx({ withLosses: true }));
    await page.getByLabel('Pilih berkas Word (.docx)').setInputFiles(join(dir, 'RPP.docx'));
    await page.getByRole('button', { name: 'Buat draf dari berkas ini' }).waitFor({ timeout: 20_000 });
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('the draft with feedback, a thread open; the export and share dialogs', async () => {
    const page = await screen();
    await openWebDraft(page, server.url, teacher.token, draftId);
    const thread = threadCard(page, 'Tambahkan contoh tumbuhan.');
    await thread.waitFor({ timeout: 10_000 });
    await openThread(thread);
    await waitForSyncState(page, 'synced');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Ekspor', exact: true }).click();
    await page.getByRole('dialog', { name: 'Ekspor draf' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Bagikan' }).click();
    await page.getByRole('dialog', { name: 'Bagikan draf' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('versions, reflection and follow-up plan', async () => {
    const page = await screen();
    for (const [view, heading] of [
      ['versions', /Versi/],
      ['reflect', /Refleksi/],
      ['plan', /tindak lanjut/i],
    ] as const) {
      await page.goto(url(teacher, `draft=${draftId}&view=${view}`));
      await page.getByRole('heading', { name: heading }).first().waitFor();
      await waitForSyncState(page, 'synced');
      expect(await accessibilityViolations(page), view).toEqual([]);
    }
  });

  it("the mentor's observation on a phone, and the media there", async () => {
    const page = await screen(PHONE);
    await page.goto(url(mentor, `draft=${draftId}&view=observe`));
    await page.locator('.observation-view form').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await openWebDraft(page, server.url, mentor.token, draftId);
    await page.getByRole('button', { name: 'Masukan (2)' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("the mentor's overview", async () => {
    const page = await screen();
    await page.goto(url(mentor, 'view=overview'));
    await page.getByText('Modul ajar fotosintesis').first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('account and admin pages', async () => {
    const page = await screen();
    await page.goto(url(teacher, 'view=account'));
    await page.getByRole('heading', { name: 'Perangkat yang sedang masuk' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    const adminPage = await screen();
    await adminPage.goto(url(admin, 'view=admin'));
    await adminPage.getByRole('heading', { name: 'Pengelolaan Dampingi' }).waitFor();
    expect(await accessibilityViolations(adminPage)).toEqual([]);
  });

  it('the join page of a share link', async () => {
    const response = await fetch(`${server.url}/api/drafts/${encodeURIComponent(draftId)}/links`, {
      method: 'POST',
      headers: { authorization: `Bearer ${teacher.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'commenter' }),
    });
    const { secret } = (await response.json()) as { secret: string };
    // Someone without an account: the page says which draft, and asks for her name.
    const page = await screen();
    await page.goto(url(null, `join=${secret}`));
    await page.getByRole('heading', { name: 'Bergabung ke draf' }).waitFor();
    await page.getByLabel('Nama Anda').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
