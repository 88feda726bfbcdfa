/**
 * A page full of XSS vectors (scripts, event handlers, javascript:/data: URLs, forms, SVG, mXSS)
 * clipped as a selection and as an article: nothing of it executes in the editor, before or after a
 * reload, while the page's ordinary text arrives.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from './support/chromium';
import { type ClippingSetup, startClipping } from './support/clipping-setup';
import { editorArea } from './support/editor-page';
import { clipFromPopup, selectOnPage, tabIdOf } from './support/extension-ui';
import type { PageServer } from './support/page-server';

describe('clipping a page of XSS vectors', () => {
  let setup: ClippingSetup;
  let pages: PageServer;
  let ext: ExtensionBrowser;
  let draftTab: Page;
  const dialogs: string[] = [];
  const title = 'Draf uji keamanan';

  beforeAll(async () => {
    setup = await startClipping(title);
    ({ pages, ext, draftTab } = setup);
    draftTab.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });

  afterAll(async () => {
    await setup?.close();
  });

  /** Interacts with everything in the clips as a curious teacher would, then asks whether anything ran. */
  async function nothingRan(): Promise<void> {
    const clips = draftTab.locator('.dampingi-clip');
    for (const link of await clips.locator('[data-clip-content] a').all()) {
      // Pointer events on each link (the click with Ctrl, so an http link would open elsewhere).
      await link.dispatchEvent('mouseover');
      await link.dispatchEvent('click', { ctrlKey: true, button: 0 });
    }
    for (const summary of await clips.locator('summary').all()) await summary.click();
    // Whatever those could have set off has had its turn: every picture in the clips has loaded or
    // failed (an onerror would have run), then a task and a frame (a javascript: link navigates in a
    // task). A dialog would hold this evaluate until dismissed, so it is counted by now too.
    await clips.evaluateAll(async (elements) => {
      const images = elements.flatMap((element) => [...element.querySelectorAll('img')]);
      await Promise.all(
        images.map((image) =>
          image.complete
            ? null
            : new Promise((settled) => {
                image.addEventListener('load', settled, { once: true });
                image.addEventListener('error', settled, { once: true });
              }),
        ),
      );
      await new Promise((turn) => setTimeout(turn, 0));
      await new Promise((frame) => requestAnimationFrame(frame));
    });
    expect(await draftTab.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);

    const html = await clips.evaluateAll((elements) => elements.map((element) => element.innerHTML).join('\n'));
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:|vbscript:|data:text|data:image\/svg/i);
    expect(
      await clips
        .locator('script, iframe, object, embed, form, input, button, svg, math, style, video, marquee')
        .count(),
    ).toBe(0);
    for (const src of await clips
      .locator('img')
      .evaluateAll((images) => images.map((image) => image.getAttribute('src')))) {
      expect(src ?? '').toMatch(/^(data:image\/(png|jpeg|gif|webp|avif|bmp);base64,|https?:)/);
    }
  }

  it('as a selection and as an article: the text arrives, nothing executes, also after a reload', async () => {
    const pageUrl = pages.url('xss-vectors.html');
    const page = await ext.context.newPage();
    page.on('dialog', (dialog) => void dialog.dismiss());
    await page.goto(pageUrl);
    await selectOnPage(page, '#vectors');
    const popup = await clipFromPopup(ext, await tabIdOf(ext, pageUrl), title);
    const status = popup.getByRole('status').filter({ hasText: /terkirim|dikirim ke draf/i });
    await status.waitFor({ timeout: 20_000 });

    await popup.getByRole('button', { name: 'Klip seluruh artikel' }).click();
    await popup.getByRole('alertdialog').getByRole('button', { name: 'Buat kartu sumber baru' }).click();
    await status.waitFor({ timeout: 20_000 });

    const clips = draftTab.locator('.ProseMirror > .dampingi-clip');
    await expect.poll(() => clips.count(), { timeout: 20_000 }).toBe(2);
    for (const clip of await clips.all()) {
      const text = await clip.innerText();
      expect(text).toContain('Teks biasa yang harus tetap ada: satu per dua.');
      expect(text).toContain('Penutup: dua per empat sama dengan satu per dua.');
    }
    await nothingRan();

    await draftTab.reload();
    await editorArea(draftTab).waitFor();
    await expect.poll(() => clips.count(), { timeout: 20_000 }).toBe(2);
    await nothingRan();
  });
});
