/**
 * A phone's share sheet, as it reaches an installed Dampingi: a multipart form POST to the share
 * action from the app's own origin (the browser navigates there; the service worker takes it).
 */
import type { Page } from 'playwright-core';

export interface Shared {
  title?: string;
  text?: string;
  url?: string;
  /** A picture file on disk. */
  file?: string;
}

/** Waits until the web app's service worker controls the page (the app is "installed"). */
export async function untilInstalled(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Shares into Dampingi from the page's origin and waits for the share page it leads to. */
export async function shareToDampingi(page: Page, shared: Shared): Promise<void> {
  await page.evaluate(
    (fields) => {
      const form = document.createElement('form');
      form.method = 'post';
      form.action = '/share-target';
      form.enctype = 'multipart/form-data';
      form.id = 'share-sheet';
      for (const [name, value] of Object.entries(fields)) {
        const input = document.createElement('input');
        input.type = 'hidden';
        input.name = name;
        input.value = value;
        form.append(input);
      }
      const files = document.createElement('input');
      files.type = 'file';
      files.name = 'files';
      form.append(files);
      document.body.append(form);
    },
    { title: shared.title ?? '', text: shared.text ?? '', url: shared.url ?? '' },
  );
  if (shared.file) await page.setInputFiles('#share-sheet input[type=file]', shared.file);
  await Promise.all([
    page.waitForURL(/view=share&share=[0-9a-f-]{36}/),
    page.evaluate(() => (document.getElementById('share-sheet') as HTMLFormElement).submit()),
  ]);
  await page.getByRole('heading', { name: 'Simpan yang dibagikan' }).waitFor();
}

/** Chooses where the share goes ("Kotak klip" or a draft by title) and presses "Kirim". */
export async function sendShareTo(page: Page, destination: { draftTitle: string } | 'inbox'): Promise<void> {
  const card = page.locator('article.share-card').first();
  const name = destination === 'inbox' ? /Kotak klip/ : `Draf: ${destination.draftTitle}`;
  await card.getByRole('radio', { name }).check();
  await card.getByRole('button', { name: 'Kirim', exact: true }).click();
}
