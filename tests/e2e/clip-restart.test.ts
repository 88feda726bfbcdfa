/**
 * A clip taken while the server is unreachable waits in the outbox (IndexedDB), survives the
 * browser being closed, and is delivered after the browser starts again, without the teacher
 * doing anything, exactly once.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchPlainBrowser, launchWithExtension, newProfileDir } from './support/chromium';
import { createDampingiServer, type DampingiServer, type TestUser } from './support/dampingi-server';
import {
  countOf,
  createDraftViaApi,
  editorText,
  openWebDraft,
  shareDraftViaApi,
  waitForSyncState,
} from './support/editor-page';
import { chooseTargetDraft, selectOnPage, signInExtension, tabIdOf, waitForClipStatus } from './support/extension-ui';
import { type PageServer, startPageServer } from './support/page-server';

describe('the outbox survives a browser restart', () => {
  let server: DampingiServer;
  let pages: PageServer;
  let ext: ExtensionBrowser | undefined;
  let mentorBrowser: Browser;
  let teacher: TestUser;
  let draftId: string;
  const profile = newProfileDir();
  const title = 'Bahan bacaan fotosintesis';

  beforeAll(async () => {
    server = await createDampingiServer();
    await server.start();
    teacher = await server.addUser('Bu Sari');
    draftId = await createDraftViaApi(server.url, teacher.token, title);
    pages = await startPageServer();
    mentorBrowser = await launchPlainBrowser();
  });

  afterAll(async () => {
    await ext?.close();
    await mentorBrowser?.close();
    await pages?.close();
    await server?.stop();
  });

  it('clipped offline, browser closed, server back, browser started: the clip arrives once', async () => {
    ext = await launchWithExtension(profile);
    await signInExtension(ext, server.url, teacher.token, 'Bu Sari');
    const pageUrl = pages.url('fotosintesis.html?restart');
    const page = await ext.context.newPage();
    await page.goto(pageUrl);
    await selectOnPage(page, '#needs');
    // The popup is open with the draft chosen when the connection goes (the server stops).
    const popup = await ext.context.newPage();
    await popup.goto(ext.extensionUrl(`popup.html?tab=${await tabIdOf(ext, pageUrl)}`));
    await chooseTargetDraft(popup, title);
    await server.stop();
    await popup.getByRole('button', { name: 'Klip ke Dampingi' }).click();
    await waitForClipStatus(popup, /disimpan|menunggu/i);
    await popup.getByText('1 klip menunggu dikirim').waitFor({ timeout: 10_000 });
    await ext.close();
    ext = undefined;

    await server.start();
    ext = await launchWithExtension(profile);
    // No page of ours is opened: the background delivers on browser start (or its next retry).
    const mentorUser = await server.addUser('Pak Budi');
    await shareDraftViaApi(server.url, teacher.token, draftId, mentorUser.token, 'commenter');
    const mentor = await (await mentorBrowser.newContext()).newPage();
    await openWebDraft(mentor, server.url, mentorUser.token, draftId);
    await waitForSyncState(mentor, 'synced');
    await expect.poll(() => mentor.locator('.dampingi-clip').count(), { timeout: 90_000 }).toBe(1);
    expect(countOf(await editorText(mentor), 'Karbon dioksida dari udara')).toBe(1);

    // And the outbox is empty again, as the popup says.
    const after = await ext.context.newPage();
    await after.goto(ext.extensionUrl('popup.html'));
    await after.getByText('0 klip menunggu dikirim').waitFor({ timeout: 20_000 });
  });
});
