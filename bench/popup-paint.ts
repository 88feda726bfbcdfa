/**
 * The extension popup's first paint (issue 21: under 100 ms), beside an anchor measured in the same
 * run: a static page inside the same extension (no script), the floor of what Chromium needs to
 * show an extension page. The built extension is copied aside with that page added, loaded into
 * headless Chromium, and each page is opened as a tab (as the context menu opens the popup), runs
 * interleaved. Written to POPUP.md with the popup's JavaScript, gzipped (bench/first-load.ts).
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { z } from 'zod';
import { chromiumPath } from '../tests/e2e/support/chromium';
import { firstLoad } from './first-load';
import { fixed, ratio, showSpread } from './format';
import { type Spread, spread } from './stats';

export const popupPages = ['popup', 'static'] as const;
export type PopupPage = (typeof popupPages)[number];

const PAGE_FILES: Record<PopupPage, string> = { popup: 'popup.html', static: 'bench-static.html' };
const PAGE_LABELS: Record<PopupPage, string> = {
  popup: 'Dampingi popup (`popup.html`)',
  static: 'Static extension page (anchor: no script)',
};

/** The anchor: what the popup first shows, as plain HTML. */
const STATIC_PAGE = `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>Dampingi</title></head>
<body><main><header><h1>Dampingi</h1></header><p>Klip ke Dampingi</p><button type="button">Klip ke Dampingi</button></main></body></html>
`;

const MarksSchema = z.object({
  firstContentfulPaint: z.number().nullable(),
  domContentLoaded: z.number().nullable(),
  /** The frame after the first button is in the DOM (the popup's clip controls). */
  controls: z.number().nullable(),
});
export type PopupMarks = z.infer<typeof MarksSchema>;

export interface PopupRun {
  run: number;
  page: PopupPage;
  marks: PopupMarks;
}

export interface PopupPaintResult {
  runs: PopupRun[];
  summary: { page: PopupPage; marks: Record<keyof PopupMarks, Spread> }[];
  popupScripts: number;
  popupGzipBytes: number;
  /** Of those, what its entry loads once popup.html's frame has painted. */
  popupAfterPaintGzipBytes: number;
}

/** Installed before the page's scripts: stamps the frame after the first button shows, and the paint entries. */
const PROBE = `(() => {
  const marks = { firstContentfulPaint: null, domContentLoaded: null, controls: null };
  window.__popupProbe = marks;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') marks.firstContentfulPaint = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
  document.addEventListener('DOMContentLoaded', () => { marks.domContentLoaded = performance.now(); });
  const poll = () => {
    if (document.querySelector('button')) requestAnimationFrame(() => { marks.controls = performance.now(); });
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})();`;

const WAIT_MS = 30_000;

async function visit(context: BrowserContext, url: string): Promise<PopupMarks> {
  const page = await context.newPage();
  try {
    await page.addInitScript({ content: PROBE });
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(
      () => {
        const marks = (window as unknown as { __popupProbe?: PopupMarks }).__popupProbe;
        return marks && marks.firstContentfulPaint !== null && marks.controls !== null;
      },
      undefined,
      { timeout: WAIT_MS },
    );
    return MarksSchema.parse(await page.evaluate(() => (window as unknown as { __popupProbe: unknown }).__popupProbe));
  } finally {
    await page.close();
  }
}

export async function runPopupPaint(options: { extensionDir: string; runs: number }): Promise<PopupPaintResult> {
  const dir = mkdtempSync(join(tmpdir(), 'dampingi-bench-popup-'));
  const extensionDir = join(dir, 'extension');
  cpSync(options.extensionDir, extensionDir, { recursive: true });
  writeFileSync(join(extensionDir, PAGE_FILES.static), STATIC_PAGE);
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 400, height: 600 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const base = `chrome-extension://${new URL(worker.url()).host}/`;
    // One visit of each first, not counted: Chromium's first extension tab also starts its renderer.
    for (const page of popupPages) await visit(context, base + PAGE_FILES[page]);
    const runs: PopupRun[] = [];
    for (let run = 1; run <= options.runs; run++) {
      for (const page of popupPages) runs.push({ run, page, marks: await visit(context, base + PAGE_FILES[page]) });
    }
    const load = firstLoad(options.extensionDir, 'popup.html');
    return {
      runs,
      summary: popupPages.map((page) => {
        const of = (name: keyof PopupMarks) =>
          spread(runs.filter((run) => run.page === page).map((run) => run.marks[name] ?? Number.NaN));
        return {
          page,
          marks: {
            firstContentfulPaint: of('firstContentfulPaint'),
            domContentLoaded: of('domContentLoaded'),
            controls: of('controls'),
          },
        };
      }),
      popupScripts: load.scripts.length,
      popupGzipBytes: load.totalGzipBytes,
      popupAfterPaintGzipBytes: load.afterPaintGzipBytes,
    };
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const NOTES_MARKER = '<!-- Notes below this line are written by hand and kept when the file is regenerated. -->';

export function popupPaintMarkdown(result: PopupPaintResult, heading: string, notes: string): string {
  const rows = result.summary.map(
    (s) =>
      `| ${PAGE_LABELS[s.page]} | ${showSpread(s.marks.firstContentfulPaint, 0)} | ${showSpread(s.marks.controls, 0)} | ${showSpread(s.marks.domContentLoaded, 0)} |`,
  );
  const popup = result.summary.find((s) => s.page === 'popup');
  const anchor = result.summary.find((s) => s.page === 'static');
  const runs = Math.max(...result.summary.map((s) => result.runs.filter((run) => run.page === s.page).length));
  return [
    '# The extension popup’s first paint (issue 21)',
    '',
    heading,
    '',
    `Each page opened as a tab of headless Chromium with the built extension loaded (400×600), in ms from navigation start; median (min–max) over ${runs} runs, pages interleaved run by run, after one uncounted visit of each. **First contentful paint** is the Paint Timing API's entry; **controls shown** the animation frame after the first button is in the DOM. Target: first paint under 100 ms, the popup's JavaScript under 150 kB gzipped.`,
    '',
    '| page | first contentful paint ms | controls shown ms | DOMContentLoaded ms |',
    '|---|---|---|---|',
    ...rows,
    '',
    popup && anchor
      ? `Popup ÷ static page (medians): first contentful paint ${ratio(popup.marks.firstContentfulPaint.median, anchor.marks.firstContentfulPaint.median)}, controls shown ${ratio(popup.marks.controls.median, anchor.marks.controls.median)}.`
      : '',
    '',
    `The popup's JavaScript: ${result.popupScripts} scripts, ${fixed(result.popupGzipBytes / 1000)} kB gzipped, of which ${fixed(result.popupAfterPaintGzipBytes / 1000)} kB loaded after its frame has painted (bench/first-load.ts).`,
    '',
    NOTES_MARKER,
    notes,
  ].join('\n');
}

/** Hand-written notes below the marker survive a regeneration. */
export function keptNotes(previous: string | null): string {
  if (!previous) return '';
  const at = previous.indexOf(NOTES_MARKER);
  return at === -1 ? '' : previous.slice(at + NOTES_MARKER.length);
}
