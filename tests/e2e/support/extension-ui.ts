/** Driving the extension's own pages (options, popup) as a teacher would. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ExtensionBrowser } from './chromium';

export async function signInExtension(ext: ExtensionBrowser, serverUrl: string, token: string, name: string) {
  const options = await ext.context.newPage();
  await options.goto(ext.extensionUrl('options.html'));
  await options.getByRole('textbox', { name: 'Alamat server' }).fill(serverUrl);
  await options.getByRole('textbox', { name: 'Kode penghubung atau tautan masuk' }).fill(token);
  await options.getByRole('button', { name: 'Simpan' }).click();
  await options.getByText(`Masuk sebagai ${name}`).waitFor();
  await options.close();
}

/** The id Chrome gave a tab, so the popup can be opened for it (a real popup can't be automated). */
export async function tabIdOf(ext: ExtensionBrowser, url: string): Promise<number> {
  const id = await ext.serviceWorker.evaluate(async (tabUrl) => {
    type TabsApi = { tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> } };
    const tabs = await (globalThis as unknown as { chrome: TabsApi }).chrome.tabs.query({});
    return tabs.find((tab) => tab.url === tabUrl)?.id ?? null;
  }, url);
  if (id == null) throw new Error(`no tab for ${url}`);
  return id;
}

/** The background's alarm that retries the outbox (extension/background/start-background.ts), and its period. */
const OUTBOX_RETRY_ALARM = { name: 'dampingi-outbox-retry', periodInMinutes: 1 };

/** The part of Chrome's alarms API used here. */
type AlarmsApi = {
  alarms: {
    get(name: string): Promise<{ name: string; periodInMinutes?: number } | undefined>;
    create(name: string, info: { when: number; periodInMinutes?: number }): Promise<void> | void;
  };
};

/**
 * Brings the next firing of the extension's outbox retry alarm forward to now, as if its minute had passed:
 * the alarm the background set (checked: its name and one-minute period), fired by the browser, handled by
 * the background's own listener, and left with its period. A test that waited for it idled up to a minute.
 */
export async function fireOutboxRetryAlarm(ext: ExtensionBrowser): Promise<void> {
  const alarm = await ext.serviceWorker.evaluate(async ({ name }) => {
    const { alarms } = (globalThis as unknown as { chrome: AlarmsApi }).chrome;
    const existing = await alarms.get(name);
    if (existing) await alarms.create(name, { when: Date.now(), periodInMinutes: existing.periodInMinutes });
    return existing ?? null;
  }, OUTBOX_RETRY_ALARM);
  expect(alarm, 'the background keeps a periodic outbox retry alarm').toMatchObject(OUTBOX_RETRY_ALARM);
}

/** Selects from the start of the first element matching `selector` to the end of the last, as a mouse drag would. */
export async function selectOnPage(page: Page, selector: string): Promise<void> {
  await page.evaluate((css) => {
    const elements = [...document.querySelectorAll(css)];
    const first = elements[0];
    const last = elements.at(-1);
    if (!first || !last) throw new Error(`nothing matches ${css}`);
    const range = document.createRange();
    range.setStart(first, 0);
    range.setEnd(last, last.childNodes.length);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  }, selector);
}

/** The panel's list of target drafts ("Draf tujuan"). */
export function targetDraftList(panel: Page) {
  return panel.getByRole('listbox', { name: 'Draf tujuan' });
}

/** The draft chosen in the panel's list (an option reads its title, then owner, workspace and age). */
export function chosenTargetDraft(panel: Page) {
  return targetDraftList(panel).getByRole('option', { selected: true });
}

/** Waits for the draft titled `title` to be listed once, and clicks it. */
export async function chooseTargetDraft(panel: Page, title: string): Promise<void> {
  const option = targetDraftList(panel)
    .getByRole('option')
    .filter({ has: panel.getByText(title, { exact: true }) });
  await expect.poll(() => option.count(), { timeout: 10_000 }).toBe(1);
  await option.click();
  await expect.poll(() => option.getAttribute('aria-selected')).toBe('true');
}

/** Opens the popup for `tabId`, picks the draft and clicks "Klip ke Dampingi"; returns the popup. */
export async function clipFromPopup(
  ext: ExtensionBrowser,
  tabId: number,
  draftTitle: string,
  button = 'Klip ke Dampingi',
): Promise<Page> {
  const popup = await ext.context.newPage();
  await popup.goto(ext.extensionUrl(`popup.html?tab=${tabId}`));
  await chooseTargetDraft(popup, draftTitle);
  await popup.getByRole('button', { name: button }).click();
  return popup;
}

/** Waits for the popup's status line to match; on timeout the error says what it said instead. */
export async function waitForClipStatus(popup: Page, pattern: RegExp, timeout = 20_000): Promise<void> {
  const status = popup.getByRole('status');
  try {
    await status.filter({ hasText: pattern }).waitFor({ timeout });
  } catch (error) {
    const said = await status.innerText().catch(() => '(no status line)');
    throw new Error(`the popup never said ${pattern}; it says "${said}"`, { cause: error });
  }
}
