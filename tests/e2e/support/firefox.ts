/**
 * Real Firefox (Debian's firefox-esr) for end-to-end tests, driven by puppeteer-core over WebDriver
 * BiDi, with the built Firefox extension installed as a temporary add-on, as a teacher loads it.
 *
 * Two things differ from Chromium under Playwright, both worked around here:
 * - Firefox gives an add-on a random internal UUID per profile; the `extensions.webextensions.uuids`
 *   pref pins it, so the extension's pages are at a known `moz-extension://<uuid>/`.
 * - Firefox never reports a navigation to a `moz-extension://` page over BiDi (the page loads, the
 *   "navigation started" event never comes), so `page.goto` would time out: extension pages are
 *   opened with a navigation that does not wait, and then waited for from the page itself.
 * Pages under a CSP without 'unsafe-eval' (extension pages, the web editor) also refuse puppeteer's
 * `waitForFunction` (it builds its predicate with `new Function`): conditions are polled from Node.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type BrowserContext, type ElementHandle, type Page } from 'puppeteer-core';

export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../../.output/firefox-mv2');
const ADDON_ID = 'dampingi@dampingi.id';
const EXTENSION_UUID = '7c0e3a5d-1f4b-4e2a-9c6d-5b8a0f1e2d3c';

export function firefoxPath(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  const found = candidates.find((path) => path && existsSync(path));
  if (!found) throw new Error('Firefox not found: apt-get install -y firefox-esr (or set FIREFOX_PATH)');
  return found;
}

/**
 * Starts headless Firefox on a fresh throwaway profile (puppeteer's prefs already turn off updates and
 * telemetry; the two below turn off its connectivity checks, so traffic stays on loopback).
 */
export async function launchFirefox(): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    // Firefox 140 refuses puppeteer's viewport emulation (no BiDi screen-orientation override): the
    // window itself has a laptop's size.
    defaultViewport: null,
    // Firefox 153 lets WebDriver navigate only to http(s), file, blob and about:blank unless system access
    // is allowed: without it, every moz-extension:// page (options, popup) is refused "in this context".
    args: ['--width=1280', '--height=900', '--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_UUID }),
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
    },
  });
}

export interface FirefoxWithExtension {
  browser: Browser;
  extensionUrl(path: string): string;
  /** A new tab showing the extension's page `path` (e.g. `options.html`), loaded. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/** Firefox with the built Dampingi extension installed (temporarily, as `about:debugging` does). */
export async function launchFirefoxWithExtension(): Promise<FirefoxWithExtension> {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`Firefox build missing at ${FIREFOX_EXTENSION_DIR}: run npm run build:firefox first`);
  }
  const browser = await launchFirefox();
  const id = await browser.installExtension(FIREFOX_EXTENSION_DIR);
  if (id !== ADDON_ID) throw new Error(`installed add-on has id ${id}, expected ${ADDON_ID}`);
  const extensionUrl = (path: string) => `moz-extension://${EXTENSION_UUID}/${path.replace(/^\//, '')}`;
  return {
    browser,
    extensionUrl,
    async openExtensionPage(path) {
      const page = await browser.newPage();
      await navigateWithoutWaiting(page, extensionUrl(path));
      return page;
    },
    close: () => browser.close(),
  };
}

/** The BiDi browsing context puppeteer keeps for a frame (not in its public types). */
type FrameWithContext = { browsingContext?: { navigate(url: string, wait: 'none'): Promise<unknown> } };

/**
 * Navigates `page` to `url` without waiting for BiDi's navigation events (which Firefox does not
 * send for extension pages), then waits until the page itself says it is there and loaded.
 */
export async function navigateWithoutWaiting(page: Page, url: string): Promise<void> {
  const context = (page.mainFrame() as unknown as FrameWithContext).browsingContext;
  if (!context) throw new Error('puppeteer no longer exposes the BiDi browsing context of a frame');
  await context.navigate(url, 'none');
  await until(page, (wanted) => location.href === wanted && document.readyState === 'complete', url);
}

/**
 * Waits until `condition`, run in the page, returns true; a page between documents counts as not yet.
 * The error names the condition, so a failure says what never happened.
 */
export async function until<A>(
  page: Page,
  condition: (arg: A) => boolean | undefined,
  arg: A,
  options: { timeout?: number; what?: string } = {},
): Promise<void> {
  const deadline = Date.now() + (options.timeout ?? 20_000);
  let lastError: unknown = null;
  while (Date.now() < deadline) {
    try {
      // puppeteer types the argument as it arrives in the page (handles unwrapped); ours are plain data.
      if (await page.evaluate(condition as (value: unknown) => boolean | undefined, arg)) return;
      lastError = null;
    } catch (error) {
      lastError = error;
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`never became true: ${options.what ?? condition.toString()}`, { cause: lastError });
}

/** Waits until the page's visible text contains `text` (or matches it). */
export async function untilText(page: Page, text: string | RegExp, timeout = 20_000): Promise<void> {
  const pattern = typeof text === 'string' ? { source: text, regex: false } : { source: text.source, regex: true };
  await until(
    page,
    (wanted) => {
      const body = document.body?.innerText ?? '';
      return wanted.regex ? new RegExp(wanted.source, 'i').test(body) : body.includes(wanted.source);
    },
    pattern,
    { timeout, what: `the page shows ${text}` },
  ).catch(async (error: Error) => {
    const shown = await page.evaluate(() => document.body?.innerText ?? '').catch(() => '(no page)');
    throw new Error(`${error.message}; it shows:\n${shown.slice(0, 1500)}`, { cause: error });
  });
}

/** Waits until the page's visible text no longer contains `text`. */
export async function untilTextGone(page: Page, text: string, timeout = 20_000): Promise<void> {
  await until(page, (wanted) => !(document.body?.innerText ?? '').includes(wanted), text, {
    timeout,
    what: `"${text}" is gone`,
  });
}

/**
 * The element a screen reader announces as `role` named `name` (exactly), as a person finds it.
 * Only its handle is used: a Locator's actions check stability with code built by `new Function`,
 * which the pages' CSP refuses.
 */
export async function find(page: Page, role: string, name: string, timeout = 20_000): Promise<ElementHandle<Element>> {
  return page
    .locator(`::-p-aria([name=${JSON.stringify(name)}][role="${role}"])`)
    .setTimeout(timeout)
    .waitHandle();
}

/** The first element matching `selector`, once there is one. */
export async function findBySelector(page: Page, selector: string): Promise<ElementHandle<Element>> {
  await until(page, (css) => document.querySelector(css) !== null, selector, { what: `${selector} is there` });
  const element = await page.$(selector);
  if (!element) throw new Error(`${selector} went away`);
  return element;
}

/** Clicks the control `role` named `name`. */
export async function click(page: Page, role: string, name: string): Promise<void> {
  const control = await find(page, role, name);
  await control.click();
  await control.dispose();
}

/** Fills the text field named `name`, replacing what was there, key by key as a person types. */
export async function fillField(page: Page, name: string, value: string): Promise<void> {
  const field = await find(page, 'textbox', name);
  await field.evaluate((element) => (element as HTMLInputElement | HTMLTextAreaElement).select());
  if (value === '') await field.press('Backspace');
  else await field.type(value);
  await field.dispose();
}

/** Picks the draft titled `title` in the clip panel's list of target drafts, once it is listed. */
export async function chooseTargetDraft(page: Page, title: string): Promise<void> {
  // Runs in the page (serialised): clicks the option once it is listed, true once it is chosen.
  const chosen = (wanted: string): boolean => {
    const options = [...document.querySelectorAll<HTMLElement>('[role="listbox"] [role="option"]')].filter(
      (option) => option.querySelector('.dampingi-draft-title')?.textContent?.trim() === wanted,
    );
    if (options.length !== 1) return false;
    if (options[0]?.getAttribute('aria-selected') === 'true') return true;
    options[0]?.click();
    return false;
  };
  await until(page, chosen, title, { what: `the draft "${title}" is listed once and chosen` });
}

/** A separate browser context (its own cookies and storage), as a second person on another computer. */
export async function newPerson(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.createBrowserContext();
  return { context, page: await context.newPage() };
}
