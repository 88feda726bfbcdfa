/**
 * Kotak klip from the extension: a teacher clips now without deciding where it goes, and places it
 * in a draft later from the web app — once, whatever retries happened. Also while the server is down:
 * the clip waits in the outbox and reaches the inbox once when it is back.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './support/chromium';
import { createDampingiServer, type DampingiServer, type TestUser } from './support/dampingi-server';
import { countOf, createDraftViaApi, editorArea, editorText, waitForSyncState } from './support/editor-page';
import {
  clipFromPopup,
  fireOutboxRetryAlarm,
  selectOnPage,
  signInExtension,
  tabIdOf,
  waitForClipStatus,
} from './support/extension-ui';
import { type PageServer, startPageServer } from './support/page-server';

const DRAFT = 'LKPD Fotosintesis';

describe('Kotak klip from the extension: clip now, place later', () => {
  let server: DampingiServer;
  let pages: PageServer;
  let ext: ExtensionBrowser;
  let teacher: TestUser;
  let draftId: string;

  const inbox = async () => {
    const response = await fetch(`${server.url}/api/inbox`, { headers: { authorization: `Bearer ${teacher.token}` } });
    expect(response.status).toBe(200);
    return ((await response.json()) as { items: { origin: string; source: { url: string }; kind: string }[] }).items;
  };

  async function clipSelectionToInbox(query: string, selector: string): Promise<Page> {
    const pageUrl = pages.url(`fotosintesis.html?${query}`);
    const page = await ext.context.newPage();
    await page.goto(pageUrl);
    await selectOnPage(page, selector);
    return clipFromPopup(ext, await tabIdOf(ext, pageUrl), 'Kotak klip');
  }

  beforeAll(async () => {
    server = await createDampingiServer();
    await server.start();
    teacher = await server.addUser('Bu Sari');
    pages = await startPageServer();
    ext = await launchWithExtension();
    await signInExtension(ext, server.url, teacher.token, 'Bu Sari');
    draftId = await createDraftViaApi(server.url, teacher.token, DRAFT);
  });

  afterAll(async () => {
    await ext?.close();
    await pages?.close();
    await server?.stop();
  });

  it('a selection clipped to Kotak klip is kept in the inbox, not in any draft, and the popup says so', async () => {
    const popup = await clipSelectionToInbox('inbox', '#needs');
    await waitForClipStatus(popup, /tersimpan di Kotak klip/);
    const items = await inbox();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ origin: 'extension', kind: 'selection' });
    expect(items[0]?.source.url).toContain('fotosintesis.html?inbox');
  });

  it('placed later from the web app, it lands in the chosen draft once and leaves the inbox', async () => {
    const app = await ext.context.newPage();
    await app.goto(ext.extensionUrl('editor.html?view=inbox'));
    const item = app.getByRole('listitem').filter({ hasText: 'dari ekstensi' });
    await item.waitFor({ timeout: 20_000 });
    await item.getByRole('button', { name: 'Pindahkan ke draf' }).click();
    await item.getByRole('radio', { name: `Draf: ${DRAFT}` }).check();
    await item.getByRole('button', { name: 'Pindahkan', exact: true }).click();
    await app.getByText(`dipindahkan ke draf “${DRAFT}”`, { exact: false }).waitFor({ timeout: 60_000 });
    await app.getByText('Kotak klip kosong.').waitFor();
    expect(await inbox()).toEqual([]);

    const draft = await ext.context.newPage();
    await draft.goto(ext.extensionUrl(`editor.html?draft=${draftId}`));
    await editorArea(draft).waitFor();
    await waitForSyncState(draft, 'synced');
    await expect.poll(() => draft.locator('.dampingi-clip').count(), { timeout: 30_000 }).toBe(1);
    expect(countOf(await editorText(draft), 'Karbon dioksida dari udara')).toBe(1);
  });

  it('clipped to Kotak klip while the server is down, it waits in the outbox and arrives once when it is back', async () => {
    await server.stop();
    const popup = await clipSelectionToInbox('offline', '#lead');
    await waitForClipStatus(popup, /disimpan|menunggu/i);
    await popup.getByText('1 klip menunggu dikirim').waitFor({ timeout: 10_000 });
    await server.start();
    // The background's periodic retry delivers it: its next firing brought forward (it comes within a minute).
    await fireOutboxRetryAlarm(ext);
    await expect.poll(async () => (await inbox()).length, { timeout: 90_000 }).toBe(1);
    await popup.getByText('0 klip menunggu dikirim').waitFor({ timeout: 30_000 });
    const items = await inbox();
    expect(items).toHaveLength(1);
    expect(items[0]?.source.url).toContain('fotosintesis.html?offline');
  });
});
