/**
 * Mentor feedback as teacher and mentor use it, each in their own browser on the web editor: the
 * mentor (a commenter) selects text and gives feedback of a kind; the teacher (owner) sees it live,
 * highlighted and in the sidebar "Masukan", edits around it, replies, resolves, reopens, filters,
 * and accepts a suggestion in one click. The mentor's feedback written offline arrives later.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchPlainBrowser } from './support/chromium';
import { createDampingiServer, type DampingiServer } from './support/dampingi-server';
import {
  createDraftViaApi,
  editorArea,
  editorText,
  expectConverged,
  openWebDraft,
  shareDraftViaApi,
  syncStatus,
  typeAtEnd,
  waitForSyncState,
} from './support/editor-page';
import {
  feedbackSidebar,
  giveFeedback as giveFeedbackAs,
  heldThreadCard,
  highlightedText,
  openThread,
  placeCaretAt,
  threadCard,
} from './support/feedback-page';

const GOAL = 'Tujuan: siswa memahami proses fotosintesis pada tumbuhan hijau.';
const ACTIVITY = 'Kegiatan: siswa mengamati daun di halaman sekolah.';

describe('the mentor gives feedback on a draft and the teacher works with it', () => {
  let server: DampingiServer;
  let browser: Browser;
  let mentorContext: BrowserContext;
  let teacher: Page;
  let mentor: Page;

  /** The mentor selects `quote`, chooses the kind, writes, and sends. */
  const giveFeedback = (kind: string, quote: string, comment: string, suggestion?: string) =>
    giveFeedbackAs(mentor, kind, quote, comment, suggestion);

  async function setFilter(page: Page, label: 'Jenis' | 'Status', option: string): Promise<void> {
    await feedbackSidebar(page).getByLabel(label, { exact: true }).selectOption({ label: option });
  }

  beforeAll(async () => {
    server = await createDampingiServer();
    await server.start();
    const teacherUser = await server.addUser('Bu Sari');
    const mentorUser = await server.addUser('Pak Budi');
    const draftId = await createDraftViaApi(server.url, teacherUser.token, 'Modul ajar fotosintesis');
    await shareDraftViaApi(server.url, teacherUser.token, draftId, mentorUser.token, 'commenter');
    browser = await launchPlainBrowser();
    mentorContext = await browser.newContext();
    teacher = await (await browser.newContext()).newPage();
    mentor = await mentorContext.newPage();
    await openWebDraft(teacher, server.url, teacherUser.token, draftId);
    await openWebDraft(mentor, server.url, mentorUser.token, draftId);
    await waitForSyncState(teacher, 'synced');
    await waitForSyncState(mentor, 'synced');
    await typeAtEnd(teacher, GOAL);
    await teacher.keyboard.press('Enter');
    await teacher.keyboard.type(ACTIVITY, { delay: 5 });
    await expectConverged(teacher, mentor);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the mentor adds an improvement on a sentence; the teacher sees the highlight and the thread without reload', async () => {
    await giveFeedback('Perbaikan', 'siswa memahami proses fotosintesis', 'Tambahkan contoh tumbuhan di sekolah.');

    const thread = threadCard(teacher, 'Tambahkan contoh tumbuhan di sekolah.');
    await thread.waitFor({ timeout: 10_000 });
    expect(await thread.getByRole('heading').innerText()).toBe('Perbaikan dari Pak Budi');
    expect(await thread.getByLabel('Teks yang dikomentari').innerText()).toBe('siswa memahami proses fotosintesis');
    for (const page of [teacher, mentor]) {
      await expect.poll(() => highlightedText(page, 'improvement')).toBe('siswa memahami proses fotosintesis');
    }
    // The kind is in words on the highlight too, not only its colour.
    const highlight = editorArea(teacher).locator('.feedback-highlight').first();
    expect(await highlight.getAttribute('title')).toBe('Perbaikan — Pak Budi');
    expect(await feedbackSidebar(teacher).getByText('1 terbuka · 0 selesai').count()).toBe(1);
  });

  it('the teacher edits before, inside and after the commented text while the mentor watches: the highlight follows', async () => {
    await placeCaretAt(teacher, 'Tujuan', 'before');
    await teacher.keyboard.type('Bagian awal. ', { delay: 10 });
    await placeCaretAt(teacher, 'proses', 'after');
    await teacher.keyboard.type(' terjadinya', { delay: 10 });
    await placeCaretAt(teacher, 'fotosintesis', 'after');
    await teacher.keyboard.type(' secara utuh', { delay: 10 });

    const text = await expectConverged(teacher, mentor);
    expect(text).toContain(
      'Bagian awal. Tujuan: siswa memahami proses terjadinya fotosintesis secara utuh pada tumbuhan hijau.',
    );
    for (const page of [teacher, mentor]) {
      await expect
        .poll(() => highlightedText(page, 'improvement'))
        .toBe('siswa memahami proses terjadinya fotosintesis');
    }
  });

  it("the mentor's attempt to type into the draft changes nothing, and the page says why", async () => {
    const banner = mentor.getByTestId('read-only-banner');
    expect(await banner.innerText()).toBe('Anda dapat memberi komentar, tetapi tidak dapat mengubah isi draf ini.');
    expect(await editorArea(mentor).getAttribute('aria-readonly')).toBe('true');
    await editorArea(mentor).click();
    await mentor.keyboard.type('coret', { delay: 10 });
    expect(await editorText(mentor)).not.toContain('coret');
    await typeAtEnd(teacher, ' Selesai.');
    await expect.poll(() => editorText(mentor)).toContain('Selesai.');
    expect(await editorText(teacher)).not.toContain('coret');
    // Enter, Backspace and paste change nothing either.
    await mentor.keyboard.press('Enter');
    await mentor.keyboard.press('Backspace');
    expect(await editorText(mentor)).toBe(await editorText(teacher));
  });

  it('the mentor comments while offline; the comment is kept, and merges when the connection returns', async () => {
    await mentorContext.setOffline(true);
    expect(await mentor.evaluate(() => navigator.onLine)).toBe(false);
    await waitForSyncState(mentor, 'offline');
    // With the server stopped too, nothing written now can reach it over an old socket: only the
    // sync after reconnecting can bring it.
    await server.stop();

    await giveFeedback('Pertanyaan', 'mengamati daun', 'Daun apa saja yang diamati?');
    await threadCard(mentor, 'Daun apa saja yang diamati?').waitFor();
    await expect.poll(async () => Number(await syncStatus(mentor).getAttribute('data-pending'))).toBeGreaterThan(0);
    expect(await syncStatus(mentor).innerText()).toMatch(/^Luring — \d+ perubahan menunggu$/);

    await server.start();
    await mentorContext.setOffline(false);
    await waitForSyncState(mentor, 'synced', 30_000);
    await threadCard(teacher, 'Daun apa saja yang diamati?').waitFor({ timeout: 30_000 });
    await expect.poll(() => highlightedText(teacher, 'question')).toBe('mengamati daun');
    expect(await syncStatus(mentor).getAttribute('data-pending')).toBe('0');
  });

  it('replies, resolve and reopen by the teacher (not offered to the mentor), and the sidebar filters', async () => {
    const teacherThread = await heldThreadCard(teacher, 'Tambahkan contoh tumbuhan di sekolah.');
    await openThread(teacherThread);
    await teacherThread.getByLabel('Balasan Anda').fill('Baik, saya tambahkan bayam.');
    await teacherThread.getByRole('button', { name: 'Balas' }).click();
    const mentorThread = await heldThreadCard(mentor, 'Tambahkan contoh tumbuhan di sekolah.');
    await mentorThread.getByText('1 balasan').waitFor({ timeout: 10_000 });
    await openThread(mentorThread);
    await mentorThread.getByText('Baik, saya tambahkan bayam.').waitFor();
    expect(await mentorThread.getByRole('button', { name: 'Selesaikan' }).count()).toBe(0);

    // The mentor edits their own comment; the teacher sees it changed.
    await mentorThread.getByRole('button', { name: 'Ubah komentar' }).click();
    await mentorThread.getByLabel('Komentar Anda').fill('Tambahkan contoh tumbuhan di halaman sekolah.');
    await mentorThread.getByRole('button', { name: 'Simpan' }).click();
    await teacherThread.getByText('Tambahkan contoh tumbuhan di halaman sekolah.').waitFor();
    await openThread(teacherThread);
    await teacherThread.getByText('(diubah)').waitFor();

    await setFilter(teacher, 'Jenis', 'Pertanyaan');
    await expect.poll(() => feedbackSidebar(teacher).getByRole('article').count()).toBe(1);
    expect(await feedbackSidebar(teacher).getByRole('article').innerText()).toContain('Daun apa saja yang diamati?');
    await setFilter(teacher, 'Jenis', 'Semua jenis');

    const improvement = teacherThread;
    await openThread(improvement);
    await improvement.getByRole('button', { name: 'Selesaikan' }).click();
    await improvement.waitFor({ state: 'detached' });
    await expect.poll(() => highlightedText(mentor, 'improvement')).toBe('');
    await setFilter(teacher, 'Status', 'Selesai');
    await openThread(improvement);
    await improvement.getByRole('button', { name: 'Buka lagi' }).click();
    await improvement.waitFor({ state: 'detached' });
    await setFilter(teacher, 'Status', 'Terbuka');
    await improvement.waitFor();
    await expect
      .poll(() => highlightedText(mentor, 'improvement'))
      .toBe('siswa memahami proses terjadinya fotosintesis');
  });

  it('the teacher accepts a suggestion in one click: the text changes for both, and the thread says so', async () => {
    await giveFeedback('Saran', 'di halaman sekolah', 'Lebih dekat dengan siswa.', 'di kebun sekolah');
    const suggestion = threadCard(teacher, 'Lebih dekat dengan siswa.');
    await suggestion.waitFor({ timeout: 10_000 });
    expect(
      await threadCard(mentor, 'Lebih dekat dengan siswa.').getByRole('button', { name: 'Terima saran' }).count(),
    ).toBe(0);

    await suggestion.getByRole('button', { name: 'Terima saran' }).click();
    for (const page of [teacher, mentor]) {
      await expect.poll(() => editorText(page)).toContain('Kegiatan: siswa mengamati daun di kebun sekolah.');
    }
    expect(await editorText(teacher)).not.toContain('di halaman sekolah');
    await setFilter(mentor, 'Status', 'Semua status');
    const decided = threadCard(mentor, 'Lebih dekat dengan siswa.');
    await decided.getByText(/^Saran diterima/).waitFor({ timeout: 10_000 });
    expect(await decided.getAttribute('data-status')).toBe('resolved');
  });

  it('the mentor selects a passage with the keyboard alone and comments on it', async () => {
    // The read-only text takes the keyboard focus and a caret (not only a mouse selection).
    await editorArea(mentor).focus();
    expect(await editorArea(mentor).evaluate((element) => element === document.activeElement)).toBe(true);
    await mentor.keyboard.press('Control+Home');
    await mentor.keyboard.press('End');
    await mentor.keyboard.press('ArrowLeft');
    for (let step = 0; step < 'tumbuhan hijau'.length; step++) await mentor.keyboard.press('Shift+ArrowLeft');
    await feedbackSidebar(mentor).getByRole('button', { name: 'Beri masukan' }).click();
    const form = feedbackSidebar(mentor).getByRole('form', { name: 'Masukan baru' });
    expect(await form.locator('blockquote').innerText()).toBe('tumbuhan hijau');
    await form.getByRole('radio', { name: /^Kekuatan/ }).check();
    await form.getByRole('textbox', { name: /^Komentar/ }).fill('Contoh yang dekat dengan siswa, bagus.');
    await form.getByRole('button', { name: 'Kirim masukan' }).click();
    await threadCard(teacher, 'Contoh yang dekat dengan siswa, bagus.').waitFor({ timeout: 10_000 });
    await expect.poll(() => highlightedText(teacher, 'strength')).toBe('tumbuhan hijau');
  });

  it('four threads fit in one 768-px screen of the sidebar; the keyboard opens and folds one', async () => {
    await teacher.setViewportSize({ width: 1366, height: 768 });
    await setFilter(teacher, 'Status', 'Semua status');
    const threads = feedbackSidebar(teacher).getByRole('article');
    await expect.poll(() => threads.count()).toBe(4);
    // The thread still open from replying is folded with its button, as a person would.
    const open = feedbackSidebar(teacher).locator('button[aria-expanded="true"]');
    if ((await open.count()) > 0) await open.first().click();
    await expect.poll(() => open.count()).toBe(0);
    const boxes = await threads.evaluateAll((cards) =>
      cards.map((card) => {
        const box = card.getBoundingClientRect();
        return { top: box.top, bottom: box.bottom };
      }),
    );
    const first = boxes[0];
    const last = boxes[3];
    if (!first || !last) throw new Error('four threads expected');
    expect(last.bottom - first.top).toBeLessThanOrEqual(768);

    // Ctrl+Alt+M in a highlight opens its thread and takes the focus there; Escape folds it again.
    await placeCaretAt(teacher, 'mengamati', 'after');
    await teacher.keyboard.press('Control+Alt+m');
    const question = threadCard(teacher, 'Daun apa saja yang diamati?');
    await question.locator('button[aria-expanded="true"]').waitFor();
    expect(await question.getByLabel('Balasan Anda').isVisible()).toBe(true);
    await teacher.keyboard.press('Escape');
    await question.locator('button[aria-expanded="false"]').waitFor();
    expect(await question.getByLabel('Balasan Anda').isVisible()).toBe(false);
    // Enter on its focused "Selengkapnya" button opens it again.
    await teacher.keyboard.press('Enter');
    await question.getByLabel('Balasan Anda').waitFor();
  });

  it('on a narrow screen the sidebar stacks under the text', async () => {
    await teacher.setViewportSize({ width: 400, height: 800 });
    const text = await editorArea(teacher).boundingBox();
    const sidebar = await feedbackSidebar(teacher).boundingBox();
    if (!text || !sidebar) throw new Error('editor or sidebar not shown');
    expect(sidebar.y).toBeGreaterThanOrEqual(text.y + text.height);
    expect(sidebar.x + sidebar.width).toBeLessThanOrEqual(400);
  });
});
