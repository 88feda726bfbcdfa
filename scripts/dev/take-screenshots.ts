/**
 * Screenshots of the web app's main screens, in Bahasa Indonesia and English, on a 1366×768 laptop
 * and a 390×844 phone, into docs/screenshots/ (for the README and for looking at the layout).
 * Starts the real server on loopback with a throwaway data directory; needs `npm run build` first.
 *
 *   node --import tsx scripts/dev/take-screenshots.ts
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchPlainBrowser } from '../../tests/e2e/support/chromium';
import { createDampingiServer, type DampingiServer, type TestUser } from '../../tests/e2e/support/dampingi-server';

const OUT = resolve(import.meta.dirname, '../../docs/screenshots');
const VIEWPORTS = { laptop: { width: 1366, height: 768 }, phone: { width: 390, height: 844 } } as const;
const PARAGRAPHS = [
  'Tujuan: siswa memahami proses fotosintesis pada tumbuhan hijau.',
  'Kegiatan pembuka: guru menunjukkan daun dari halaman sekolah dan bertanya mengapa daun berwarna hijau.',
  'Kegiatan inti: siswa mengamati daun di halaman sekolah dan mencatat warna serta bentuknya.',
  'Penutup: siswa menyimpulkan hasil pengamatan bersama kelompoknya.',
];
const FEEDBACK = [
  { line: 0, kind: 'Kekuatan', comment: 'Tujuan jelas dan dapat diamati.' },
  { line: 2, kind: 'Perbaikan', comment: 'Tambahkan lembar pengamatan agar catatan siswa seragam.' },
  { line: 3, kind: 'Pertanyaan', comment: 'Bagaimana kelompok membagikan kesimpulannya?' },
];

async function post(
  server: DampingiServer,
  token: string,
  path: string,
  body: unknown,
): Promise<Record<string, string>> {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, string>;
}

const editorArea = (page: Page) => page.locator('.ProseMirror');
const synced = (page: Page) => page.locator('[role="status"][data-sync-state="synced"]').first().waitFor();

/** A draft with four paragraphs, shared with the mentor as a commenter, and her three threads on it. */
async function prepareDraft(server: DampingiServer, browser: Browser, teacher: TestUser, mentor: TestUser) {
  const { id } = await post(server, teacher.token, '/api/drafts', { title: 'Modul ajar fotosintesis' });
  const { secret } = await post(server, teacher.token, `/api/drafts/${id}/links`, { role: 'commenter' });
  await post(server, mentor.token, '/api/join', { secret });
  const page = await (await browser.newContext({ viewport: VIEWPORTS.laptop })).newPage();
  await page.goto(`${server.url}/editor.html?token=${teacher.token}&draft=${id}`);
  await synced(page);
  await editorArea(page).click();
  await page.keyboard.press('Control+End');
  for (const [index, text] of PARAGRAPHS.entries()) {
    if (index > 0) await page.keyboard.press('Enter');
    await page.keyboard.insertText(text);
  }
  await synced(page);
  const mentorPage = await (await browser.newContext({ viewport: VIEWPORTS.laptop })).newPage();
  await mentorPage.goto(`${server.url}/editor.html?token=${mentor.token}&draft=${id}`);
  await editorArea(mentorPage).getByText('Penutup').waitFor();
  for (const { line, kind, comment } of FEEDBACK) {
    // The whole paragraph, selected with the keyboard as a mentor can.
    await editorArea(mentorPage).focus();
    await mentorPage.keyboard.press('Control+Home');
    for (let step = 0; step < line; step++) await mentorPage.keyboard.press('ArrowDown');
    await mentorPage.keyboard.press('Home');
    await mentorPage.keyboard.press('Shift+End');
    await mentorPage.getByRole('button', { name: 'Beri masukan' }).click();
    const form = mentorPage.getByRole('form', { name: 'Masukan baru' });
    await form.getByRole('radio', { name: new RegExp(`^${kind}`) }).check();
    await form.getByRole('textbox', { name: /^Komentar/ }).fill(comment);
    await form.getByRole('button', { name: 'Kirim masukan' }).click();
    await form.waitFor({ state: 'detached' });
  }
  await synced(mentorPage);
  await page.context().close();
  await mentorPage.context().close();
  return id;
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(OUT, `${name}.png`) });
  console.log(`docs/screenshots/${name}.png`);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const server = await createDampingiServer();
  await server.start();
  const browser = await launchPlainBrowser();
  try {
    const teacher = await server.addUser('Bu Sari', { admin: true });
    const mentor = await server.addUser('Pak Budi');
    const draftId = await prepareDraft(server, browser, teacher, mentor);
    for (const language of ['id', 'en'] as const) {
      for (const [device, viewport] of Object.entries(VIEWPORTS)) {
        const open = async (user: TestUser, query: string) => {
          const page = await (await browser.newContext({ viewport })).newPage();
          await page.goto(`${server.url}/editor.html?token=${user.token}${query}`);
          await page.locator('.app-header').waitFor();
          const switchTo = page.getByRole('button', { name: language.toUpperCase(), exact: true });
          if ((await switchTo.getAttribute('aria-pressed')) !== 'true') await switchTo.click();
          return page;
        };
        const home = await open(teacher, '');
        await home.locator('.draft-list a').first().waitFor();
        await shoot(home, `home-${device}-${language}`);
        const draft = await open(teacher, `&draft=${draftId}`);
        await synced(draft);
        await draft.locator('.feedback-thread').nth(2).waitFor();
        await shoot(draft, `draft-${device}-${language}`);
        const observe = await open(mentor, `&draft=${draftId}&view=observe`);
        await observe.locator('.observation-view form').waitFor();
        await shoot(observe, `observation-${device}-${language}`);
        const overview = await open(mentor, '&view=overview');
        await overview.locator('table, .overview-table').first().waitFor();
        await shoot(overview, `overview-${device}-${language}`);
        const more: Page[] = [];
        if (device === 'laptop') {
          // The rest of the screens, on the laptop: versions, reflection, the export and share dialogs, the
          // account page and Kotak klip.
          const versions = await open(teacher, `&draft=${draftId}&view=versions`);
          await versions.locator('main').first().waitFor();
          await synced(versions);
          await shoot(versions, `versions-laptop-${language}`);
          const reflect = await open(teacher, `&draft=${draftId}&view=reflect`);
          await synced(reflect);
          await shoot(reflect, `reflection-laptop-${language}`);
          const dialogs = await open(teacher, `&draft=${draftId}`);
          await synced(dialogs);
          await dialogs.getByRole('button', { name: language === 'id' ? 'Ekspor' : 'Export', exact: true }).click();
          await dialogs.getByRole('dialog').waitFor();
          await shoot(dialogs, `export-dialog-${language}`);
          await dialogs.keyboard.press('Escape');
          await dialogs.getByRole('dialog').waitFor({ state: 'hidden' });
          await dialogs.getByRole('button', { name: language === 'id' ? 'Bagikan' : 'Share', exact: true }).click();
          await dialogs.getByRole('dialog').waitFor();
          await shoot(dialogs, `share-dialog-${language}`);
          const account = await open(teacher, '&view=account');
          await account.locator('main').first().waitFor();
          await shoot(account, `account-${language}`);
          const inbox = await open(teacher, '&view=inbox');
          await inbox.locator('main').first().waitFor();
          await shoot(inbox, `inbox-${language}`);
          const admin = await open(teacher, '&view=admin');
          await admin.locator('main').first().waitFor();
          await admin.getByRole('table').first().waitFor();
          await shoot(admin, `admin-${language}`);
          // Signed out: the sign-in page, in the language chosen there.
          const signIn = await (await browser.newContext({ viewport })).newPage();
          await signIn.goto(`${server.url}/editor.html`);
          await signIn.getByRole('heading', { level: 1 }).waitFor();
          const switchTo = signIn.getByRole('button', { name: language.toUpperCase(), exact: true });
          if ((await switchTo.count()) > 0 && (await switchTo.getAttribute('aria-pressed')) !== 'true')
            await switchTo.click();
          await shoot(signIn, `sign-in-${language}`);
          more.push(versions, reflect, dialogs, account, inbox, admin, signIn);
        }
        for (const page of [home, draft, observe, overview, ...more]) await page.context().close();
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
