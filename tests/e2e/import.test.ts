/**
 * A teacher imports a Word lesson plan on the web editor's home page in real Chromium: the file is
 * read (in a worker), the preview lists what cannot be kept, "Buat draf dari berkas ini" creates
 * the draft, and the editor shows its headings, nested list, table, image and links — after a
 * reload, and in a browser that never saw the file (so the server has it). A broken file is
 * refused with its message and creates nothing.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LESSON,
  LESSON_IMAGE,
  LESSON_NOTE,
  lessonPlanDocx,
  photoAlbumDocx,
  randomBytesDocx,
  truncatedDocx,
} from '../fixtures/docx/build-docx';
import { launchPlainBrowser } from './support/chromium';
import { createDampingiServer, type DampingiServer, type TestUser } from './support/dampingi-server';
import { editorArea, editorText, syncStatus, waitForSyncState } from './support/editor-page';

const FILE_LABEL = 'Pilih berkas Word (.docx)';
const NOT_KEPT_LIST = 'Daftar yang tidak dapat disimpan';
const CREATE = 'Buat draf dari berkas ini';

/**
 * What the editor shows of the imported structure, read from its rendered document after the
 * needs analysis section every new draft opens with (checked on its own).
 */
async function renderedStructure(page: Page) {
  return editorArea(page).evaluate((editor) => {
    const area = editor.cloneNode(true) as HTMLElement;
    const start = [...area.children].findIndex(
      (block) => block.localName === 'h1' && !block.hasAttribute('data-audience'),
    );
    for (const block of [...area.children].slice(0, Math.max(start, 0))) block.remove();
    return {
      headings: [...area.querySelectorAll('h1, h2, h3')].map((h) => `${h.localName}:${h.textContent}`),
      nestedBullets: [...area.querySelectorAll('ol > li > ul > li')].map((li) => li.textContent),
      numbered: [...(area.querySelector(':scope > ol')?.querySelectorAll(':scope > li > p') ?? [])].map(
        (p) => p.textContent,
      ),
      // The footnote moved to the end, as a numbered list of its own.
      lastBlock: `${area.lastElementChild?.localName}:${area.lastElementChild?.textContent}`,
      tableHeader: [...area.querySelectorAll('table th')].map((th) => th.textContent),
      tableCells: [...area.querySelectorAll('table td')].map((td) => td.textContent),
      images: [...area.querySelectorAll('img')].map((img) => ({
        src: img.getAttribute('src'),
        alt: img.getAttribute('alt'),
        shown: (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
      })),
      links: [...area.querySelectorAll('a[href]')].map((a) => `${a.textContent} → ${a.getAttribute('href')}`),
      bold: [...area.querySelectorAll('strong')].map((b) => b.textContent),
      underlined: [...area.querySelectorAll('u')].map((u) => u.textContent),
    };
  });
}

/** The headings of the draft's opening needs analysis section (teacher-only), up to the document's own. */
async function needsAnalysisHeadings(page: Page) {
  return editorArea(page).evaluate((area) => {
    const blocks = [...area.children];
    const end = blocks.findIndex((block) => block.localName === 'h1' && !block.hasAttribute('data-audience'));
    return blocks
      .slice(0, end)
      .filter((block) => /^h[1-3]$/.test(block.localName))
      .map(
        (h) =>
          `${h.localName}:${h.textContent}${h.getAttribute('data-audience') ? ` (${h.getAttribute('data-audience')})` : ''}`,
      );
  });
}

const EXPECTED = {
  headings: [`h1:${LESSON.title}`, `h2:${LESSON.section}`, `h3:${LESSON.subsection}`],
  nestedBullets: ['Warna daun', 'Bentuk tulang daun'],
  numbered: ['Mengamati daun', 'Menyimpulkan'],
  lastBlock: 'ol:Daun dari halaman sekolah juga boleh.',
  tableHeader: ['Kegiatan', 'Waktu'],
  tableCells: ['Pendahuluan', '10 menit', 'Inti', '50 menit'],
  images: [{ src: `data:image/png;base64,${LESSON_IMAGE.toString('base64')}`, alt: LESSON.imageAlt, shown: true }],
  links: [`Fotosintesis di Wikipedia → ${LESSON.link}`, `surel guru → ${LESSON.mail}`],
  bold: ['mengamati'],
  underlined: ['mencatat'],
};

async function draftCount(server: DampingiServer, user: TestUser): Promise<number> {
  const response = await fetch(`${server.url}/api/drafts`, { headers: { authorization: `Bearer ${user.token}` } });
  return ((await response.json()) as { drafts: unknown[] }).drafts.length;
}

/** Every text the import's live status region showed, recorded in the page as it changes. */
async function recordStatusTexts(page: Page): Promise<void> {
  await page.locator('.import-word [role="status"]').waitFor({ state: 'attached' });
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { importStatusSeen: string[] }).importStatusSeen = seen;
    const region = document.querySelector('.import-word [role="status"]');
    if (!region) throw new Error('no status region');
    new MutationObserver(() => {
      const text = region.textContent ?? '';
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(region, { childList: true, subtree: true, characterData: true });
  });
}

describe('a teacher imports a Word lesson plan as a new draft', () => {
  let server: DampingiServer;
  let browser: Browser;
  let teacher: TestUser;
  let page: Page;
  let dir: string;
  let draftId = '';

  const home = () => page.goto(`${server.url}/editor.html?token=${encodeURIComponent(teacher.token)}`);

  beforeAll(async () => {
    server = await createDampingiServer();
    await server.start();
    teacher = await server.addUser('Bu Sari');
    browser = await launchPlainBrowser();
    page = await (await browser.newContext()).newPage();
    dir = mkdtempSync(join(tmpdir(), 'dampingi-import-'));
    writeFileSync(join(dir, 'RPP Fotosintesis.docx'), await lessonPlanDocx({ withLosses: true }));
    writeFileSync(join(dir, 'foto-bukan-word.docx'), randomBytesDocx());
    writeFileSync(join(dir, 'unduhan-terputus.docx'), await truncatedDocx());
    // Seven photos of 1.9 MB: about 13 MB, under the 15 MB limit, over the 8 MB of images a draft takes.
    writeFileSync(join(dir, 'Dokumentasi kegiatan.docx'), await photoAlbumDocx(7, 1.9 * 1024 * 1024));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows what cannot be kept before creating, then the editor shows headings, list, table, image and links', async () => {
    await home();
    await page.getByRole('heading', { name: 'Impor dari Word' }).waitFor();
    await recordStatusTexts(page);
    await page.getByLabel(FILE_LABEL).setInputFiles(join(dir, 'RPP Fotosintesis.docx'));

    const notKept = page.getByRole('list', { name: NOT_KEPT_LIST });
    await notKept.waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => (window as unknown as { importStatusSeen: string[] }).importStatusSeen)).toContain(
      'Membaca berkas…',
    );
    expect(await notKept.getByRole('listitem').allInnerTexts()).toEqual([
      'Catatan kaki (1) dipindah ke akhir draf sebagai daftar bernomor; nomornya di dalam teks tetap ada.',
      'Warna huruf tidak disimpan; teksnya tetap ada.',
    ]);
    expect(await page.getByText('Isi berkas “RPP Fotosintesis.docx” siap dijadikan draf.').isVisible()).toBe(true);
    // The result is brought into view (it sits under the file field), with the focus on it.
    const createBox = await page.getByRole('button', { name: CREATE }).boundingBox();
    const viewport = page.viewportSize();
    if (!createBox || !viewport) throw new Error('the create button is not shown');
    expect(createBox.y).toBeGreaterThanOrEqual(0);
    expect(createBox.y + createBox.height).toBeLessThanOrEqual(viewport.height);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('import-preview'))).toBe(true);
    expect(
      await page
        .getByText('Draf ini dimulai dengan bagian “Analisis kebutuhan” (untuk guru)', { exact: false })
        .isVisible(),
    ).toBe(true);
    // Nothing is created before the teacher says so.
    expect(await draftCount(server, teacher)).toBe(0);
    expect(await page.getByLabel('Judul draf', { exact: true }).inputValue()).toBe(LESSON.title);

    await page.getByRole('button', { name: CREATE }).click();
    await editorArea(page).waitFor({ timeout: 20_000 });
    draftId = new URL(page.url()).searchParams.get('draft') ?? '';
    expect(draftId).not.toBe('');
    expect(await page.getByRole('heading', { level: 1, name: LESSON.title }).first().isVisible()).toBe(true);
    await expect.poll(() => editorText(page), { timeout: 10_000 }).toContain(LESSON_NOTE);
    expect(await renderedStructure(page)).toEqual(EXPECTED);
    // It starts in "Analisis kebutuhan", so it has that section, as a draft from a template has.
    expect(await needsAnalysisHeadings(page)).toEqual([
      'h1:Analisis kebutuhan (teacher)',
      'h2:Peserta didik dan kebutuhannya',
      'h2:Tujuan pembelajaran',
      'h2:Batasan',
      'h2:Prinsip pembelajaran mendalam',
    ]);
    await waitForSyncState(page, 'synced');
  });

  it('a reload, and a browser that never saw the file, show the same draft (the server has it)', async () => {
    await page.reload();
    await editorArea(page).waitFor();
    await expect.poll(() => editorText(page), { timeout: 10_000 }).toContain(LESSON_NOTE);
    expect(await renderedStructure(page)).toEqual(EXPECTED);

    const fresh = await (await browser.newContext()).newPage();
    await fresh.goto(`${server.url}/editor.html?token=${encodeURIComponent(teacher.token)}&draft=${draftId}`);
    await editorArea(fresh).waitFor();
    await waitForSyncState(fresh, 'synced');
    await expect.poll(() => editorText(fresh), { timeout: 10_000 }).toContain(LESSON_NOTE);
    expect(await renderedStructure(fresh)).toEqual(EXPECTED);
    expect(await draftCount(server, teacher)).toBe(1);
  });

  it('when the sync server cannot be reached right after creating, the content stays on this device and reaches the server later', async () => {
    const context = await browser.newContext();
    let syncBlocked = true;
    // HTTP works (the draft is created); the draft's sync socket does not, until unblocked.
    await context.routeWebSocket(
      (url) => url.pathname.includes('/sync'),
      (socket) => {
        if (syncBlocked) socket.close({ code: 1011, reason: 'unreachable in this test' });
        else socket.connectToServer();
      },
    );
    const offlineTeacher = await context.newPage();
    await offlineTeacher.goto(`${server.url}/editor.html?token=${encodeURIComponent(teacher.token)}`);
    await offlineTeacher.getByLabel(FILE_LABEL).setInputFiles(join(dir, 'RPP Fotosintesis.docx'));
    await offlineTeacher.getByRole('button', { name: CREATE }).click();
    await editorArea(offlineTeacher).waitFor({ timeout: 40_000 });
    const offlineDraftId = new URL(offlineTeacher.url()).searchParams.get('draft') ?? '';
    // The editor opened it from this device, and says it is not yet with the server.
    await expect.poll(() => editorText(offlineTeacher), { timeout: 10_000 }).toContain(LESSON_NOTE);
    expect(await renderedStructure(offlineTeacher)).toEqual(EXPECTED);
    expect(await syncStatus(offlineTeacher).getAttribute('data-sync-state')).not.toBe('synced');

    const elsewhere = await (await browser.newContext()).newPage();
    await elsewhere.goto(
      `${server.url}/editor.html?token=${encodeURIComponent(teacher.token)}&draft=${offlineDraftId}`,
    );
    await waitForSyncState(elsewhere, 'synced');
    expect(await editorText(elsewhere)).not.toContain(LESSON.title);

    syncBlocked = false;
    await waitForSyncState(offlineTeacher, 'synced', 30_000);
    await expect.poll(() => editorText(elsewhere), { timeout: 20_000 }).toContain(LESSON_NOTE);
    expect(await renderedStructure(elsewhere)).toEqual(EXPECTED);
    await context.close();
  });

  it('a 13 MB file is read without freezing the page; images beyond 8 MB in all are listed and marked', async () => {
    await home();
    await recordStatusTexts(page);
    await page.evaluate(() => {
      const measured = { longestTask: 0, frames: 0 };
      (window as unknown as { measured: typeof measured }).measured = measured;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) measured.longestTask = Math.max(measured.longestTask, entry.duration);
      }).observe({ type: 'longtask' });
      const frame = () => {
        measured.frames++;
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    const started = Date.now();
    await page.getByLabel(FILE_LABEL).setInputFiles(join(dir, 'Dokumentasi kegiatan.docx'));
    await page.getByRole('button', { name: CREATE }).waitFor({ timeout: 60_000 });
    const readingMs = Date.now() - started;
    const measured = await page.evaluate(() => (window as unknown as { measured: object }).measured);
    console.info('import: reading a 13 MB .docx', { readingMs, ...measured });
    expect(await page.evaluate(() => (window as unknown as { importStatusSeen: string[] }).importStatusSeen)).toContain(
      'Membaca berkas…',
    );
    // The page kept drawing while the worker read. How long its longest task was is logged above,
    // not asserted: on a busy CI machine a bound in milliseconds is noise (bench/ measures speed).
    expect(measured).toMatchObject({ longestTask: expect.any(Number), frames: expect.any(Number) });
    expect((measured as { frames: number }).frames).toBeGreaterThan(1);
    expect(await page.getByRole('list', { name: NOT_KEPT_LIST }).getByRole('listitem').allInnerTexts()).toEqual([
      'Gambar (3) tidak disimpan karena total gambar lebih dari 8 MB; di tempatnya ada catatan di draf.',
    ]);

    await page.getByRole('button', { name: CREATE }).click();
    await editorArea(page).waitFor({ timeout: 30_000 });
    await waitForSyncState(page, 'synced', 30_000);
    expect(await editorArea(page).locator('img').count()).toBe(4);
    expect(await editorText(page)).toContain(
      '[Gambar tidak disimpan: total gambar dalam berkas lebih dari 8 MB — “Foto 7”]',
    );
  });

  it.each([
    [
      'foto-bukan-word.docx',
      'Berkas ini bukan dokumen Word (.docx). Pilih berkas yang dibuat atau disimpan dengan Word sebagai .docx.',
    ],
    [
      'unduhan-terputus.docx',
      'Berkas ini rusak atau tidak lengkap, jadi tidak dapat dibaca. Buka di Word lalu simpan ulang, atau unduh ulang berkasnya.',
    ],
  ])('%s is refused with its message and creates nothing', async (name, message) => {
    await home();
    await page.getByLabel(FILE_LABEL).setInputFiles(join(dir, name));
    const alert = page.locator('.import-word [role="alert"]');
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.innerText()).toBe(message);
    expect(await page.getByRole('button', { name: CREATE }).count()).toBe(0);
    expect(await draftCount(server, teacher)).toBe(3);
  });
});
