/**
 * The popup paints its frame before its scripts run (issue 21): popup.html as the built extension
 * serves it already holds the header and a "Memuat…" line, its scripts are modules (run after the
 * page is parsed), its look is written in (no stylesheet to fetch first), and once the app runs it takes that frame over: one main landmark, one heading,
 * the clip controls, nothing left loading.
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
});
