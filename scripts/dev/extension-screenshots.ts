/**
 * Screenshots of the extension's popup, side panel and options page in Bahasa Indonesia and English,
 * into docs/screenshots/, from the real built extension in Chromium against a throwaway server on
 * loopback. Run after `npm run build`: `npx tsx scripts/dev/extension-screenshots.ts`.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension } from '../../tests/e2e/support/chromium';
import { createDampingiServer } from '../../tests/e2e/support/dampingi-server';
import { startPageServer } from '../../tests/e2e/support/page-server';

const OUT = resolve(import.meta.dirname, '../../docs/screenshots');

async function api(serverUrl: string, path: string, token: string, body: unknown): Promise<Record<string, string>> {
  const response = await fetch(`${serverUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, string>;
}

async function shot(page: Page, name: string, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 640 });
  await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: true });
  console.log(`${OUT}/${name}.png`);
}

async function main() {
  const server = await createDampingiServer();
  await server.start();
  const pages = await startPageServer();
  const ext = await launchWithExtension();
  try {
    const sari = await server.addUser('Bu Sari Wulandari');
    const dewi = await server.addUser('Bu Dewi Ayuningtyas');
    const draft = (token: string, title: string) => api(server.url, '/api/drafts', token, { title });
    await draft(sari.token, 'Catatan refleksi minggu ke-3');
    await draft(sari.token, 'LKPD Pecahan kelas 5');
    const shared = await draft(dewi.token, 'LKPD Pecahan kelas 5');
    const link = await api(server.url, `/api/drafts/${shared.id}/links`, dewi.token, { role: 'editor' });
    await api(server.url, '/api/join', sari.token, { secret: link.secret });
    await draft(sari.token, 'Modul ajar fotosintesis');

    const options = await ext.context.newPage();
    await options.goto(ext.extensionUrl('options.html'));
    await options.getByRole('textbox', { name: 'Alamat server' }).fill(server.url);
    await options.getByRole('textbox', { name: 'Kode penghubung atau tautan masuk' }).fill(sari.token);
    await options.getByRole('button', { name: 'Simpan' }).click();
    await options.getByText('Masuk sebagai Bu Sari Wulandari').waitFor();

    const draftTab = await ext.context.newPage();
    await draftTab.goto(ext.extensionUrl(`editor.html?draft=${shared.id}`));
    await draftTab.getByRole('textbox', { name: 'Isi draf' }).waitFor();
    const tabId = await ext.serviceWorker.evaluate(async (url) => {
      type TabsApi = { tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> } };
      const tabs = await (globalThis as unknown as { chrome: TabsApi }).chrome.tabs.query({});
      return tabs.find((tab) => tab.url === url)?.id ?? null;
    }, draftTab.url());

    const popup = await ext.context.newPage();
    await popup.goto(ext.extensionUrl(`popup.html?tab=${tabId}`));
    await popup.getByRole('listbox').getByRole('option', { selected: true }).waitFor();
    // One clip, so the side panel has something to list.
    const article = await ext.context.newPage();
    await article.goto(pages.url('fotosintesis.html'));
    const articleTab = await ext.serviceWorker.evaluate(async (url) => {
      type TabsApi = { tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> } };
      const tabs = await (globalThis as unknown as { chrome: TabsApi }).chrome.tabs.query({});
      return tabs.find((tab) => tab.url === url)?.id ?? null;
    }, article.url());
    const clipping = await ext.context.newPage();
    await clipping.goto(ext.extensionUrl(`popup.html?tab=${articleTab}`));
    await clipping.getByRole('listbox').getByRole('option').filter({ hasText: 'Bu Dewi' }).click();
    await clipping.getByRole('button', { name: 'Klip seluruh artikel' }).click();
    await clipping
      .getByRole('status')
      .filter({ hasText: /terkirim/ })
      .waitFor({ timeout: 30_000 });
    await clipping.close();

    const panel = await ext.context.newPage();
    await panel.goto(ext.extensionUrl(`sidepanel.html?tab=${tabId}`));
    await panel
      .getByRole('list', { name: /Klip di draf ini/ })
      .getByRole('listitem')
      .first()
      .waitFor();

    await shot(popup, 'extension-popup-id', 380);
    await shot(panel, 'extension-sidepanel-id', 360);
    await shot(options, 'extension-options-id', 800);
    await popup.getByRole('searchbox', { name: 'Cari draf' }).fill('pecahan');
    await shot(popup, 'extension-popup-search-id', 380);

    await options.getByRole('button', { name: 'EN' }).click();
    await options.getByText('Signed in as Bu Sari Wulandari').waitFor();
    await popup.reload();
    await popup.getByRole('listbox').getByRole('option', { selected: true }).waitFor();
    await panel.reload();
    await panel
      .getByRole('list', { name: /Clips in this draft/ })
      .getByRole('listitem')
      .first()
      .waitFor();
    await shot(popup, 'extension-popup-en', 380);
    await shot(panel, 'extension-sidepanel-en', 360);
    await shot(options, 'extension-options-en', 800);
  } finally {
    await ext.close();
    await pages.close();
    await server.stop();
  }
}

await main();
