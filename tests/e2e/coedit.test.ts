import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchPlainBrowser } from './support/chromium';
import { createDampingiServer, type DampingiServer, type TestUser } from './support/dampingi-server';
import {
  countOf,
  createDraftViaApi,
  editorArea,
  editorText,
  expectConverged,
  openWebDraft,
  placeCaretAfter,
  shareDraftViaApi,
  syncStatus,
  typeAtEnd,
  waitForSyncState,
} from './support/editor-page';

// Teacher and mentor each in their own browser, both on the web editor served by the server.
describe('teacher and mentor co-edit a draft in real time', () => {
  let server: DampingiServer;
  let browser: Browser;
  let teacherContext: BrowserContext;
  let mentorContext: BrowserContext;
  let teacher: Page;
  let mentor: Page;
  let teacherUser: TestUser;
  let mentorUser: TestUser;
  let draftId: string;

  beforeAll(async () => {
    server = await createDampingiServer();
    await server.start();
    teacherUser = await server.addUser('Bu Sari');
    mentorUser = await server.addUser('Pak Budi');
    draftId = await createDraftViaApi(server.url, teacherUser.token, 'Bahan bacaan fotosintesis');
    await shareDraftViaApi(server.url, teacherUser.token, draftId, mentorUser.token, 'editor');
    browser = await launchPlainBrowser();
    teacherContext = await browser.newContext();
    mentorContext = await browser.newContext();
    teacher = await teacherContext.newPage();
    mentor = await mentorContext.newPage();
    await openWebDraft(teacher, server.url, teacherUser.token, draftId);
    await openWebDraft(mentor, server.url, mentorUser.token, draftId);
    await waitForSyncState(teacher, 'synced');
    await waitForSyncState(mentor, 'synced');
    await typeAtEnd(teacher, 'Tujuan:');
    await teacher.keyboard.press('Enter');
    await teacher.keyboard.type('Saran:');
    await expectConverged(teacher, mentor);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('both type at once; each sees the other text, once, and the same draft', async () => {
    // Each writes in their own paragraph at the same moment.
    await placeCaretAfter(teacher, 'Tujuan:');
    await placeCaretAfter(mentor, 'Saran:');
    await Promise.all([
      teacher.keyboard.type(' siswa memahami fotosintesis.', { delay: 15 }),
      mentor.keyboard.type(' tambah gambar daun.', { delay: 15 }),
    ]);
    const text = await expectConverged(teacher, mentor);
    expect(countOf(text, 'Tujuan: siswa memahami fotosintesis.')).toBe(1);
    expect(countOf(text, 'Saran: tambah gambar daun.')).toBe(1);
  });

  it("each sees who is online and the other's cursor with name and colour", async () => {
    const presence = teacher.getByRole('list', { name: 'Sedang membuka' });
    await expect.poll(() => presence.innerText(), { timeout: 10_000 }).toContain('Pak Budi');
    await expect.poll(() => mentor.getByRole('list', { name: 'Sedang membuka' }).innerText()).toContain('Bu Sari');
    await typeAtEnd(mentor, 'x');
    const caretLabel = teacher.locator('.collaboration-carets__label', { hasText: 'Pak Budi' });
    await caretLabel.waitFor({ timeout: 10_000 });
    const colour = await caretLabel.evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(colour).not.toBe('rgba(0, 0, 0, 0)');
  });

  it('a reload shows the draft as the server stored it', async () => {
    const before = await editorText(teacher);
    await mentor.reload();
    await editorArea(mentor).waitFor();
    await waitForSyncState(mentor, 'synced');
    await expect.poll(() => editorText(mentor)).toBe(before);
    expect(await syncStatus(mentor).getAttribute('data-pending')).toBe('0');
  });
});
