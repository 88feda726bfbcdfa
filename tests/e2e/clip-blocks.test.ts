/**
 * Clip cards are blocks in the web editor (issue 19): a card is selected by its header, Delete
 * removes only it, Ctrl+Z restores it, and Alt+ArrowUp moves it — a change the server and the
 * other editors receive.
 */
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftFragment } from '../../shared/model/draft-doc';
import { draftSchema } from '../../shared/model/draft-extensions';
import { roomName } from '../../shared/protocol/rooms';
import { connectClient, destroyAllClients, type SyncClient } from '../integration/support/sync-client';
import { waitFor } from '../integration/support/wait-for';
import { launchPlainBrowser } from './support/chromium';
import { type ClippingSetup, startClipping } from './support/clipping-setup';
import { createDampingiServer, type DampingiServer } from './support/dampingi-server';
import {
  createDraftViaApi,
  editorArea,
  editorText,
  openWebDraft,
  typeAtEnd,
  waitForSyncState,
} from './support/editor-page';
import { chooseTargetDraft, selectOnPage, tabIdOf, waitForClipStatus } from './support/extension-ui';

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const LKPD = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'LKPD Fotosintesis' }] },
    paragraph('Tujuan: siswa menjelaskan fotosintesis.'),
    paragraph('Langkah kegiatan.'),
    {
      type: 'clip',
      attrs: {
        clipId: 'clip-e2e-1',
        kind: 'selection',
        sourceTitle: 'Fotosintesis untuk kelas 5',
        sourceUrl: 'https://example.org/fotosintesis',
        capturedAt: '2026-11-23T08:00:00.000Z',
      },
      content: [paragraph('Tumbuhan membuat makanan sendiri.')],
    },
    { type: 'paragraph' },
  ],
};

/** The draft's top-level blocks as the server's copy holds them (a card by its text). */
function serverBlocks(client: SyncClient): string[] {
  return draftFragment(client.doc)
    .toArray()
    .map((block) => (block.toString().includes('Tumbuhan membuat') ? 'KARTU' : block.toString()));
}

describe('a clip card is a block in the web editor', () => {
  let server: DampingiServer;
  let browser: Browser;
  let page: Page;
  let watcher: SyncClient;

  beforeAll(async () => {
    server = await createDampingiServer();
    await server.start();
    const teacher = await server.addUser('Bu Sari');
    const draftId = await createDraftViaApi(server.url, teacher.token, 'LKPD Fotosintesis');
    // The draft as it was when the clip arrived, written by a real sync client.
    watcher = connectClient(server.url, roomName(draftId), teacher.token);
    await watcher.whenSynced();
    watcher.doc.transact(() => prosemirrorJSONToYXmlFragment(draftSchema(), LKPD, draftFragment(watcher.doc)));

    browser = await launchPlainBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await openWebDraft(page, server.url, teacher.token, draftId);
    await page.locator('.dampingi-clip').waitFor();
    await waitForSyncState(page, 'synced');
  });

  afterAll(async () => {
    destroyAllClients();
    await browser?.close();
    await server?.stop();
  });

  it('shift-clicking the card’s header after clicking below it selects only the card; Delete removes it and Ctrl+Z restores it', async () => {
    const card = page.locator('.dampingi-clip');
    // Click in the empty line below the last card…
    await editorArea(page).locator('p').last().click();
    // …then shift-click the card's SUMBER header, as in the issue.
    await card.locator('.dampingi-clip-label').click({ modifiers: ['Shift'] });
    await page.locator('.dampingi-clip.ProseMirror-selectednode').waitFor();
    expect(await card.evaluate((element) => getComputedStyle(element).outlineStyle)).toBe('solid');

    await page.keyboard.press('Delete');
    await card.waitFor({ state: 'detached' });
    const text = await editorText(page);
    expect(text).toContain('LKPD Fotosintesis');
    expect(text).toContain('Tujuan: siswa menjelaskan fotosintesis.');
    expect(text).toContain('Langkah kegiatan.');
    await waitFor(() => !serverBlocks(watcher).includes('KARTU'), 'the server to lose the card');

    await page.keyboard.press('Control+z');
    await card.waitFor();
    expect(await card.locator('.dampingi-clip-title').innerText()).toBe('Fotosintesis untuk kelas 5');
    expect(await editorText(page)).toContain('Langkah kegiatan.');
    await waitFor(() => serverBlocks(watcher).includes('KARTU'), 'the server to have the card back');
  });

  it('Alt+ArrowUp on a selected card moves it above the block before it, says so, and the others receive the move', async () => {
    const card = page.locator('.dampingi-clip');
    await card.locator('.dampingi-clip-label').click();
    await page.locator('.dampingi-clip.ProseMirror-selectednode').waitFor();
    await page.keyboard.press('Alt+ArrowUp');

    const order = () =>
      editorArea(page).evaluate((element) =>
        [...element.children].map((child) =>
          child.classList.contains('dampingi-clip') ? 'KARTU' : (child.textContent ?? ''),
        ),
      );
    await expect
      .poll(order, { timeout: 10_000 })
      .toEqual(['LKPD Fotosintesis', 'Tujuan: siswa menjelaskan fotosintesis.', 'KARTU', 'Langkah kegiatan.', '']);
    await page.getByRole('status').filter({ hasText: 'Kartu dipindahkan ke blok 3 dari 5.' }).waitFor();
    await waitFor(() => serverBlocks(watcher).indexOf('KARTU') === 2, 'the other copy to receive the move');
    expect(serverBlocks(watcher).filter((block) => block === 'KARTU')).toHaveLength(1);
  });

  it('dragging the card by its handle onto the top of another block moves it there, once', async () => {
    const handle = page.locator('.dampingi-clip-handle');
    const goal = editorArea(page).locator('p', { hasText: 'Tujuan: siswa menjelaskan fotosintesis.' });
    await handle.dragTo(goal, { targetPosition: { x: 20, y: 2 } });
    await expect
      .poll(
        () =>
          editorArea(page).evaluate((element) =>
            [...element.children].map((child) =>
              child.classList.contains('dampingi-clip') ? 'KARTU' : (child.textContent ?? ''),
            ),
          ),
        { timeout: 10_000 },
      )
      .toEqual(['LKPD Fotosintesis', 'KARTU', 'Tujuan: siswa menjelaskan fotosintesis.', 'Langkah kegiatan.', '']);
    await waitFor(() => serverBlocks(watcher).indexOf('KARTU') === 1, 'the other copy to receive the drag');
    expect(serverBlocks(watcher).filter((block) => block === 'KARTU')).toHaveLength(1);
  });
});

describe('a clip placed under a heading chosen in the popup', () => {
  let setup: ClippingSetup;
  const title = 'LKPD dengan bagian';

  beforeAll(async () => {
    setup = await startClipping(title);
    // The teacher writes two sections in the open draft tab (Markdown-style headings).
    await typeAtEnd(setup.draftTab, '## Bahan bacaan');
    await setup.draftTab.keyboard.press('Enter');
    await setup.draftTab.keyboard.type('Teks bacaan.', { delay: 15 });
    await setup.draftTab.keyboard.press('Enter');
    await setup.draftTab.keyboard.type('## Refleksi', { delay: 15 });
    await setup.draftTab.keyboard.press('Enter');
    await setup.draftTab.keyboard.type('Apa yang kamu pelajari?', { delay: 15 });
    await editorArea(setup.draftTab).locator('h2', { hasText: 'Refleksi' }).waitFor();
  });

  afterAll(async () => {
    await setup?.close();
  });

  it('the popup offers the draft’s headings, and the clip lands at the end of the chosen section', async () => {
    const { ext, pages, draftTab } = setup;
    const article = await ext.context.newPage();
    const pageUrl = pages.url('fotosintesis.html');
    await article.goto(pageUrl);
    await selectOnPage(article, '#lead');

    const popup = await ext.context.newPage();
    await popup.goto(ext.extensionUrl(`popup.html?tab=${await tabIdOf(ext, pageUrl)}`));
    await chooseTargetDraft(popup, title);
    const place = popup.getByRole('combobox', { name: 'Letakkan di' });
    // The background reads the sections from its synced copy of the draft (a heading written just now too).
    const offered = async () => (await place.locator('option').allTextContents()).map((text) => text.trim());
    await expect.poll(offered, { timeout: 20_000 }).toEqual(['Akhir draf', 'Bahan bacaan', 'Refleksi']);
    await place.selectOption({ index: 1 });
    await popup.getByRole('button', { name: 'Klip ke Dampingi' }).click();
    await waitForClipStatus(popup, /terkirim|dikirim ke draf/i);

    const order = () =>
      editorArea(draftTab).evaluate((element) =>
        [...element.children]
          .map((child) => (child.classList.contains('dampingi-clip') ? 'KARTU' : (child.textContent ?? '')))
          .filter((text) => text !== ''),
      );
    await expect
      .poll(order, { timeout: 20_000 })
      .toEqual(['Bahan bacaan', 'Teks bacaan.', 'KARTU', 'Refleksi', 'Apa yang kamu pelajari?']);
  });
});
