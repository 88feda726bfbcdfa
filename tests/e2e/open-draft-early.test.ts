/**
 * Opening a draft does not wait for the session check (issue 21): the draft's local copy and sync
 * socket start as the page starts, so the check's round trip and the first render no longer come
 * before the draft's sync; a draft opened before in this browser shows from its local copy while
 * the check is on its way, and is drawn once. The badge still says synced only once the server has answered.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchPlainBrowser } from './support/chromium';
import { createDampingiServer, type DampingiServer } from './support/dampingi-server';
import {
  createDraftViaApi,
  editorArea,
  editorText,
  openWebDraft,
  typeAtEnd,
  waitForSyncState,
} from './support/editor-page';

/** Holds the page's session check (`GET /api/me`) until `release`; `asked` tells whether the page sent it. */
async function holdSessionCheck(page: Page): Promise<{ release(): void; asked(): boolean }> {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let asked = false;
  await page.route('**/api/me', async (route) => {
    asked = true;
    await held;
    await route.continue();
  });
  return { release: () => release(), asked: () => asked };
}

describe('a draft opened while the session is still being checked', () => {
  let server: DampingiServer;
  let browser: Browser;
  let token: string;
  let draftId: string;

  beforeAll(async () => {
    server = await createDampingiServer();
    await server.start();
    token = (await server.addUser('Bu Sari')).token;
    draftId = await createDraftViaApi(server.url, token, 'LKPD Pecahan Senilai');
    browser = await launchPlainBrowser();
    const writing = await browser.newContext();
    const page = await writing.newPage();
    await openWebDraft(page, server.url, token, draftId);
    await typeAtEnd(page, 'Tujuan pembelajaran');
    await waitForSyncState(page, 'synced');
    await writing.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("the draft's sync socket opens before the session check answers, and the draft then shows synced", async () => {
    // No service worker: the held session check must go through this page's own routing.
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const check = await holdSessionCheck(page);
    const draftSocket = page.waitForEvent('websocket', {
      predicate: (socket) => new URL(socket.url()).pathname === `/sync/${draftId}`,
      timeout: 30_000,
    });
    await page.goto(
      `${server.url}/editor.html?token=${encodeURIComponent(token)}&draft=${encodeURIComponent(draftId)}`,
    );

    await draftSocket;
    expect(await page.getByText('Memeriksa token…').isVisible()).toBe(true);
    check.release();
    await waitForSyncState(page, 'synced');
    expect(await editorText(page)).toContain('Tujuan pembelajaran');
    await context.close();
  });

  it('a draft opened before in this browser shows its text while the session check is still on its way', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const first = await context.newPage();
    await openWebDraft(first, server.url, token, draftId);
    await waitForSyncState(first, 'synced');
    await first.close();

    const page = await context.newPage();
    const check = await holdSessionCheck(page);
    await page.goto(`${server.url}/editor.html?draft=${encodeURIComponent(draftId)}`);
    await editorArea(page).waitFor({ timeout: 20_000 });
    await expect.poll(() => editorText(page), { timeout: 20_000 }).toContain('Tujuan pembelajaran');
    expect(check.asked()).toBe(true);
    check.release();
    await waitForSyncState(page, 'synced');
    expect(await page.getByRole('button', { name: 'Keluar' }).isVisible()).toBe(true);
    await context.close();
  });

  it('the draft is drawn once as it opens: each paragraph is put on the page once, not redrawn', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    // Counts the distinct paragraph elements with the draft's text ever put on the page, from the
    // start: a redraw makes new ones; the editor's element moved into its place keeps the same ones.
    await page.addInitScript(() => {
      const seen = new WeakSet<Node>();
      const counted = { added: 0 };
      (window as unknown as { __paragraphsAdded: typeof counted }).__paragraphsAdded = counted;
      new MutationObserver((records) => {
        for (const record of records) {
          for (const node of record.addedNodes) {
            if (!(node instanceof HTMLElement)) continue;
            const paragraphs = [...(node.matches('p') ? [node] : []), ...node.querySelectorAll('p')];
            for (const paragraph of paragraphs) {
              if (seen.has(paragraph) || !paragraph.textContent?.includes('Tujuan pembelajaran')) continue;
              seen.add(paragraph);
              counted.added += 1;
            }
          }
        }
      }).observe(document, { childList: true, subtree: true });
    });
    // The session check waits until the draft's socket has brought the document: the editor then
    // mounts on a document that already holds the paragraph (where a redraw on mount would show).
    const check = await holdSessionCheck(page);
    let framesIn = 0;
    page.on('websocket', (socket) => {
      if (new URL(socket.url()).pathname === `/sync/${draftId}`) socket.on('framereceived', () => (framesIn += 1));
    });
    await page.goto(
      `${server.url}/editor.html?token=${encodeURIComponent(token)}&draft=${encodeURIComponent(draftId)}`,
    );
    await expect.poll(() => framesIn, { timeout: 30_000 }).toBeGreaterThan(0);
    check.release();
    await editorArea(page).waitFor({ timeout: 20_000 });
    await waitForSyncState(page, 'synced');
    await expect
      .poll(() => page.locator('.dampingi-draft p').filter({ hasText: 'Tujuan pembelajaran' }).count())
      .toBe(1);
    // Read before the text helper below, which copies the editor into the page to read it.
    const added = await page.evaluate(
      () => (window as unknown as { __paragraphsAdded: { added: number } }).__paragraphsAdded.added,
    );
    expect(added).toBe(1);
    expect(await editorText(page)).toContain('Tujuan pembelajaran');
    await context.close();
  });
});
