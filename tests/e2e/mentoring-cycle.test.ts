/**
 * One draft through the mentoring cycle, as a teacher (owner) and her mentor (commenter) live it,
 * each in their own browser on the web editor: an LKPD from its template, the needs analysis
 * filled, the mentor's feedback, the move to try-out, the mentor observing the lesson on a phone
 * with no internet, the reflection in "keep" and "fix" columns, the follow-up plan, and the
 * mentor's overview of every draft they accompany. Screenshots of each screen in both languages
 * go to test-results/screenshots for a person to look at.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDay } from '../../shared/mentoring/cycle-doc';
import { launchPlainBrowser } from './support/chromium';
import { createDampingiServer, type DampingiServer, type TestUser } from './support/dampingi-server';
import {
  editorArea,
  editorText,
  openWebDraft,
  placeCaretAfter,
  shareDraftViaApi,
  waitForSyncState,
} from './support/editor-page';
import { giveFeedback, threadCard } from './support/feedback-page';

const SCREENSHOTS = path.resolve('test-results/screenshots');

const LEARNERS = 'Kelas IV, 28 siswa; sebagian belum lancar membandingkan pecahan.';
const GOAL = 'Siswa dapat menunjukkan pecahan senilai dengan potongan kertas lipat.';
const MEANINGFUL = 'Memakai kue dan kertas lipat dari kehidupan sehari-hari.';

const NOTES = [
  { body: 'Siswa antusias memotong kertas lipat.', tag: 'Keterlibatan', tone: 'Berjalan baik' },
  {
    body: 'Petunjuk langkah 2 membingungkan; banyak yang bertanya.',
    tag: 'Kejelasan',
    tone: 'Perlu diperbaiki',
    section: 'Petunjuk',
    photo: true,
  },
  { body: 'Kegiatan 2 tidak selesai dalam 20 menit.', tag: 'Waktu', tone: 'Perlu diperbaiki' },
] as const;

const dayFromToday = (days: number) => localDay(new Date(Date.now() + days * 86_400_000));

describe('a draft goes through the mentoring cycle with its teacher and mentor', () => {
  let server: DampingiServer;
  let browser: Browser;
  let teacherContext: BrowserContext;
  let mentorContext: BrowserContext;
  let teacher: Page;
  let mentor: Page;
  let teacherUser: TestUser;
  let mentorUser: TestUser;
  let draftId = '';

  const stepper = (page: Page) => page.getByRole('region', { name: 'Tahap pendampingan' });
  const currentStage = (page: Page) => stepper(page).locator('[aria-current="step"]').innerText();
  const tab = (page: Page, name: string) =>
    page.getByRole('navigation', { name: 'Bagian draf' }).getByRole('link', { name });

  async function screenshot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  }

  async function setLanguage(page: Page, language: 'id' | 'en'): Promise<void> {
    await page.locator(`.language-switch button[lang="${language}"]`).click();
    await page.locator(`.language-switch button[lang="${language}"][aria-pressed="true"]`).waitFor();
  }

  /** The teacher moves the draft on by one stage through the stepper, with an optional note. */
  async function moveForward(stage: string, note = ''): Promise<void> {
    await stepper(teacher)
      .getByRole('button', { name: `Lanjut ke ${stage}` })
      .click();
    if (note) await stepper(teacher).getByLabel('Catatan (boleh kosong)').fill(note);
    await stepper(teacher)
      .getByRole('button', { name: `Pindahkan ke ${stage}` })
      .click();
    await expect.poll(() => currentStage(teacher)).toContain(stage);
  }

  /**
   * Clicks into the empty line the template leaves under the prompt starting with `prompt` and
   * types the answer; it must become that line's text, not part of the (italic) prompt.
   */
  async function answerPrompt(prompt: string, answer: string): Promise<void> {
    const promptLine = editorArea(teacher).locator('p', { hasText: prompt }).first();
    const answerLine = promptLine.locator('xpath=following-sibling::*[1]');
    expect(await answerLine.evaluate((element) => element.tagName)).toBe('P');
    expect(await answerLine.textContent()).toBe('');
    await answerLine.click();
    await teacher.keyboard.type(answer, { delay: 5 });
    await expect.poll(() => answerLine.textContent()).toBe(answer);
    expect(await answerLine.locator('em').count()).toBe(0);
  }

  /** A photo as a phone camera makes it: a large JPEG (drawn in the page, so nothing is downloaded). */
  async function cameraPhoto(page: Page): Promise<Buffer> {
    const base64 = await page.evaluate(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 3000;
      canvas.height = 2000;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2d canvas');
      for (let x = 0; x < 3000; x += 100) {
        context.fillStyle = `hsl(${x / 10}, 60%, 50%)`;
        context.fillRect(x, 0, 100, 2000);
      }
      return canvas.toDataURL('image/jpeg', 0.95).split(',')[1] ?? '';
    });
    return Buffer.from(base64, 'base64');
  }

  beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    server = await createDampingiServer();
    await server.start();
    teacherUser = await server.addUser('Bu Sari');
    mentorUser = await server.addUser('Pak Budi');
    browser = await launchPlainBrowser();
    teacherContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    mentorContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    teacher = await teacherContext.newPage();
    mentor = await mentorContext.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the teacher creates an LKPD from its template and fills in the needs analysis', async () => {
    await teacher.goto(`${server.url}/editor.html?token=${encodeURIComponent(teacherUser.token)}`);
    await teacher.getByRole('radio', { name: 'LKPD', exact: true }).check();
    await teacher.getByLabel('Judul draf baru').fill('LKPD Pecahan senilai');
    await teacher.getByRole('button', { name: 'Buat draf' }).click();
    await editorArea(teacher).waitFor();
    await waitForSyncState(teacher, 'synced');
    draftId = new URL(teacher.url()).searchParams.get('draft') ?? '';
    expect(draftId).not.toBe('');

    // The template's structure is there: the needs analysis with its prompts, then the worksheet.
    await expect.poll(() => editorText(teacher)).toContain('Lembar Kerja Peserta Didik (LKPD)');
    const text = await editorText(teacher);
    for (const part of ['Analisis kebutuhan', 'Peserta didik dan kebutuhannya', 'Bermakna', 'Berkesadaran']) {
      expect(text).toContain(part);
    }
    expect(await currentStage(teacher)).toContain('Analisis kebutuhan');

    await answerPrompt('Siapa peserta didik Anda', LEARNERS);
    await answerPrompt('Apa yang dapat dilakukan peserta didik', GOAL);
    await answerPrompt('Bermakna —', MEANINGFUL);
    await waitForSyncState(teacher, 'synced');
    await screenshot(teacher, 'stepper-id');
  });

  it('the mentor gives one strength and two improvements; the teacher sees them', async () => {
    await shareDraftViaApi(server.url, teacherUser.token, draftId, mentorUser.token, 'commenter');
    await openWebDraft(mentor, server.url, mentorUser.token, draftId);
    await expect.poll(() => editorText(mentor)).toContain(MEANINGFUL);
    // Moving the stage is not the mentor's: no button offers it.
    expect(
      await stepper(mentor)
        .getByRole('button', { name: /^Lanjut ke/ })
        .count(),
    ).toBe(0);

    await giveFeedback(mentor, 'Kekuatan', 'kue dan kertas lipat', 'Konteks dekat dengan keseharian siswa.');
    await giveFeedback(mentor, 'Perbaikan', 'potongan kertas lipat', 'Sebutkan ukuran kertasnya.');
    await giveFeedback(mentor, 'Perbaikan', 'sebagian belum lancar', 'Siapkan bantuan untuk yang belum lancar.');
    for (const comment of ['Konteks dekat', 'Sebutkan ukuran kertasnya.', 'Siapkan bantuan']) {
      await threadCard(teacher, comment).waitFor({ timeout: 10_000 });
    }
  });

  it('the teacher moves the draft to try-out; the mentor sees the stage change live', async () => {
    await moveForward('Rancangan & pengembangan');
    await moveForward('Uji coba terbatas', 'Siap diuji di kelas IV B, Kamis.');
    await expect.poll(() => currentStage(mentor)).toContain('Uji coba terbatas');
    // The stages are not a wall: the teacher keeps editing the media.
    await placeCaretAfter(teacher, GOAL);
    await teacher.keyboard.type(' (revisi)', { delay: 5 });
    await expect.poll(() => editorText(mentor)).toContain(`${GOAL} (revisi)`);
  });

  it('the mentor observes the lesson on a phone with no internet; three notes arrive when it is back', async () => {
    // The teacher has the observation notes open and watches them arrive.
    await tab(teacher, 'Observasi').click();
    await teacher.getByRole('heading', { name: 'Observasi kelas' }).waitFor();

    const phone = await mentorContext.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(
      `${server.url}/editor.html?token=${encodeURIComponent(mentorUser.token)}&draft=${draftId}&view=observe`,
    );
    await phone.getByRole('heading', { name: 'Observasi kelas' }).waitFor();
    await phone.locator('.observation-sync[data-sync-state="synced"]').waitFor({ timeout: 20_000 });
    const photo = await cameraPhoto(phone);

    // The classroom has no internet, and the school's connection to the server is gone too.
    await mentorContext.setOffline(true);
    await server.stop();
    expect(await phone.evaluate(() => navigator.onLine)).toBe(false);
    await phone.locator('.observation-sync[data-sync-state="offline"]').waitFor({ timeout: 20_000 });

    for (const [index, note] of NOTES.entries()) {
      await phone.getByLabel('Catatan', { exact: true }).fill(note.body);
      await phone.getByLabel(note.tag, { exact: true }).check();
      await phone.getByLabel(note.tone, { exact: true }).check();
      if ('section' in note) {
        const option = phone.getByLabel('Bagian media').locator('option').filter({ hasText: note.section }).first();
        await phone.getByLabel('Bagian media').selectOption(await option.getAttribute('value'));
      }
      if ('photo' in note) {
        await phone
          .getByLabel('Foto (boleh dilewati)')
          .setInputFiles({ name: 'kelas.jpg', mimeType: 'image/jpeg', buffer: photo });
        await phone.getByAltText('Pratinjau foto').waitFor();
      }
      await phone.getByRole('button', { name: 'Simpan catatan' }).click();
      await phone.locator('article.observation-note').filter({ hasText: note.body }).waitFor();
      if (index === 0) {
        // The phone's browser is closed and opened again in class: the view opens with no network,
        // the note taken before is still there.
        await phone.reload();
        await phone.getByRole('heading', { name: 'Observasi kelas' }).waitFor();
        await phone.locator('article.observation-note').filter({ hasText: note.body }).waitFor();
      }
    }
    const saved = phone.locator('article.observation-note');
    expect(await saved.count()).toBe(3);
    // The notes written since the page opened say they have not reached the server yet.
    expect(await phone.locator('article.observation-note[data-delivery="unsent"]').count()).toBe(2);
    await expect
      .poll(async () => Number(await phone.locator('.observation-sync').getAttribute('data-pending')))
      .toBeGreaterThan(0);
    // The photo was made small enough to keep with the draft, and shows.
    const thumbnail = saved.filter({ hasText: NOTES[1].body }).locator('img');
    expect(await thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1024);
    await screenshot(phone, 'observation-phone-id');
    expect(await teacher.locator('article.observation-note').count()).toBe(0);

    await server.start();
    await mentorContext.setOffline(false);
    await phone.locator('.observation-sync[data-sync-state="synced"]').waitFor({ timeout: 30_000 });
    expect(await phone.locator('article.observation-note[data-delivery="unsent"]').count()).toBe(0);
    expect(await phone.locator('article.observation-note[data-delivery="sent"]').count()).toBe(2);

    // The teacher sees all three without reloading, the photo included.
    await expect.poll(() => teacher.locator('article.observation-note').count(), { timeout: 30_000 }).toBe(3);
    const teacherPhoto = teacher.locator('article.observation-note').filter({ hasText: NOTES[1].body }).locator('img');
    await expect.poll(() => teacherPhoto.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1024);

    await setLanguage(phone, 'en');
    await phone.getByRole('heading', { name: 'Classroom observation' }).waitFor();
    await screenshot(phone, 'observation-phone-en');
    await setLanguage(phone, 'id');
    await phone.close();
  });

  it('the reflection view puts the strength and the good note under "keep", improvements and problems under "fix"', async () => {
    await tab(teacher, 'Refleksi').click();
    const keep = teacher.locator('section[data-column="keep"]');
    const fix = teacher.locator('section[data-column="fix"]');
    await keep.getByRole('article').first().waitFor();

    await expect.poll(() => fix.getByRole('article').count()).toBe(4);
    expect(await keep.getByRole('article').count()).toBe(2);
    expect(await keep.innerText()).toContain('Konteks dekat dengan keseharian siswa.');
    expect(await keep.innerText()).toContain(NOTES[0].body);
    for (const text of ['Sebutkan ukuran kertasnya.', 'Siapkan bantuan', NOTES[1].body, NOTES[2].body]) {
      expect(await fix.innerText()).toContain(text);
    }
    expect(await keep.innerText()).not.toContain('Sebutkan ukuran kertasnya.');

    // The teacher reflects on one improvement and overall; it is kept with the draft.
    const sizeItem = fix.getByRole('article').filter({ hasText: 'Sebutkan ukuran kertasnya.' });
    await sizeItem.getByLabel('Refleksi saya').fill('Benar, separuh kelas memakai kertas yang terlalu kecil.');
    await teacher.getByLabel('Apa yang dilakukan siswa?').fill('Berdiskusi dalam kelompok dan saling membantu.');
    await teacher.getByLabel('Apa yang saya pelajari?').click();
    await teacher.reload();
    await sizeItem.getByLabel('Refleksi saya').waitFor();
    await expect
      .poll(() => sizeItem.getByLabel('Refleksi saya').inputValue())
      .toBe('Benar, separuh kelas memakai kertas yang terlalu kecil.');
    await screenshot(teacher, 'reflection-id');
    await setLanguage(teacher, 'en');
    await teacher.locator('section[data-column="keep"]').getByRole('article').first().waitFor();
    await screenshot(teacher, 'reflection-en');
    await setLanguage(teacher, 'id');
  });

  it('the teacher plans two actions answering the improvements; the overdue one is marked', async () => {
    await tab(teacher, 'Tindak lanjut').click();
    const plan = teacher.getByRole('region', { name: 'Rencana tindak lanjut' });
    await plan.waitFor();
    const actions = [
      {
        what: 'Ganti kertas lipat dengan ukuran 15 × 15 cm.',
        due: dayFromToday(-1),
        answers: 'Sebutkan ukuran kertasnya.',
      },
      {
        what: 'Siapkan kartu bantuan untuk kelompok yang belum lancar.',
        due: dayFromToday(7),
        answers: 'Siapkan bantuan',
      },
    ];
    for (const action of actions) {
      await plan.getByLabel('Tindakan', { exact: true }).fill(action.what);
      await plan.getByLabel('Batas waktu (boleh kosong)').fill(action.due);
      await plan.getByRole('checkbox', { name: new RegExp(action.answers) }).check();
      await plan.getByRole('button', { name: 'Tambah tindakan' }).click();
      await plan.getByRole('article').filter({ hasText: action.what }).waitFor();
    }
    await plan.getByText('2 terbuka · 1 terlambat · 0 selesai').waitFor();
    const overdue = plan.getByRole('article').filter({ hasText: actions[0]?.what ?? '' });
    expect(await overdue.getAttribute('data-overdue')).toBe('true');
    expect(await overdue.innerText()).toContain('Terlambat');
    expect(await overdue.innerText()).toContain('Sebutkan ukuran kertasnya.');
    await screenshot(teacher, 'plan-id');

    await moveForward('Refleksi');
    await moveForward('Tindak lanjut', 'Rencana disepakati dengan Pak Budi.');
    await expect.poll(() => currentStage(mentor)).toContain('Tindak lanjut');
  });

  it("the mentor's overview shows the draft at Tindak lanjut with the right counts", async () => {
    await mentor.goto(`${server.url}/editor.html?token=${encodeURIComponent(mentorUser.token)}&view=overview`);
    await mentor.getByRole('heading', { name: 'Ikhtisar pendampingan' }).waitFor();
    const row = mentor.locator(`tr[data-draft-id="${draftId}"]`);
    await row.waitFor();
    expect(await row.locator('[data-column="stage"]').innerText()).toBe('Tindak lanjut');
    expect(await row.locator('[data-column="mediaKind"]').innerText()).toBe('LKPD');
    expect(await row.locator('[data-column="teacher"]').innerText()).toBe('Bu Sari');
    expect({
      stage: await row.getAttribute('data-stage'),
      openFeedback: await row.getAttribute('data-open-feedback'),
      observations: await row.getAttribute('data-observations'),
      actionsOpen: await row.getAttribute('data-actions-open'),
      actionsOverdue: await row.getAttribute('data-actions-overdue'),
    }).toEqual({ stage: 'follow-up', openFeedback: '3', observations: '3', actionsOpen: '2', actionsOverdue: '1' });
    expect(await mentor.locator('figure.stage-chart li[data-stage="follow-up"]').getAttribute('data-count')).toBe('1');
    await screenshot(mentor, 'overview-id');

    // With no network, the overview opens with the last known state and says so.
    await mentorContext.setOffline(true);
    await mentor.reload();
    await mentor.getByTestId('overview-stale').waitFor();
    expect(await mentor.locator(`tr[data-draft-id="${draftId}"]`).getAttribute('data-stage')).toBe('follow-up');
    await mentorContext.setOffline(false);
    await mentor.reload();
    await row.waitFor();
    await setLanguage(mentor, 'en');
    await mentor.getByRole('columnheader', { name: /Teacher/ }).waitFor();
    await screenshot(mentor, 'overview-en');

    // The stepper in English, for the record.
    await teacher.goto(`${server.url}/editor.html?token=${encodeURIComponent(teacherUser.token)}&draft=${draftId}`);
    await setLanguage(teacher, 'en');
    await teacher.getByRole('region', { name: 'Mentoring stage' }).waitFor();
    await screenshot(teacher, 'stepper-en');
  });
});
