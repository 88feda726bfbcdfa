import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchPlainBrowser, launchWithExtension } from './support/chromium';
import { createDampingiServer, type DampingiServer, type TestUser } from './support/dampingi-server';
import {
  countOf,
  editorArea,
  editorText,
  openWebDraft,
  shareDraftViaApi,
  waitForSyncState,
} from './support/editor-page';
import {
  chosenTargetDraft,
  clipFromPopup,
  selectOnPage,
  signInExtension,
  tabIdOf,
  waitForClipStatus,
} from './support/extension-ui';
import { type PageServer, startPageServer } from './support/page-server';

describe('a teacher clips a selection from a web page into a draft', () => {
  let server: DampingiServer;
  let pages: PageServer;
  let ext: ExtensionBrowser;
  let mentorBrowser: Browser;
  let teacherUser: TestUser;
  let draftId: string;
  let draftTab: Page;
  const title = 'Bahan bacaan fotosintesis';

  beforeAll(async () => {
    server = await createDampingiServer();
    await server.start();
    teacherUser = await server.addUser('Bu Sari');
    pages = await startPageServer();
    ext = await launchWithExtension();
    await signInExtension(ext, server.url, teacherUser.token, 'Bu Sari');

    // The teacher creates the draft from the editor's home page in the extension.
    draftTab = await ext.context.newPage();
    await draftTab.goto(ext.extensionUrl('editor.html'));
    await draftTab.getByRole('textbox', { name: 'Judul draf baru' }).fill(title);
    await draftTab.getByRole('button', { name: 'Buat draf' }).click();
    await editorArea(draftTab).waitFor();
    draftId = new URL(draftTab.url()).searchParams.get('draft') ?? '';
    expect(draftId).not.toBe('');
    await waitForSyncState(draftTab, 'synced');
  });

  afterAll(async () => {
    await ext?.close();
    await mentorBrowser?.close();
    await pages?.close();
    await server?.stop();
  });

  it('the selection arrives in the open draft tab as a card with its source, without reload', async () => {
    const article = await ext.context.newPage();
    const pageUrl = pages.url('fotosintesis.html');
    await article.goto(pageUrl);
    await selectOnPage(article, '#lead, #needs');
    const popup = await clipFromPopup(ext, await tabIdOf(ext, pageUrl), title);
    await waitForClipStatus(popup, /terkirim|dikirim ke draf/i);

    const clip = draftTab.locator('.dampingi-clip');
    await clip.waitFor({ timeout: 20_000 });
    expect(await clip.innerText()).toContain('Tumbuhan hijau membuat makanannya sendiri');
    expect(await clip.locator('strong').first().innerText()).toBe('fotosintesis');
    expect(await clip.locator('li').count()).toBe(3);
    const source = clip.locator('header a');
    expect(await source.innerText()).toBe('Fotosintesis: Cara Tumbuhan Membuat Makanan');
    expect(await source.getAttribute('href')).toBe(pageUrl);
    expect(await clip.locator('header time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('the mentor, on the web editor, sees the clip stored on the server', async () => {
    const mentorUser = await server.addUser('Pak Budi');
    await shareDraftViaApi(server.url, teacherUser.token, draftId, mentorUser.token, 'commenter');
    mentorBrowser = await launchPlainBrowser();
    const mentor = await (await mentorBrowser.newContext()).newPage();
    await openWebDraft(mentor, server.url, mentorUser.token, draftId);
    await mentor.locator('.dampingi-clip').waitFor({ timeout: 20_000 });
    expect(countOf(await editorText(mentor), 'Tumbuhan hijau membuat makanannya sendiri')).toBe(1);
  });

  it('scripts, event handlers and javascript: links in a clipped selection do nothing', async () => {
    const article = await ext.context.newPage();
    const pageUrl = pages.url('fotosintesis.html?unsafe');
    await article.goto(pageUrl);
    await selectOnPage(article, '#unsafe');
    const popup = await clipFromPopup(ext, await tabIdOf(ext, pageUrl), title);
    await waitForClipStatus(popup, /terkirim|dikirim ke draf/i);

    const clip = draftTab.locator('.dampingi-clip', { hasText: 'tautan berbahaya' });
    await clip.waitFor({ timeout: 20_000 });
    const html = await clip.innerHTML();
    expect(html).not.toMatch(/onclick|onerror|javascript:/i);
    expect(await clip.locator('a', { hasText: 'klorofil' }).getAttribute('href')).toBe(pages.url('klorofil.html'));
    // The javascript: link survives only as plain text; clicking it does nothing.
    expect(await clip.locator('a', { hasText: 'tautan berbahaya' }).count()).toBe(0);
    await clip.getByText('tautan berbahaya').click();
    expect(await draftTab.evaluate(() => (window as { __xss?: boolean }).__xss)).toBeUndefined();
  });

  it('a clip taken while the server is down waits in the outbox and arrives exactly once', async () => {
    await server.stop();
    const article = await ext.context.newPage();
    const pageUrl = pages.url('fotosintesis.html?offline');
    await article.goto(pageUrl);
    await selectOnPage(article, '#needs');
    const popup = await clipFromPopup(ext, await tabIdOf(ext, pageUrl), title);
    await waitForClipStatus(popup, /disimpan|menunggu/i);
    await popup.getByText('1 klip menunggu dikirim').waitFor({ timeout: 10_000 });

    await server.start();
    await popup.getByText('1 klip menunggu dikirim').waitFor({ state: 'detached', timeout: 90_000 });
    const mentorUser = await server.addUser('Pak Budi 2');
    await shareDraftViaApi(server.url, teacherUser.token, draftId, mentorUser.token, 'commenter');
    const mentor = await (await mentorBrowser.newContext()).newPage();
    await openWebDraft(mentor, server.url, mentorUser.token, draftId);
    await waitForSyncState(mentor, 'synced');
    await expect.poll(() => mentor.locator('.dampingi-clip').count(), { timeout: 20_000 }).toBe(3);
    expect(countOf(await editorText(mentor), 'Karbon dioksida dari udara')).toBe(2);
  });

  it('the side panel shows the target draft and its latest clips, and a new clip appears there live', async () => {
    const article = await ext.context.newPage();
    const pageUrl = pages.url('fotosintesis.html?panel');
    await article.goto(pageUrl);
    const panel = await ext.context.newPage();
    await panel.goto(ext.extensionUrl(`sidepanel.html?tab=${await tabIdOf(ext, pageUrl)}`));
    // The draft chosen last time is still the target.
    const chosen = chosenTargetDraft(panel).locator('.dampingi-draft-title');
    await expect.poll(() => chosen.allTextContents(), { timeout: 10_000 }).toEqual([title]);
    const clips = panel.getByRole('list', { name: /Klip di draf ini/ });
    await expect.poll(() => clips.getByRole('listitem').count(), { timeout: 20_000 }).toBe(3);
    expect(await clips.getByRole('link').first().textContent()).toBe('Fotosintesis: Cara Tumbuhan Membuat Makanan');

    await selectOnPage(article, '#lead');
    await panel.getByRole('button', { name: 'Klip ke Dampingi' }).click();
    await panel
      .getByRole('status')
      .filter({ hasText: /terkirim/i })
      .waitFor({ timeout: 20_000 });
    await expect.poll(() => clips.getByRole('listitem').count(), { timeout: 20_000 }).toBe(4);
  });
});
