/**
 * Where things are on the screens teachers and mentors use: a 1366×768 laptop (the writing area
 * within the first screen under a compact heading, the toolbar staying in sight) and a 390×844
 * phone (the observation form at the top, no "cannot change" notice where the mentor writes, the
 * feedback reached from the media in one tap). Element boxes are measured in real Chromium.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { feedbackSidebar, giveFeedback, threadCard } from './support/feedback-page';

const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

async function box(page: Page, selector: string) {
  const found = await page.locator(selector).first().boundingBox();
  if (!found) throw new Error(`${selector} is not shown`);
  return found;
}

describe('the draft screens on a laptop and a phone', () => {
  let server: DampingiServer;
  let browser: Browser;
  let teacher: TestUser;
  let mentor: TestUser;
  let draftId: string;

  beforeAll(async () => {
    server = await createDampingiServer();
    await server.start();
    teacher = await server.addUser('Bu Sari');
    mentor = await server.addUser('Pak Budi');
    draftId = await createDraftViaApi(server.url, teacher.token, 'Modul ajar fotosintesis');
    await shareDraftViaApi(server.url, teacher.token, draftId, mentor.token, 'commenter');
    browser = await launchPlainBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('at 1366×768 the first line of the draft starts within the first 240 px; title, status, stage and tabs stay in sight', async () => {
    const page = await (await browser.newContext({ viewport: LAPTOP })).newPage();
    await openWebDraft(page, server.url, teacher.token, draftId);
    await waitForSyncState(page, 'synced');
    // A long draft: 40 paragraphs, the last one ending with the sentence the mentor comments on.
    await typeAtEnd(page, 'Tujuan pembelajaran.');
    for (let paragraph = 1; paragraph <= 40; paragraph++) {
      await page.keyboard.press('Enter');
      await page.keyboard.insertText(`Langkah ${paragraph}: siswa mengamati daun.`);
    }
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('Penutup: siswa menyimpulkan hasil pengamatan.');
    await page.keyboard.press('Control+Home');
    await page.evaluate(() => window.scrollTo(0, 0));

    const firstLine = await editorArea(page).evaluate((root) => root.firstElementChild?.getBoundingClientRect().top);
    expect(firstLine).toBeLessThanOrEqual(240);
    for (const selector of ['h1', '[role="status"][data-sync-state]', '[aria-current="step"]', 'nav.cycle-tabs']) {
      const shown = await box(page, selector);
      expect(shown.y + shown.height, selector).toBeLessThanOrEqual(240);
    }
    expect(await page.locator('[aria-current="step"]').innerText()).toContain('Analisis kebutuhan');
    // The other stages keep their names for a screen reader and on hover.
    expect(await page.locator('.stage-step[data-stage="try-out"]').getAttribute('title')).toBe('Uji coba terbatas');

    // Far down the draft, the toolbar is still at the top of the screen.
    await page.getByText('Langkah 30: siswa mengamati daun.').scrollIntoViewIfNeeded();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
    const toolbar = await box(page, '.toolbar');
    expect(toolbar.y).toBeGreaterThanOrEqual(0);
    expect(toolbar.y).toBeLessThanOrEqual(2);
    await page.context().close();
  });

  it('on a phone the observation form is at the top, with no "cannot change" notice', async () => {
    const phone = await (await browser.newContext({ viewport: PHONE })).newPage();
    await phone.goto(
      `${server.url}/editor.html?token=${encodeURIComponent(mentor.token)}&draft=${draftId}&view=observe`,
    );
    const form = phone.locator('.observation-view form');
    await form.waitFor();
    expect((await box(phone, '.observation-view form')).y).toBeLessThan(450);
    const note = await form.getByRole('textbox', { name: 'Catatan' }).boundingBox();
    if (!note) throw new Error('the note field is not shown');
    expect(note.y + note.height).toBeLessThanOrEqual(PHONE.height);
    expect(await phone.getByTestId('read-only-banner').count()).toBe(0);
    // The stage is still on the page, under the notes.
    expect(await phone.getByRole('region', { name: 'Tahap pendampingan' }).count()).toBe(1);
    await phone.context().close();
  });

  it('on a phone, "Masukan (N)" on the media brings the threads into view, and "Kembali ke teks" goes back', async () => {
    const desk = await (await browser.newContext({ viewport: LAPTOP })).newPage();
    await openWebDraft(desk, server.url, mentor.token, draftId);
    await editorArea(desk).getByText('Penutup: siswa menyimpulkan').waitFor();
    await giveFeedback(desk, 'Pertanyaan', 'menyimpulkan hasil pengamatan', 'Bagaimana siswa menyimpulkan?');
    await threadCard(desk, 'Bagaimana siswa menyimpulkan?').waitFor();
    await desk.context().close();

    const phone = await (await browser.newContext({ viewport: PHONE })).newPage();
    await openWebDraft(phone, server.url, mentor.token, draftId);
    // On the media the notice is there: here the mentor cannot change the text.
    await phone.getByTestId('read-only-banner').waitFor();
    const jump = phone.getByRole('button', { name: 'Masukan (1)' });
    await jump.waitFor();
    const jumpBox = await jump.boundingBox();
    if (!jumpBox) throw new Error('"Masukan (1)" is not shown');
    expect(jumpBox.y + jumpBox.height).toBeLessThanOrEqual(PHONE.height);
    // Without it the threads are far below the first screen.
    expect((await box(phone, '.feedback-sidebar')).y).toBeGreaterThan(2 * PHONE.height);

    await jump.click();
    const thread = threadCard(phone, 'Bagaimana siswa menyimpulkan?');
    await expect.poll(async () => (await thread.boundingBox())?.y ?? -1).toBeGreaterThanOrEqual(0);
    const shown = await thread.boundingBox();
    expect((shown?.y ?? PHONE.height) + (shown?.height ?? 0)).toBeLessThanOrEqual(PHONE.height);
    expect(await feedbackSidebar(phone).evaluate((aside) => aside.contains(document.activeElement))).toBe(true);

    await feedbackSidebar(phone).getByRole('button', { name: 'Kembali ke teks' }).click();
    await expect.poll(() => phone.evaluate(() => window.scrollY)).toBeLessThan(PHONE.height);
    await phone.context().close();
  });
});
