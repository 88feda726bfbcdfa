/**
 * The extension in real Firefox (ESR), as a teacher on a school laptop uses it: she sets the server's
 * address in the options page and connects with "Hubungkan ekstensi" in the web app; she clips a
 * selection (also several separate ranges, which only Firefox makes) and a whole article into a
 * draft open in another tab; a clip taken while the server is down waits in the outbox and arrives
 * once when it is back; the popup opens Firefox's sidebar where Chrome has its side panel. One
 * Firefox for the whole file. Firefox-specific underneath: a background page instead of a service
 * worker (it converts clips itself: no offscreen document), and the bridge content script registered
 * at run time under Manifest V2 (for the host: Firefox's match patterns take no port).
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDampingiServer, type DampingiServer, type TestUser } from './support/dampingi-server';
import { countOf, createDraftViaApi } from './support/editor-page';
import {
  chooseTargetDraft,
  click,
  type FirefoxWithExtension,
  fillField,
  launchFirefoxWithExtension,
  newPerson,
  until,
  untilText,
  untilTextGone,
} from './support/firefox';
import { type PageServer, startPageServer } from './support/page-server';

const TITLE = 'Bahan bacaan fotosintesis';

describe('the Dampingi extension in Firefox', () => {
  let server: DampingiServer;
  let pages: PageServer;
  let firefox: FirefoxWithExtension;
  let teacher: TestUser;
  let draftId: string;
  let draftTab: Page;

  beforeAll(async () => {
    server = await createDampingiServer();
    await server.start();
    teacher = await server.addUser('Bu Sari');
    draftId = await createDraftViaApi(server.url, teacher.token, TITLE);
    pages = await startPageServer();
    firefox = await launchFirefoxWithExtension();
  });

  afterAll(async () => {
    await firefox?.close();
    await pages?.close();
    await server?.stop();
  });

  /** The id Firefox gave the tab showing `url`, asked from an extension page (it has the tabs API). */
  async function tabIdOf(url: string): Promise<number> {
    const page = await firefox.openExtensionPage('options.html');
    const id = await page.evaluate(async (tabUrl) => {
      type TabsApi = { tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> } };
      const tabs = await (globalThis as unknown as { browser: TabsApi }).browser.tabs.query({});
      return tabs.find((tab) => tab.url === tabUrl)?.id ?? null;
    }, url);
    await page.close();
    if (id == null) throw new Error(`no tab for ${url}`);
    return id;
  }

  /** Opens a test page in a new tab and selects each of `selectors` as its own range (Ctrl-drag in Firefox). */
  async function openAndSelect(path: string, selectors: string[]): Promise<{ page: Page; url: string }> {
    const url = pages.url(path);
    const page = await firefox.browser.newPage();
    await page.goto(url);
    await page.evaluate((all) => {
      const selection = window.getSelection();
      selection?.removeAllRanges();
      for (const css of all) {
        const element = document.querySelector(css);
        if (!element) throw new Error(`nothing matches ${css}`);
        const range = document.createRange();
        range.selectNodeContents(element);
        selection?.addRange(range);
      }
      if (selection?.rangeCount !== all.length) throw new Error(`the page holds ${selection?.rangeCount} ranges`);
    }, selectors);
    return { page, url };
  }

  /** Opens the popup (as a page, for the tab showing `url`), picks the draft and presses `button`. */
  async function clipFromPopup(url: string, button = 'Klip ke Dampingi'): Promise<Page> {
    const popup = await firefox.openExtensionPage(`popup.html?tab=${await tabIdOf(url)}`);
    await chooseTargetDraft(popup, TITLE);
    await click(popup, 'button', button);
    return popup;
  }

  /** The text of every clip card in the open draft tab. */
  const clipTexts = (): Promise<string[]> =>
    draftTab.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.ProseMirror .dampingi-clip')].map((clip) => clip.innerText),
    );

  it('the options page takes the server address, and "Hubungkan ekstensi" in the web app connects the extension', async () => {
    const options = await firefox.openExtensionPage('options.html');
    await fillField(options, 'Alamat server', server.url);
    await click(options, 'button', 'Simpan');
    await untilText(options, 'Alamat server disimpan');
    await options.close();

    // The web app, signed in by her link in this same Firefox, finds the extension through the
    // bridge the background registered for this server only.
    const web = await firefox.browser.newPage();
    await web.goto(teacher.link);
    await click(web, 'button', 'Hubungkan ekstensi');
    await untilText(web, 'Ekstensi terhubung sebagai Bu Sari.');
    await web.close();

    const settings = await firefox.openExtensionPage('options.html');
    await untilText(settings, 'Masuk sebagai Bu Sari');
    await settings.close();
  });

  it('a page on another port of the same host cannot pair the extension: the background refuses it as another server', async () => {
    // In Firefox the bridge runs on every port of the server's host (match patterns take no port):
    // the test pages are such a page, and the answer to their pairing request is a refusal.
    const page = await firefox.browser.newPage();
    await page.goto(pages.url('fotosintesis.html?pairing'));
    await page.evaluate(() => {
      const replies: unknown[] = [];
      (window as unknown as { bridgeReplies: unknown[] }).bridgeReplies = replies;
      window.addEventListener('message', (event) => replies.push(event.data));
      const request = { source: 'dampingi-web', type: 'pair-extension', requestId: 'other-port-1', code: 'ABCD-EFGH' };
      window.postMessage(request, location.origin);
    });
    const result = () =>
      page.evaluate(() =>
        (window as unknown as { bridgeReplies: { type?: string; outcome?: unknown }[] }).bridgeReplies.find(
          (reply) => reply.type === 'pairing-result',
        ),
      );
    await expect.poll(result, { timeout: 20_000 }).toMatchObject({ outcome: { ok: false, reason: 'other-server' } });
    await page.close();

    const settings = await firefox.openExtensionPage('options.html');
    await untilText(settings, 'Masuk sebagai Bu Sari');
    await settings.close();
  });

  it('a selection clipped from the popup arrives in the draft open in another tab, with its source', async () => {
    draftTab = await firefox.openExtensionPage(`editor.html?draft=${draftId}`);
    await until(draftTab, () => document.querySelector('[role="status"][data-sync-state="synced"]') !== null, null, {
      what: 'the draft is synced',
    });
    const { url } = await openAndSelect('fotosintesis.html', ['#lead']);
    const popup = await clipFromPopup(url);
    await untilText(popup, /terkirim|dikirim ke draf/);
    await popup.close();

    await until(draftTab, () => document.querySelectorAll('.ProseMirror .dampingi-clip').length === 1, null, {
      what: 'one clip in the draft tab',
    });
    const [text] = await clipTexts();
    expect(text).toContain('Tumbuhan hijau membuat makanannya sendiri');
    const source = await draftTab.evaluate(() => {
      const link = document.querySelector<HTMLAnchorElement>('.ProseMirror .dampingi-clip header a');
      return { text: link?.innerText, href: link?.getAttribute('href') };
    });
    expect(source).toEqual({ text: 'Fotosintesis: Cara Tumbuhan Membuat Makanan', href: url });
  });

  it('a selection of two separate ranges (Firefox keeps both) arrives with both parts and nothing between', async () => {
    const { url } = await openAndSelect('fotosintesis.html?ranges', ['#lead strong', '#needs li:last-child']);
    const popup = await clipFromPopup(url);
    await untilText(popup, /terkirim|dikirim ke draf/);
    await popup.close();

    await until(draftTab, () => document.querySelectorAll('.ProseMirror .dampingi-clip').length === 2, null, {
      what: 'two clips in the draft tab',
    });
    const text = (await clipTexts())[1] ?? '';
    expect(text).toContain('fotosintesis');
    expect(text).toContain('Karbon dioksida dari udara');
    expect(text).not.toContain('Tumbuhan hijau');
    expect(text).not.toContain('Air dari akar');
  });

  it('a whole article arrives as one card with its structure and source, nothing around it', async () => {
    const url = pages.url('artikel-pecahan.html');
    const page = await firefox.browser.newPage();
    await page.goto(url);
    const popup = await clipFromPopup(url, 'Klip seluruh artikel');
    await untilText(popup, /terkirim|dikirim ke draf/);
    await popup.close();

    await until(draftTab, () => document.querySelectorAll('.ProseMirror .dampingi-clip').length === 3, null, {
      what: 'the article card in the draft tab',
    });
    const card = await draftTab.evaluate(() => {
      const clip = [...document.querySelectorAll<HTMLElement>('.ProseMirror .dampingi-clip')].at(-1);
      return {
        text: clip?.innerText ?? '',
        headings: [...(clip?.querySelectorAll('h2') ?? [])].map((heading) => heading.textContent),
        steps: clip?.querySelectorAll('ol > li').length,
        source: clip?.querySelector<HTMLAnchorElement>('header a')?.getAttribute('href'),
      };
    });
    expect(card.text).toContain('Pecahan senilai adalah pecahan yang nilainya sama');
    expect(card.headings).toContain('Langkah kegiatan');
    expect(card.steps).toBe(3);
    expect(card.source).toBe(pages.url('artikel/pecahan-senilai'));
    for (const around of ['memakai kuki', 'Artikel populer', 'Semua hak dilindungi', 'anak saya suka']) {
      expect(card.text, around).not.toContain(around);
    }
  });

  it('a clip taken while the server is down waits in the outbox and arrives exactly once when it is back', async () => {
    await server.stop();
    const { url } = await openAndSelect('fotosintesis.html?offline', ['#needs']);
    const popup = await clipFromPopup(url);
    await untilText(popup, /disimpan|menunggu/);
    await untilText(popup, '1 klip menunggu dikirim');

    await server.start();
    await untilTextGone(popup, '1 klip menunggu dikirim', 90_000);
    await until(draftTab, () => document.querySelectorAll('.ProseMirror .dampingi-clip').length === 4, null, {
      timeout: 30_000,
      what: 'the waiting clip in the draft tab',
    });
    // On the server once: the web app, opened fresh in another context, shows it once.
    const { context, page } = await newPerson(firefox.browser);
    await page.goto(`${server.url}/editor.html?token=${encodeURIComponent(teacher.token)}&draft=${draftId}`);
    await until(page, () => document.querySelectorAll('.ProseMirror .dampingi-clip').length === 4, null, {
      what: 'four clips in the web app',
    });
    const text = await page.evaluate(() => document.querySelector<HTMLElement>('.ProseMirror')?.innerText ?? '');
    expect(countOf(text, 'Air dari akar')).toBe(1);
    await context.close();
  });

  it('Firefox has no side panel: the popup\'s "Buka panel samping" opens the add-on\'s sidebar instead', async () => {
    const { url } = await openAndSelect('fotosintesis.html?sidebar', ['#lead']);
    const sidebarOpen = async (page: Page) =>
      page.evaluate(async () => {
        type SidebarApi = { sidebarAction: { isOpen(details: object): Promise<boolean> } };
        return (globalThis as unknown as { browser: SidebarApi }).browser.sidebarAction.isOpen({});
      });
    const popup = await firefox.openExtensionPage(`popup.html?tab=${await tabIdOf(url)}`);
    expect(await sidebarOpen(popup)).toBe(false);
    await click(popup, 'button', 'Buka panel samping');
    const check = await firefox.openExtensionPage('options.html');
    await expect.poll(() => sidebarOpen(check), { timeout: 10_000 }).toBe(true);
    await check.close();
  });
});
