/**
 * The popup's draft list as a teacher with several drafts meets it: most recent first, the draft
 * open in the tab already chosen, same-titled drafts told apart, a search that narrows the list,
 * the keyboard moving through it, and the clip arriving in the draft chosen. The popup, the side
 * panel and the options page pass axe-core's WCAG 2.x A/AA checks.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations } from './support/accessibility';
import { type ExtensionBrowser, launchWithExtension } from './support/chromium';
import { createDampingiServer, type DampingiServer } from './support/dampingi-server';
import { createDraftViaApi, editorArea, shareDraftViaApi, waitForSyncState } from './support/editor-page';
import {
  chosenTargetDraft,
  selectOnPage,
  signInExtension,
  tabIdOf,
  targetDraftList,
  waitForClipStatus,
} from './support/extension-ui';
import { type PageServer, startPageServer } from './support/page-server';

describe('the popup lists a teacher’s drafts the way she looks for them', () => {
  let server: DampingiServer;
  let pages: PageServer;
  let ext: ExtensionBrowser;
  let draftTab: Page;
  let popup: Page;
  let ownPecahan: string;

  beforeAll(async () => {
    server = await createDampingiServer();
    await server.start();
    const teacher = await server.addUser('Bu Sari');
    const colleague = await server.addUser('Bu Dewi');
    pages = await startPageServer();
    ext = await launchWithExtension();
    await signInExtension(ext, server.url, teacher.token, 'Bu Sari');

    // Created one after the other: the last one made is the most recently changed.
    await createDraftViaApi(server.url, teacher.token, 'Catatan refleksi');
    ownPecahan = await createDraftViaApi(server.url, teacher.token, 'LKPD Pecahan');
    const colleaguesDraft = await createDraftViaApi(server.url, colleague.token, 'LKPD Pecahan');
    await shareDraftViaApi(server.url, colleague.token, colleaguesDraft, teacher.token, 'editor');

    // The teacher has Bu Dewi's "LKPD Pecahan" open in a tab.
    draftTab = await ext.context.newPage();
    await draftTab.goto(ext.extensionUrl(`editor.html?draft=${colleaguesDraft}`));
    await editorArea(draftTab).waitFor();
    await waitForSyncState(draftTab, 'synced');
    await createDraftViaApi(server.url, teacher.token, 'Modul ajar fotosintesis');
  });

  afterAll(async () => {
    await ext?.close();
    await pages?.close();
    await server?.stop();
  });

  const optionTitles = () => targetDraftList(popup).locator('.dampingi-draft-title').allTextContents();
  const chosenDetails = () => chosenTargetDraft(popup).locator('.dampingi-draft-details').allTextContents();

  it('opened from the tab showing a draft, the popup has that draft chosen, listed with its owner', async () => {
    popup = await ext.context.newPage();
    await popup.goto(ext.extensionUrl(`popup.html?tab=${await tabIdOf(ext, draftTab.url())}`));
    await expect.poll(optionTitles, { timeout: 15_000 }).toHaveLength(4);
    const chosen = await chosenDetails();
    expect(chosen).toHaveLength(1);
    expect(chosen[0]).toContain('Bu Dewi');
    expect(chosen[0]).toContain('terbuka di tab ini');
  });

  it('lists the most recent draft first, and says whose each same-titled draft is and when it changed', async () => {
    expect(await optionTitles()).toEqual([
      'Modul ajar fotosintesis',
      'LKPD Pecahan',
      'LKPD Pecahan',
      'Catatan refleksi',
    ]);
    const details = await targetDraftList(popup).locator('.dampingi-draft-details').allTextContents();
    expect(details[1]).toMatch(/^Bu Dewi · diubah /);
    expect(details[2]).toMatch(/^Bu Sari · diubah /);
  });

  it('typing in the search narrows the list, ignoring case; the arrow keys choose within it', async () => {
    const search = popup.getByRole('searchbox', { name: 'Cari draf' });
    await search.fill('pecahan');
    await expect.poll(optionTitles).toEqual(['LKPD Pecahan', 'LKPD Pecahan']);
    await popup.getByText('2 draf cocok').waitFor();

    // From the search field the arrow key goes into the list, then moves the choice.
    await search.press('ArrowDown');
    await expect.poll(() => targetDraftList(popup).evaluate((list) => list === document.activeElement)).toBe(true);
    await popup.keyboard.press('ArrowDown');
    await expect.poll(chosenDetails).toEqual([expect.stringMatching(/^Bu Sari/)]);
    await popup.keyboard.press('ArrowUp');
    await expect.poll(chosenDetails).toEqual([expect.stringMatching(/^Bu Dewi/)]);

    await search.fill('tidak ada draf begini');
    await popup.getByText('Tidak ada draf yang cocok dengan “tidak ada draf begini”.').waitFor();
    await search.fill('PECAHAN');
    await expect.poll(optionTitles).toEqual(['LKPD Pecahan', 'LKPD Pecahan']);
  });

  it('the popup with its list passes the accessibility check', async () => {
    expect(await accessibilityViolations(popup)).toEqual([]);
  });

  it('the clip goes into the chosen draft: Bu Dewi’s, open in the tab', async () => {
    const pageUrl = pages.url('fotosintesis.html');
    const article = await ext.context.newPage();
    await article.goto(pageUrl);
    await selectOnPage(article, '#lead');
    // A popup opened on the article: the draft chosen a moment ago is still the target.
    const articlePopup = await ext.context.newPage();
    await articlePopup.goto(ext.extensionUrl(`popup.html?tab=${await tabIdOf(ext, pageUrl)}`));
    await chosenTargetDraft(articlePopup).filter({ hasText: 'Bu Dewi' }).waitFor({ timeout: 15_000 });
    await articlePopup.getByRole('button', { name: 'Klip ke Dampingi' }).click();
    await waitForClipStatus(articlePopup, /terkirim|dikirim ke draf/i);
    await draftTab.locator('.dampingi-clip').waitFor({ timeout: 20_000 });
    expect(await draftTab.locator('.dampingi-clip').innerText()).toContain('Tumbuhan hijau');
  });

  it('the side panel and the options page pass the accessibility check, in both languages', async () => {
    const panel = await ext.context.newPage();
    await panel.goto(ext.extensionUrl(`sidepanel.html?tab=${await tabIdOf(ext, draftTab.url())}`));
    await panel
      .getByRole('list', { name: /Klip di draf ini/ })
      .getByRole('listitem')
      .first()
      .waitFor({ timeout: 20_000 });
    expect(await accessibilityViolations(panel)).toEqual([]);

    const options = await ext.context.newPage();
    await options.goto(ext.extensionUrl('options.html'));
    await options.getByText('Masuk sebagai Bu Sari').waitFor();
    expect(await accessibilityViolations(options)).toEqual([]);
    await options.getByRole('button', { name: 'EN' }).click();
    await options.getByText('Signed in as Bu Sari').waitFor();
    expect(await accessibilityViolations(options)).toEqual([]);
    await options.getByRole('button', { name: 'ID' }).click();
    await options.getByText('Masuk sebagai Bu Sari').waitFor();
  });

  it('the side panel, left open, chooses the draft of the tab brought forward', async () => {
    const panel = await ext.context.newPage();
    await panel.goto(ext.extensionUrl('sidepanel.html'));
    await targetDraftList(panel).waitFor({ timeout: 15_000 });
    const chosen = () => chosenTargetDraft(panel).locator('.dampingi-draft-details').allTextContents();

    await draftTab.bringToFront();
    await expect.poll(chosen, { timeout: 10_000 }).toEqual([expect.stringMatching(/^Bu Dewi .*terbuka di tab ini$/)]);

    // She opens her own "LKPD Pecahan" in a new tab: the panel follows.
    const ownTab = await ext.context.newPage();
    await ownTab.goto(ext.extensionUrl(`editor.html?draft=${ownPecahan}`));
    await ownTab.bringToFront();
    await expect.poll(chosen, { timeout: 10_000 }).toEqual([expect.stringMatching(/^Bu Sari .*terbuka di tab ini$/)]);
  });
});
