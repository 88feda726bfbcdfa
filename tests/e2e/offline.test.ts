import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchPlainBrowser } from './support/chromium';
import { createDampingiServer, type DampingiServer } from './support/dampingi-server';
import {
  countOf,
  createDraftViaApi,
  editorArea,
  editorText,
  expectConverged,
  openWebDraft,
  shareDraftViaApi,
  syncStatus,
  typeAtEnd,
  waitForSyncState,
} from './support/editor-page';

async function pendingChanges(page: Page): Promise<number> {
  return Number(await syncStatus(page).getAttribute('data-pending'));
}

describe('editing without a network merges later: nothing lost, nothing doubled', () => {
  let server: DampingiServer;
  let browser: Browser;
  let teacherContext: BrowserContext;
  let mentorContext: BrowserContext;
  let teacher: Page;
  let mentor: Page;

  beforeAll(async () => {
    server = await createDampingiServer();
    await server.start();
    const teacherUser = await server.addUser('Bu Sari');
    const mentorUser = await server.addUser('Pak Budi');
    const draftId = await createDraftViaApi(server.url, teacherUser.token, 'LKPD sistem pernapasan');
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
    await typeAtEnd(teacher, 'Langkah 1: amati napasmu. ');
    await expectConverged(teacher, mentor);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the mentor goes offline, keeps writing, sees the changes waiting, and both converge on return', async () => {
    await mentorContext.setOffline(true);
    await waitForSyncState(mentor, 'offline');
    await typeAtEnd(mentor, 'Catatan luring pendamping. ');
    await expect.poll(() => pendingChanges(mentor)).toBeGreaterThan(0);
    expect(await syncStatus(mentor).innerText()).toMatch(/Luring — \d+ perubahan menunggu/);

    await typeAtEnd(teacher, 'Guru tetap menulis. ');
    expect(await editorText(mentor)).not.toContain('Guru tetap menulis.');

    await mentorContext.setOffline(false);
    await waitForSyncState(mentor, 'synced');
    const text = await expectConverged(teacher, mentor);
    expect(countOf(text, 'Catatan luring pendamping.')).toBe(1);
    expect(countOf(text, 'Guru tetap menulis.')).toBe(1);
    expect(countOf(text, 'Langkah 1: amati napasmu.')).toBe(1);
    expect(await pendingChanges(mentor)).toBe(0);
  });

  it('the server stops while both write; when it is back both converge', async () => {
    await server.stop();
    await expect.poll(() => syncStatus(teacher).getAttribute('data-sync-state')).not.toBe('synced');
    await typeAtEnd(teacher, 'Ditulis guru saat server mati. ');
    await typeAtEnd(mentor, 'Ditulis pendamping saat server mati. ');
    await expect.poll(() => pendingChanges(teacher)).toBeGreaterThan(0);
    await server.start();
    await waitForSyncState(teacher, 'synced', 30_000);
    await waitForSyncState(mentor, 'synced', 30_000);
    const text = await expectConverged(teacher, mentor, 30_000);
    expect(countOf(text, 'Ditulis guru saat server mati.')).toBe(1);
    expect(countOf(text, 'Ditulis pendamping saat server mati.')).toBe(1);
  });

  it('a draft opened before opens again without a network, with its latest text', async () => {
    const before = await editorText(mentor);
    await mentorContext.setOffline(true);
    await mentor.reload();
    await editorArea(mentor).waitFor();
    await waitForSyncState(mentor, 'offline');
    await expect.poll(() => editorText(mentor)).toBe(before);
    await mentorContext.setOffline(false);
    await waitForSyncState(mentor, 'synced');
  });
});
