/**
 * Versions in real Chromium on the web editor, with the teacher (owner), her co-teacher (editor)
 * and a reader (viewer) each in their own browser context: a named version saved, the text edited,
 * the comparison marking exactly the word removed and the word added in the editor's rendering, a
 * version opened read-only, the restore confirmed and seen by everyone — including the co-teacher
 * whose browser was offline (and the server restarted) while it happened, whose own edit merges
 * after it without loss — and a reader who has no restore button and whom the server refuses.
 */
import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchPlainBrowser } from './support/chromium';
import { createDampingiServer, type DampingiServer, type TestUser } from './support/dampingi-server';
import {
  createDraftViaApi,
  editorArea,
  editorText,
  openWebDraft,
  placeCaretAfter,
  shareDraftViaApi,
  typeAtEnd,
  waitForSyncState,
} from './support/editor-page';

const GOAL = 'Tujuan: siswa membandingkan pecahan.';
const STEP_OLD = 'Langkah: diskusi kelompok lama.';
const STEP_NEW = 'Langkah: diskusi kelompok baru.';
const OFFLINE_NOTE = ' Catatan Bu Rina.';
/** The draft's paragraphs as the page's innerText reads them (a blank line between paragraphs). */
const paragraphs = (...lines: string[]) => lines.join('\n\n');

describe('versions: save, compare, open, restore', () => {
  let server: DampingiServer;
  let browser: Browser;
  let contexts: BrowserContext[];
  let teacher: Page;
  let coTeacher: Page;
  let reader: Page;
  let teacherUser: TestUser;
  let coTeacherUser: TestUser;
  let readerUser: TestUser;
  let draftId = '';

  const tab = (page: Page, name: string) =>
    page.getByRole('navigation', { name: 'Bagian draf' }).getByRole('link', { name, exact: true });
  const versionItem = (page: Page, name: string) => page.getByRole('listitem', { name, exact: true });
  const preview = (page: Page) => page.getByRole('document', { name: 'Isi versi (hanya baca)' });

  async function openVersions(page: Page): Promise<void> {
    await tab(page, 'Versi').click();
    await page.getByRole('heading', { name: 'Versi draf' }).waitFor();
  }

  async function openMedia(page: Page): Promise<void> {
    await tab(page, 'Media').click();
    await editorArea(page).waitFor();
  }

  beforeAll(async () => {
    await mkdir('test-results/screenshots', { recursive: true });
    server = await createDampingiServer();
    await server.start();
    teacherUser = await server.addUser('Bu Sari');
    coTeacherUser = await server.addUser('Bu Rina');
    readerUser = await server.addUser('Pak Kepala');
    draftId = await createDraftViaApi(server.url, teacherUser.token, 'Modul pecahan');
    await shareDraftViaApi(server.url, teacherUser.token, draftId, coTeacherUser.token, 'editor');
    await shareDraftViaApi(server.url, teacherUser.token, draftId, readerUser.token, 'viewer');
    browser = await launchPlainBrowser();
    contexts = await Promise.all([1, 2, 3].map(() => browser.newContext({ viewport: { width: 1280, height: 900 } })));
    [teacher, coTeacher, reader] = (await Promise.all(contexts.map((context) => context.newPage()))) as [
      Page,
      Page,
      Page,
    ];
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a saved version compared with now marks exactly the word removed and the word added', async () => {
    await openWebDraft(teacher, server.url, teacherUser.token, draftId);
    await typeAtEnd(teacher, GOAL);
    await teacher.keyboard.press('Enter');
    await teacher.keyboard.type(STEP_OLD, { delay: 10 });
    await waitForSyncState(teacher, 'synced');

    await openVersions(teacher);
    await teacher.getByText('Belum ada versi.', { exact: false }).waitFor();
    await teacher.getByLabel('Nama versi').fill('Sebelum revisi');
    await teacher.getByRole('button', { name: 'Simpan versi' }).click();
    await teacher.getByRole('status').filter({ hasText: 'Versi “Sebelum revisi” disimpan.' }).waitFor();
    const saved = versionItem(teacher, 'Sebelum revisi');
    await saved.waitFor();
    expect(await saved.innerText()).toContain('oleh Bu Sari');
    expect(await saved.innerText()).toContain('Masukan: 0 terbuka, 0 selesai');

    // The teacher changes one word of the second paragraph.
    await openMedia(teacher);
    await placeCaretAfter(teacher, 'Langkah:');
    for (let index = 0; index < 'lama.'.length; index++) await teacher.keyboard.press('Backspace');
    await teacher.keyboard.type('baru.', { delay: 10 });
    await expect.poll(() => editorText(teacher)).toBe(paragraphs(GOAL, STEP_NEW));
    await waitForSyncState(teacher, 'synced');

    await openVersions(teacher);
    await versionItem(teacher, 'Sebelum revisi').getByRole('button', { name: 'Bandingkan dengan sekarang' }).click();
    await teacher
      .getByRole('heading', { name: 'Perubahan dari “Sebelum revisi” ke “Sekarang (isi terkini)”' })
      .waitFor();
    await teacher.getByText('1 tambahan, 1 penghapusan').waitFor();
    const shown = preview(teacher);
    expect(await shown.locator('ins.version-added').allInnerTexts()).toEqual(['baru']);
    expect(await shown.locator('del.version-removed').allInnerTexts()).toEqual(['lama']);
    // Shown in the draft's own rendering: the newer text with the removed word at its place.
    expect(await shown.locator('p').nth(1).innerText()).toBe('Langkah: diskusi kelompok lamabaru.');
    expect(await shown.getAttribute('contenteditable')).toBe('false');
    await teacher.screenshot({ path: 'test-results/screenshots/versions-compare-id.png', fullPage: true });

    // Opening the version shows it as it was, read-only, nothing marked.
    await versionItem(teacher, 'Sebelum revisi').getByRole('button', { name: 'Buka' }).click();
    await teacher.getByRole('heading', { name: '“Sebelum revisi” (hanya baca)' }).waitFor();
    expect(await preview(teacher).innerText()).toBe(paragraphs(GOAL, STEP_OLD));
    expect(await preview(teacher).locator('ins, del').count()).toBe(0);
  });

  it('a restore reaches everyone; the co-teacher offline during it keeps her edit, merged after it', async () => {
    await openWebDraft(coTeacher, server.url, coTeacherUser.token, draftId);
    await openWebDraft(reader, server.url, readerUser.token, draftId);
    await expect.poll(() => editorText(coTeacher)).toBe(paragraphs(GOAL, STEP_NEW));
    await expect.poll(() => editorText(reader)).toBe(paragraphs(GOAL, STEP_NEW));

    // The co-teacher's connection is gone (no network, and the server restarts meanwhile); she goes on typing.
    await contexts[1]?.setOffline(true);
    await server.stop();
    await waitForSyncState(coTeacher, 'offline');
    await placeCaretAfter(coTeacher, 'Tujuan:');
    await coTeacher.keyboard.type(OFFLINE_NOTE, { delay: 10 });
    await expect.poll(() => editorText(coTeacher)).toBe(paragraphs(GOAL + OFFLINE_NOTE, STEP_NEW));
    await server.start();
    await waitForSyncState(teacher, 'synced', 30_000);
    await waitForSyncState(reader, 'synced', 30_000);

    // The teacher restores the saved version, after confirming.
    await versionItem(teacher, 'Sebelum revisi').getByRole('button', { name: 'Pulihkan' }).click();
    const dialog = teacher.getByRole('dialog', { name: 'Pulihkan “Sebelum revisi”?' });
    await dialog
      .getByText('Isi sekarang disimpan dulu sebagai versi, jadi tidak ada yang hilang.', { exact: false })
      .waitFor();
    await dialog.getByRole('button', { name: 'Ya, pulihkan' }).click();
    await teacher
      .getByRole('status')
      .filter({
        hasText:
          'Versi “Sebelum revisi” dipulihkan. Isi sebelumnya tersimpan sebagai “Sebelum memulihkan “Sebelum revisi””.',
      })
      .waitFor();
    const kept = versionItem(teacher, 'Sebelum memulihkan “Sebelum revisi”');
    await kept.waitFor();
    expect(await kept.innerText()).toContain('Isi draf tepat sebelum pemulihan.');

    // Everyone online sees the restored text at once.
    await expect.poll(() => editorText(reader), { timeout: 20_000 }).toBe(paragraphs(GOAL, STEP_OLD));
    await openMedia(teacher);
    await expect.poll(() => editorText(teacher)).toBe(paragraphs(GOAL, STEP_OLD));
    // The co-teacher still sees her own offline text.
    expect(await editorText(coTeacher)).toBe(paragraphs(GOAL + OFFLINE_NOTE, STEP_NEW));

    // She comes back: the restore reaches her and her edit reaches everyone; nothing is lost.
    await contexts[1]?.setOffline(false);
    const merged = paragraphs(GOAL + OFFLINE_NOTE, STEP_OLD);
    for (const page of [coTeacher, teacher, reader]) {
      await expect.poll(() => editorText(page), { timeout: 30_000 }).toBe(merged);
    }
  });

  it('a reader sees the versions but has no restore button, and the server refuses her restore', async () => {
    await openVersions(reader);
    await reader
      .getByText('Hanya pemilik dan penyunting yang dapat menyimpan atau memulihkan versi.', { exact: false })
      .waitFor();
    const item = versionItem(reader, 'Sebelum revisi');
    await item.waitFor();
    expect(await item.getByRole('button', { name: 'Buka' }).count()).toBe(1);
    expect(await reader.getByRole('button', { name: 'Pulihkan' }).count()).toBe(0);
    expect(await reader.getByRole('button', { name: 'Simpan versi' }).count()).toBe(0);

    const { versions } = (await (
      await fetch(`${server.url}/api/drafts/${draftId}/versions`, {
        headers: { authorization: `Bearer ${readerUser.token}` },
      })
    ).json()) as { versions: Array<{ id: string; name: string | null }> };
    const target = versions.find((version) => version.name === 'Sebelum revisi');
    const refused = await fetch(`${server.url}/api/drafts/${draftId}/versions/${target?.id}/restore`, {
      method: 'POST',
      headers: { authorization: `Bearer ${readerUser.token}` },
    });
    expect(refused.status).toBe(403);
    const listed = (await (
      await fetch(`${server.url}/api/drafts/${draftId}/versions`, {
        headers: { authorization: `Bearer ${readerUser.token}` },
      })
    ).json()) as { versions: unknown[] };
    expect(listed.versions).toHaveLength(versions.length);
  });
});
