/**
 * "Versi peserta didik" in real Chromium, on the web editor served by the real server: a teacher
 * makes an LKPD from its template, sees its needs analysis and prompts labelled "Hanya untuk guru",
 * downloads the students' version (no needs analysis, no prompts, the worksheet whole) and prints
 * it with the teacher-only parts hidden; the ordinary print still has everything.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchPlainBrowser } from './support/chromium';
import { createDampingiServer, type DampingiServer, type TestUser } from './support/dampingi-server';
import { editorArea, editorText, waitForSyncState } from './support/editor-page';

const TEACHER_ONLY = [
  'Analisis kebutuhan',
  'Isi bagian ini sebelum merancang media.',
  'Peserta didik dan kebutuhannya',
  'Prinsip pembelajaran mendalam',
  'Tulis tugas yang dikerjakan peserta didik',
];
const FOR_STUDENTS = [
  'Lembar Kerja Peserta Didik (LKPD)',
  'Identitas',
  'Setelah mengerjakan LKPD ini, kamu dapat:',
  'Baca tujuan dan petunjuk bersama kelompokmu.',
  'Jawaban atau hasilmu',
  'Refleksi peserta didik',
];

describe('a teacher gives her students their version of an LKPD', () => {
  let server: DampingiServer;
  let browser: Browser;
  let page: Page;
  let teacher: TestUser;

  const exportDialog = () => page.getByRole('dialog', { name: 'Ekspor draf' });
  /** The block of the draft that holds `text` (a heading, a paragraph, a table cell). */
  const block = (text: string): Locator => editorArea(page).locator('h1, h2, h3, p', { hasText: text }).first();

  async function openExport(): Promise<Locator> {
    await page.getByRole('button', { name: 'Ekspor', exact: true }).click();
    await exportDialog().waitFor();
    return exportDialog();
  }

  beforeAll(async () => {
    server = await createDampingiServer();
    await server.start();
    teacher = await server.addUser('Bu Sari');
    browser = await launchPlainBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('makes an LKPD from its template and sees which parts are for the teacher only', async () => {
    await page.goto(`${server.url}/editor.html?token=${encodeURIComponent(teacher.token)}`);
    await page.getByRole('radio', { name: 'LKPD', exact: true }).check();
    await page.getByLabel('Judul draf baru').fill('LKPD Pecahan senilai');
    await page.getByRole('button', { name: 'Buat draf' }).click();
    await editorArea(page).waitFor();
    await waitForSyncState(page, 'synced');
    await expect.poll(() => editorText(page)).toContain('Lembar Kerja Peserta Didik (LKPD)');

    const heading = block('Analisis kebutuhan');
    await expect.poll(() => heading.getAttribute('data-teacher-only-label')).toBe('Hanya untuk guru');
    expect(await heading.evaluate((element) => getComputedStyle(element, '::before').content)).toBe(
      '"Hanya untuk guru"',
    );
    expect(await block('Tulis tugas yang dikerjakan peserta didik').getAttribute('data-teacher-only-label')).toBe(
      'Hanya untuk guru',
    );
    expect((await block('Lembar Kerja Peserta Didik (LKPD)').getAttribute('class')) ?? '').not.toContain(
      'teacher-only',
    );
    // The label is drawn, not written: it is no part of the draft's text.
    expect(await editorText(page)).not.toContain('Hanya untuk guru');
  });

  it('downloads "Versi peserta didik": no needs analysis, no prompts, the worksheet whole', async () => {
    const dialog = await openExport();
    await dialog.getByRole('radio', { name: /^Markdown \(\.md\)/ }).check();
    await dialog.getByRole('radio', { name: /^Versi peserta didik/ }).check();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Unduh' }).click(),
    ]);
    const name = download.suggestedFilename();
    expect(name).toBe('lkpd-pecahan-senilai.md');
    const text = (await readFile(await download.path())).toString('utf8').replace(/\\/g, '');
    await dialog.getByText(`Berkas “${name}” sudah diunduh.`).waitFor();
    for (const part of TEACHER_ONLY) expect(text).not.toContain(part);
    for (const part of FOR_STUDENTS) expect(text).toContain(part);
    expect(text).not.toContain('Hanya untuk guru');
    await dialog.getByRole('button', { name: 'Tutup' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('prints the students’ version with the teacher-only parts hidden, and the ordinary print whole', async () => {
    let dialog = await openExport();
    await dialog.getByRole('radio', { name: /^Versi peserta didik/ }).check();
    await dialog.getByRole('button', { name: 'Cetak versi peserta didik' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.emulateMedia({ media: 'print' });
    for (const part of TEACHER_ONLY) await expect.poll(() => block(part).isVisible(), { message: part }).toBe(false);
    for (const part of FOR_STUDENTS) expect(await block(part).isVisible(), part).toBe(true);

    // On screen the teacher still sees everything.
    await page.emulateMedia({ media: 'screen' });
    for (const part of TEACHER_ONLY) expect(await block(part).isVisible(), part).toBe(true);

    // "Cetak" is the teacher's version: everything, without the labels.
    dialog = await openExport();
    await dialog.getByRole('radio', { name: /^Versi guru/ }).check();
    await dialog.getByRole('button', { name: 'Cetak', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.emulateMedia({ media: 'print' });
    for (const part of [...TEACHER_ONLY, ...FOR_STUDENTS]) {
      await expect.poll(() => block(part).isVisible(), { message: part }).toBe(true);
    }
    expect(await block('Analisis kebutuhan').evaluate((element) => getComputedStyle(element, '::before').content)).toBe(
      'none',
    );
    await page.emulateMedia({ media: 'screen' });
  });
});
