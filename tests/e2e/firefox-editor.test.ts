/**
 * The web editor in real Firefox (ESR), teacher and mentor each in their own browser context: the
 * mentor selects text with the mouse and gives feedback, the teacher sees it live, replies and
 * resolves; in the try-out the mentor writes observation notes (the view made for a phone) while
 * the server is unreachable, and they reach the teacher when it is back. No extension: the server
 * serves the app. Firefox 140 has no BiDi network emulation (`emulation.setNetworkConditions` is an
 * unknown command, so puppeteer's setOfflineMode fails) nor viewport emulation: "no internet" is the
 * server stopped, which the app meets the same way (its socket is gone), and the window is laptop-sized.
 */
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDampingiServer, type DampingiServer, type TestUser } from './support/dampingi-server';
import { createDraftViaApi, shareDraftViaApi } from './support/editor-page';
import { click, fillField, find, findBySelector, launchFirefox, newPerson, until, untilText } from './support/firefox';

const GOAL = 'Tujuan: siswa memahami proses fotosintesis pada tumbuhan hijau.';

describe('the web editor in Firefox: feedback and observation between teacher and mentor', () => {
  let server: DampingiServer;
  let browser: Browser;
  let teacherUser: TestUser;
  let mentorUser: TestUser;
  let draftId: string;
  let teacher: Page;
  let mentor: Page;

  beforeAll(async () => {
    server = await createDampingiServer();
    await server.start();
    teacherUser = await server.addUser('Bu Sari');
    mentorUser = await server.addUser('Pak Budi');
    draftId = await createDraftViaApi(server.url, teacherUser.token, 'Modul ajar fotosintesis');
    await shareDraftViaApi(server.url, teacherUser.token, draftId, mentorUser.token, 'commenter');
    browser = await launchFirefox();
    teacher = (await newPerson(browser)).page;
    mentor = (await newPerson(browser)).page;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const openDraft = async (page: Page, user: TestUser, view = '') => {
    const address = `${server.url}/editor.html?token=${encodeURIComponent(user.token)}&draft=${draftId}${view}`;
    await page.goto(address);
  };
  const untilSynced = (page: Page, selector = '[role="status"][data-sync-state]', timeout = 30_000) =>
    until(page, (css) => document.querySelector(css)?.getAttribute('data-sync-state') === 'synced', selector, {
      timeout,
      what: `${selector} says synced`,
    });
  /** The draft's text as a reader sees it: other people's carets and ProseMirror's helpers left out. */
  const draftText = (page: Page) =>
    page.evaluate(() => {
      const copy = document.querySelector('.ProseMirror')?.cloneNode(true) as HTMLElement | undefined;
      if (!copy) return '';
      for (const widget of copy.querySelectorAll(
        '.collaboration-carets__caret, br.ProseMirror-trailingBreak, img.ProseMirror-separator',
      )) {
        widget.remove();
      }
      document.body.append(copy);
      const visible = copy.innerText;
      copy.remove();
      return visible.replace(/\u00a0/g, ' ').trim();
    });
  const highlighted = (page: Page, kind: string) =>
    page.evaluate(
      (wanted) =>
        [...document.querySelectorAll(`.ProseMirror .feedback-highlight[data-kind="${wanted}"]`)]
          .map((span) => span.textContent)
          .join(''),
      kind,
    );
  /** The sidebar "Masukan" thread card (an article) whose text contains `text`. */
  async function threadCard(page: Page, text: string) {
    await untilText(page, text);
    const cards = await page.$$('aside.feedback-sidebar article');
    for (const card of cards)
      if (await card.evaluate((article, wanted) => article.innerText.includes(wanted), text)) return card;
    throw new Error(`no thread card with "${text}"`);
  }

  /** Drags the mouse over `text` in the draft, from its first character to its last. */
  async function selectWithMouse(page: Page, text: string): Promise<void> {
    const box = await page.evaluate((wanted) => {
      const root = document.querySelector('.ProseMirror');
      if (!root) return null;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(wanted) ?? -1;
        if (at === -1) continue;
        const rect = (from: number, to: number) => {
          const range = document.createRange();
          range.setStart(node, from);
          range.setEnd(node, to);
          return range.getBoundingClientRect();
        };
        const first = rect(at, at + 1);
        const last = rect(at + wanted.length - 1, at + wanted.length);
        return {
          start: { x: first.left + 1, y: first.top + first.height / 2 },
          end: { x: last.right - 1, y: last.top + last.height / 2 },
        };
      }
      return null;
    }, text);
    if (!box) throw new Error(`"${text}" is not in one text run of the draft`);
    await page.mouse.move(box.start.x, box.start.y);
    await page.mouse.down();
    await page.mouse.move(box.end.x, box.end.y, { steps: 5 });
    await page.mouse.up();
    await until(page, (wanted) => window.getSelection()?.toString() === wanted, text, { what: `"${text}" selected` });
  }

  it('the mentor selects a sentence and gives an improvement; the teacher sees the thread and the highlight live', async () => {
    await openDraft(teacher, teacherUser);
    await openDraft(mentor, mentorUser);
    await untilSynced(teacher);
    await untilSynced(mentor);
    await (await find(teacher, 'textbox', 'Isi draf')).click();
    await teacher.keyboard.down('Control');
    await teacher.keyboard.press('End');
    await teacher.keyboard.up('Control');
    await teacher.keyboard.type(GOAL, { delay: 5 });
    await until(mentor, (goal) => document.querySelector<HTMLElement>('.ProseMirror')?.innerText.includes(goal), GOAL, {
      what: "the teacher's text reaches the mentor",
    });

    await selectWithMouse(mentor, 'siswa memahami proses fotosintesis');
    await click(mentor, 'button', 'Beri masukan');
    // The kind's name is followed by its hint ("Perbaikan — perbaiki ini"): picked by its value.
    await (await findBySelector(mentor, '.feedback-composer input[name="feedback-kind"][value="improvement"]')).click();
    await fillField(mentor, 'Komentar', 'Tambahkan contoh tumbuhan di sekolah.');
    await click(mentor, 'button', 'Kirim masukan');

    await untilText(teacher, 'Tambahkan contoh tumbuhan di sekolah.');
    await untilText(teacher, 'Perbaikan dari Pak Budi');
    for (const page of [teacher, mentor]) {
      await expect.poll(() => highlighted(page, 'improvement')).toBe('siswa memahami proses fotosintesis');
    }
    expect(await draftText(mentor)).toBe(await draftText(teacher));
  });

  it('the teacher replies and resolves; the mentor sees the reply, then the highlight gone', async () => {
    const thread = await threadCard(teacher, 'Tambahkan contoh tumbuhan di sekolah.');
    // A thread is folded to its first comment until opened ("Selengkapnya").
    const toggle = await thread.$('.feedback-thread-toggle');
    if (!toggle) throw new Error('the thread has no "Selengkapnya"');
    if ((await toggle.evaluate((button) => button.getAttribute('aria-expanded'))) !== 'true') await toggle.click();
    await until(teacher, () => document.querySelector('.feedback-thread-toggle[aria-expanded="true"]') !== null, null, {
      what: 'the thread is open',
    });
    const reply = await thread.$('::-p-aria([name="Balasan Anda"][role="textbox"])');
    const send = await thread.$('::-p-aria([name="Balas"][role="button"])');
    if (!reply || !send) throw new Error('the open thread offers the teacher no reply');
    await reply.type('Baik, saya tambahkan bayam.');
    await send.click();
    await untilText(mentor, 'Baik, saya tambahkan bayam.');
    // Resolving is the owner's: the mentor is not offered it.
    expect(await mentor.$$('::-p-aria([name="Selesaikan"][role="button"])')).toHaveLength(0);

    await click(teacher, 'button', 'Selesaikan');
    await expect.poll(() => highlighted(mentor, 'improvement'), { timeout: 20_000 }).toBe('');
    await untilText(teacher, '0 terbuka · 1 selesai');
  });

  it('the mentor writes observation notes in the view made for a phone while the server is unreachable; they reach the teacher once it is back', async () => {
    // The try-out is where notes are taken; the teacher has them open.
    await openDraft(teacher, teacherUser, '&view=observe');
    await untilText(teacher, 'Observasi kelas');
    await openDraft(mentor, mentorUser, '&view=observe');
    await untilText(mentor, 'Observasi kelas');
    await untilSynced(mentor, '.observation-sync');

    await server.stop();
    await until(
      mentor,
      () => document.querySelector('.observation-sync')?.getAttribute('data-sync-state') !== 'synced',
      null,
      { what: 'the phone notices the server is gone' },
    );
    const notes = [
      { body: 'Siswa antusias memotong kertas lipat.', tag: 'Keterlibatan', tone: 'Berjalan baik' },
      { body: 'Kegiatan 2 tidak selesai dalam 20 menit.', tag: 'Waktu', tone: 'Perlu diperbaiki' },
    ];
    for (const note of notes) {
      await fillField(mentor, 'Catatan', note.body);
      await click(mentor, 'radio', note.tag);
      await click(mentor, 'radio', note.tone);
      await click(mentor, 'button', 'Simpan catatan');
      await until(
        mentor,
        (body) => [...document.querySelectorAll('article.observation-note')].some((n) => n.textContent?.includes(body)),
        note.body,
        { what: `the note "${note.body}" is listed` },
      );
    }
    expect(await mentor.$$eval('article.observation-note[data-delivery="unsent"]', (all) => all.length)).toBe(2);
    expect(await teacher.$$eval('article.observation-note', (all) => all.length)).toBe(0);

    await server.start();
    await untilSynced(mentor, '.observation-sync', 60_000);
    await until(teacher, () => document.querySelectorAll('article.observation-note').length === 2, null, {
      timeout: 60_000,
      what: 'both notes reach the teacher',
    });
    const texts = await teacher.$$eval('article.observation-note', (all) => all.map((note) => note.textContent));
    for (const note of notes) expect(texts.filter((text) => text?.includes(note.body))).toHaveLength(1);
    expect(await mentor.$$eval('article.observation-note[data-delivery="sent"]', (all) => all.length)).toBe(2);
  });
});
