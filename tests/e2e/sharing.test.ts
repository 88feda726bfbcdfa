/**
 * Sharing as people do it: the teacher (owner) shares from the editor's "Bagikan" dialog, the mentor
 * joins with only a name, and rights follow the role the teacher chooses — read-only with an
 * explanation for a commenter, editing for an editor, and an explicit refusal (never a silent loss)
 * when the role is lowered while the mentor is typing.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchPlainBrowser } from './support/chromium';
import { createDampingiServer, type DampingiServer } from './support/dampingi-server';
import {
  createDraftViaApi,
  editorArea,
  editorText,
  openWebDraft,
  typeAtEnd,
  waitForSyncState,
} from './support/editor-page';

describe('the teacher shares a draft with a mentor and decides what the mentor may do', () => {
  let server: DampingiServer;
  let browser: Browser;
  let teacher: Page;
  let mentor: Page;
  let shareLink: string;

  async function openShareDialog(): Promise<Locator> {
    await teacher.getByRole('button', { name: 'Bagikan' }).click();
    const dialog = teacher.getByRole('dialog', { name: 'Bagikan draf' });
    await dialog.waitFor();
    return dialog;
  }

  async function setMentorRole(role: 'editor' | 'commenter'): Promise<void> {
    const dialog = await openShareDialog();
    const select = dialog.getByLabel('Peran Pak Budi');
    await select.selectOption(role);
    await expect.poll(() => select.inputValue()).toBe(role);
    await dialog.getByRole('button', { name: 'Tutup' }).first().click();
  }

  beforeAll(async () => {
    server = await createDampingiServer();
    await server.start();
    const teacherUser = await server.addUser('Bu Sari');
    const draftId = await createDraftViaApi(server.url, teacherUser.token, 'Modul ajar fotosintesis');
    browser = await launchPlainBrowser();
    teacher = await (await browser.newContext()).newPage();
    mentor = await (await browser.newContext()).newPage();
    await openWebDraft(teacher, server.url, teacherUser.token, draftId);
    await waitForSyncState(teacher, 'synced');
    await typeAtEnd(teacher, 'Tujuan: siswa memahami fotosintesis.');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a commenter link made in the dialog lets the mentor in with just a name, to read and not to edit', async () => {
    const dialog = await openShareDialog();
    await dialog.getByLabel('Peran untuk yang bergabung').selectOption('commenter');
    await dialog.getByRole('button', { name: 'Buat tautan' }).click();
    const linkField = dialog.getByLabel('Tautan baru');
    await linkField.waitFor();
    shareLink = await linkField.inputValue();
    expect(shareLink).toMatch(new RegExp(`^${server.url}/editor\\.html\\?join=[A-Za-z0-9_-]+$`));
    await dialog.getByRole('button', { name: 'Tutup' }).first().click();

    await mentor.goto(shareLink);
    // Before joining, the page says which draft, who invited, and what the role allows.
    const invitation = mentor.getByTestId('join-invitation');
    await invitation.waitFor();
    expect(await invitation.innerText()).toContain(
      'Bu Sari mengajak Anda ke draf “Modul ajar fotosintesis” sebagai Komentator.',
    );
    expect(await invitation.innerText()).toContain('tidak mengubah isinya');
    await mentor.getByLabel('Nama Anda').fill('Pak Budi');
    await mentor.getByRole('button', { name: 'Gabung' }).click();
    await editorArea(mentor).waitFor();
    await expect.poll(() => editorText(mentor), { timeout: 20_000 }).toContain('Tujuan: siswa memahami fotosintesis.');
    const banner = mentor.getByTestId('read-only-banner');
    expect(await banner.innerText()).toContain(
      'Anda dapat memberi komentar, tetapi tidak dapat mengubah isi draf ini.',
    );
    expect(await editorArea(mentor).getAttribute('aria-readonly')).toBe('true');

    // Typing does nothing, for the mentor and for the teacher.
    await editorArea(mentor).click();
    await mentor.keyboard.type('coret', { delay: 15 });
    expect(await editorText(mentor)).not.toContain('coret');
    // The teacher sees the mentor online.
    await teacher.getByRole('list', { name: 'Sedang membuka' }).getByText('Pak Budi').waitFor({ timeout: 20_000 });
    expect(await editorText(teacher)).not.toContain('coret');
  });

  it('raised to editor by the teacher, the open editor of the mentor unlocks without a reload', async () => {
    await setMentorRole('editor');
    await expect.poll(() => editorArea(mentor).getAttribute('aria-readonly'), { timeout: 20_000 }).not.toBe('true');
    await waitForSyncState(mentor, 'synced');
    expect(await mentor.getByTestId('read-only-banner').count()).toBe(0);
    await typeAtEnd(mentor, ' Contoh: daun bayam.');
    await expect.poll(() => editorText(teacher), { timeout: 20_000 }).toContain('Contoh: daun bayam.');
  });

  it('lowered to commenter while typing, the mentor is told, the editor turns read-only, and the text is kept to copy', async () => {
    await setMentorRole('commenter');
    // The mentor's page does not know yet and lets them type; the server refuses the change.
    await typeAtEnd(mentor, ' Kalimat yang ditolak.');
    await waitForSyncState(mentor, 'write-refused');
    expect(await editorArea(mentor).getAttribute('aria-readonly')).toBe('true');
    const refused = mentor.getByTestId('refused-changes');
    await refused.waitFor();
    await refused.getByRole('button', { name: 'Salin teks saya yang belum tersimpan' }).waitFor();

    // Nothing refused reaches the teacher: a later edit of hers arrives, the refused sentence never does.
    await typeAtEnd(teacher, ' Selesai.');
    await expect.poll(() => editorText(mentor), { timeout: 20_000 }).toContain('Selesai.');
    expect(await editorText(teacher)).not.toContain('ditolak');

    // The refused change is not kept and re-sent from the offline copy: after a reload it is gone.
    await mentor.reload();
    await editorArea(mentor).waitFor();
    await waitForSyncState(mentor, 'synced');
    expect(await editorText(mentor)).not.toContain('ditolak');
    expect(await mentor.getByTestId('read-only-banner').isVisible()).toBe(true);
  });

  it('a revoked link no longer lets anyone in, and says so', async () => {
    const dialog = await openShareDialog();
    const row = dialog.locator('[data-link-id]').first();
    expect(await row.getAttribute('data-state')).toBe('active');
    teacher.once('dialog', (confirm) => void confirm.accept());
    await row.getByRole('button', { name: /^Cabut/ }).click();
    await expect.poll(() => row.getAttribute('data-state')).toBe('revoked');

    const guest = await (await browser.newContext()).newPage();
    await guest.goto(shareLink);
    await guest.getByLabel('Nama Anda').fill('Tamu');
    await guest.getByRole('button', { name: 'Gabung' }).click();
    await guest.getByRole('alert').getByText('Tautan ini sudah dicabut atau kedaluwarsa.').waitFor();
  });
});
