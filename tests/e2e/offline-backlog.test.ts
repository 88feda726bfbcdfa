/**
 * A teacher works for weeks without internet: about 60 MB of text and pictures go into her draft
 * offline, she reloads the page offline, and when the school's connection is back the backlog goes
 * up in parts — the badge says how far ("Mengirim perubahan: 12 dari 60 MB") — and a connection cut
 * halfway resumes by itself. Her mentor's editor and the server end with all of it, once.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchPlainBrowser } from './support/chromium';
import { createDampingiServer, type DampingiServer } from './support/dampingi-server';
import {
  createDraftViaApi,
  editorArea,
  openWebDraft,
  shareDraftViaApi,
  syncStatus,
  waitForSyncState,
} from './support/editor-page';

const PARAGRAPHS = 600;
const PARAGRAPH_CHARS = 60_000;
const PICTURES = 24;
const PICTURE_CHARS = 1_000_000;

/** Pastes the backlog as a teacher would paste a long document with pictures (one paste event). */
async function pasteBacklog(page: Page): Promise<void> {
  await editorArea(page).click();
  await page.keyboard.press('Control+End');
  await page.evaluate(
    ({ paragraphs, paragraphChars, pictures, pictureChars }) => {
      const text = 'Siswa mengamati daun, mencatat warna dan bentuknya, lalu membandingkannya. ';
      const body = text.repeat(Math.ceil(paragraphChars / text.length)).slice(0, paragraphChars);
      const parts: string[] = [];
      for (let index = 0; index < paragraphs; index += 1) {
        parts.push(`<p>Paragraf luring ${index}. ${body}</p>`);
        if (index % Math.floor(paragraphs / pictures) === 0 && index / (paragraphs / pictures) < pictures) {
          parts.push(`<img src="data:image/png;base64,${String(index).padStart(4, '0')}${'A'.repeat(pictureChars)}">`);
        }
      }
      parts.push('<p>Akhir bahan luring.</p>');
      const data = new DataTransfer();
      data.setData('text/html', parts.join(''));
      data.setData('text/plain', 'bahan luring');
      const target = document.querySelector('[role="textbox"][aria-label="Isi draf"]') as HTMLElement;
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    { paragraphs: PARAGRAPHS, paragraphChars: PARAGRAPH_CHARS, pictures: PICTURES, pictureChars: PICTURE_CHARS },
  );
}

async function offlineParagraphs(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      [...document.querySelectorAll('[role="textbox"][aria-label="Isi draf"] p')].filter((p) =>
        p.textContent?.startsWith('Paragraf luring '),
      ).length,
  );
}

describe('a large offline backlog goes up in parts and merges', () => {
  let server: DampingiServer;
  let browser: Browser;
  let teacherContext: BrowserContext;
  let teacher: Page;
  let mentor: Page;
  let draftId: string;
  let mentorToken: string;

  beforeAll(async () => {
    server = await createDampingiServer();
    await server.start();
    const teacherUser = await server.addUser('Bu Sari');
    const mentorUser = await server.addUser('Pak Budi');
    mentorToken = mentorUser.token;
    draftId = await createDraftViaApi(server.url, teacherUser.token, 'Bahan bacaan fotosintesis');
    await shareDraftViaApi(server.url, teacherUser.token, draftId, mentorUser.token, 'editor');
    browser = await launchPlainBrowser();
    teacherContext = await browser.newContext();
    teacher = await teacherContext.newPage();
    mentor = await (await browser.newContext()).newPage();
    await openWebDraft(teacher, server.url, teacherUser.token, draftId);
    await openWebDraft(mentor, server.url, mentorUser.token, draftId);
    await waitForSyncState(teacher, 'synced');
    await waitForSyncState(mentor, 'synced');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('written and reloaded offline, sent with progress, cut halfway and resumed: the mentor and the server have all of it, once', async () => {
    await server.stop();
    await teacherContext.setOffline(true);
    await waitForSyncState(teacher, 'offline');
    await pasteBacklog(teacher);
    await editorArea(teacher).getByText('Akhir bahan luring.').waitFor({ timeout: 120_000 });
    expect(await offlineParagraphs(teacher)).toBe(PARAGRAPHS);

    // Offline, the page opens again from this device (service worker and IndexedDB).
    await teacher.reload();
    await editorArea(teacher).getByText('Akhir bahan luring.').waitFor({ timeout: 120_000 });
    await waitForSyncState(teacher, 'offline');

    await server.start();
    await teacherContext.setOffline(false);
    const progress = syncStatus(teacher).filter({ hasText: /Mengirim perubahan: [\d.,]+ dari [\d.,]+ MB/ });
    await progress.waitFor({ timeout: 60_000 });
    // The school's connection drops halfway through.
    await server.stop();
    await waitForSyncState(teacher, 'offline', 60_000);
    await server.start();
    await waitForSyncState(teacher, 'synced', 180_000);

    await expect.poll(() => offlineParagraphs(mentor), { timeout: 180_000, interval: 1_000 }).toBe(PARAGRAPHS);
    // The server has each paragraph once: a fresh page of the mentor reads it from there.
    const fresh = await (await browser.newContext()).newPage();
    await openWebDraft(fresh, server.url, mentorToken, draftId);
    await editorArea(fresh).getByText('Akhir bahan luring.').waitFor({ timeout: 120_000 });
    expect(await offlineParagraphs(fresh)).toBe(PARAGRAPHS);
    expect(await fresh.locator('[role="textbox"][aria-label="Isi draf"] img').count()).toBe(PICTURES);
  }, 360_000);
});
