/**
 * The popup paints its frame before its scripts run (issue 21): popup.html as the built extension
 * serves it already holds the header and a hidden "Memuat…" line, its scripts are modules (run after
 * the page is parsed), its look is written in (no stylesheet to fetch first), and once the app runs
 * it takes that frame over: one main landmark, one heading, the clip controls, nothing left loading.
 * The popup's first module shows the line in the user's language, before the app is fetched.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations } from './support/accessibility';
import { type ExtensionBrowser, launchWithExtension } from './support/chromium';

describe('the popup’s static frame', () => {
  let ext: ExtensionBrowser;
  let popup: Page;

  beforeAll(async () => {
    ext = await launchWithExtension();
    popup = await ext.context.newPage();
    await popup.goto(ext.extensionUrl('popup.html'));
  });

  afterAll(async () => {
    await ext?.close();
  });

  it('is in popup.html as served, before any script runs', async () => {
    const served = await popup.evaluate(async () => {
      const html = await (await fetch('/popup.html')).text();
      const page = new DOMParser().parseFromString(html, 'text/html');
      return {
        lang: page.documentElement.lang,
        frame: [...(page.getElementById('root')?.children ?? [])].map((child) => child.tagName),
        heading: page.querySelector('#root main > header > h1')?.textContent,
        loading: page.querySelector('#root main')?.textContent?.includes('Memuat…'),
        // Shown by the first module, in the user's language (it is Bahasa Indonesia in the HTML).
        lineHidden: page.querySelector<HTMLElement>('#root .dampingi-hint')?.hidden,
        // Classic scripts without defer would run before the body is parsed, and hold the paint.
        blockingScripts: [...page.querySelectorAll('script')].filter((script) => script.type !== 'module').length,
        // A linked stylesheet holds the paint until it is fetched: the frame's look is written in.
        linkedStylesheets: page.querySelectorAll('link[rel="stylesheet"]').length,
        headerStyled: [...page.querySelectorAll('style')].some((style) =>
          style.textContent?.includes('.dampingi-header'),
        ),
      };
    });
    expect(served).toEqual({
      lang: 'id',
      frame: ['MAIN'],
      heading: 'Dampingi',
      loading: true,
      lineHidden: true,
      blockingScripts: 0,
      linkedStylesheets: 0,
      headerStyled: true,
    });
  });

  it('is taken over by the app: one main landmark, one heading, the clip controls, no loading line', async () => {
    await popup.getByRole('button', { name: 'Klip ke Dampingi' }).waitFor();
    expect(await popup.getByRole('main').count()).toBe(1);
    expect(await popup.getByRole('heading', { name: 'Dampingi' }).count()).toBe(1);
    expect(await popup.getByText('Memuat…').count()).toBe(0);
    expect(await popup.locator('[aria-busy="true"]').count()).toBe(0);
    expect(await accessibilityViolations(popup)).toEqual([]);
  });

  it('shows its loading line in English, before the app is fetched, for someone who chose English', async () => {
    const options = await ext.context.newPage();
    await options.goto(ext.extensionUrl('options.html'));
    await options.getByRole('button', { name: 'EN' }).click();
    await expect.poll(() => options.evaluate(() => document.documentElement.lang)).toBe('en');

    const englishPopup = await ext.context.newPage();
    const frame = await frameBeforeTheApp(englishPopup, ext.extensionUrl('popup.html'));
    expect(frame).toEqual({ lang: 'en', line: 'Loading…', shown: true, busy: true });
    await englishPopup.getByRole('button', { name: 'Clip to Dampingi' }).waitFor();

    // Back to Bahasa Indonesia: the next frame follows.
    await options.getByRole('button', { name: 'ID' }).click();
    await expect.poll(() => options.evaluate(() => document.documentElement.lang)).toBe('id');
    const indonesianPopup = await ext.context.newPage();
    expect(await frameBeforeTheApp(indonesianPopup, ext.extensionUrl('popup.html'))).toEqual({
      lang: 'id',
      line: 'Memuat…',
      shown: true,
      busy: true,
    });
  });
});

interface FrameState {
  lang: string;
  line: string;
  shown: boolean;
  busy: boolean;
}

/**
 * The frame as the page's parsing ends (DOMContentLoaded): its modules have run, the app is not
 * there yet — it is fetched only after the first paint (entrypoints/popup/main.tsx).
 */
async function frameBeforeTheApp(page: Page, url: string): Promise<FrameState> {
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      const main = document.querySelector('#root main');
      Object.assign(window, {
        frameAtParse: {
          lang: document.documentElement.lang,
          line: document.querySelector('#root .dampingi-hint')?.textContent ?? '',
          shown: document.querySelector<HTMLElement>('#root .dampingi-hint')?.hidden === false,
          busy: main?.getAttribute('aria-busy') === 'true',
        },
      });
    });
  });
  await page.goto(url);
  return page.evaluate(() => (window as unknown as { frameAtParse: FrameState }).frameAtParse);
}
