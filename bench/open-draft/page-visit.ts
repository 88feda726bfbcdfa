/**
 * One visit of a page in Chromium for workload 4: the probe installed before the page's scripts,
 * navigation, a keystroke into the first paragraph where the page is an editor, then the page's
 * own milestones and whether its paragraphs are the draft's.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { z } from 'zod';
import { pollUntil } from '../stats';
import type { DraftText } from './draft-document';
import {
  caretPointExpression,
  MARKS_EXPRESSION,
  type ProbeConfig,
  type ProbeMarks,
  parseMarks,
  probeScript,
  whenExpression,
} from './page-probe';

export interface PageRequest {
  url: string;
  /** The element whose children are the document's paragraphs. */
  rootSelector: string;
  /** Typed to measure interactivity; null for a page that is not an editor. */
  marker: string | null;
  /** Interactive also needs this element present (the synced badge), when set. */
  readySelector: string | null;
  /** The sync socket to time, when the page has one. */
  socketPath: string | null;
}

export interface PageVisit {
  page: Page;
  marks: ProbeMarks;
  /** Keystroke attempts until the typed character showed (0 where nothing is typed). */
  typeAttempts: number;
  /** The page's paragraphs are exactly the draft's (the typed characters aside). */
  textMatches: boolean;
}

const MILESTONE_TIMEOUT_MS = 60_000;
const TYPE_RETRY_MS = 2_000;
const MAX_TYPE_ATTEMPTS = 5;
const PAINT_ENTRY_WAIT_MS = 2_000;
const PointSchema = z.object({ x: z.number(), y: z.number() });

/** Characters typed to test interactivity, none of them in the draft. */
export function markersFor(text: DraftText): [string, string] {
  const all = text.paragraphs.join('\n');
  const free = ['§', '¶', '¤', '¦', '‡', '†'].filter((candidate) => !all.includes(candidate));
  if (free.length < 2) throw new Error('the draft uses every marker character');
  return [free[0] as string, free[1] as string];
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const reached = (page: Page, milestone: keyof ProbeMarks, ms = MILESTONE_TIMEOUT_MS) =>
  withTimeout(page.evaluate(whenExpression(milestone)), ms, `${milestone} of ${page.url()}`);

/**
 * Clicks after the end of the first paragraph and types `marker` (again if it does not show), with
 * as few round trips to the browser as can be: the harness's own delay counts as not interactive.
 */
async function typeIntoFirstParagraph(page: Page, rootSelector: string, marker: string): Promise<number> {
  const caretPoint = () =>
    withTimeout(page.evaluate(caretPointExpression(rootSelector)), MILESTONE_TIMEOUT_MS, `the editor to be editable`);
  for (let attempt = 1; attempt <= MAX_TYPE_ATTEMPTS; attempt++) {
    const { x, y } = PointSchema.parse(await caretPoint());
    await page.mouse.click(x, y);
    await page.keyboard.press('End');
    await page.keyboard.type(marker);
    const shown = await reached(page, 'typed', TYPE_RETRY_MS).then(
      () => true,
      () => false,
    );
    if (shown) return attempt;
  }
  throw new Error(`the typed character never showed in ${page.url()}`);
}

async function paragraphTexts(page: Page, rootSelector: string): Promise<string[]> {
  return page.locator(`${rootSelector} > *`).evaluateAll((elements) => elements.map((e) => e.textContent ?? ''));
}

function textMatches(shown: string[], text: DraftText, markers: readonly string[]): boolean {
  const cleaned = shown.map((paragraph) => markers.reduce((all, marker) => all.split(marker).join(''), paragraph));
  while (cleaned.length > text.paragraphs.length && cleaned.at(-1) === '') cleaned.pop();
  return cleaned.length === text.paragraphs.length && cleaned.every((paragraph, i) => paragraph === text.paragraphs[i]);
}

/** Opens `request.url` in a new page of `context` and measures it; the page is left open. */
export async function visitPage(context: BrowserContext, request: PageRequest, text: DraftText): Promise<PageVisit> {
  const config: ProbeConfig = {
    rootSelector: request.rootSelector,
    firstParagraph: text.paragraphs[0] as string,
    lastParagraph: text.paragraphs.at(-1) as string,
    marker: request.marker,
    readySelector: request.readySelector,
    socketPath: request.socketPath,
  };
  const page = await context.newPage();
  await page.addInitScript({ content: probeScript(config) });
  await page.goto(request.url, { waitUntil: 'commit' });
  let typeAttempts = 0;
  if (request.marker !== null) {
    typeAttempts = await typeIntoFirstParagraph(page, request.rootSelector, request.marker);
    await reached(page, 'interactive');
  }
  await reached(page, 'fullRender');
  // Only a reference figure: a page may paint its text before the paint entry is reported.
  await reached(page, 'firstContentfulPaint', PAINT_ENTRY_WAIT_MS).catch(() => undefined);
  const marks = parseMarks(await page.evaluate(MARKS_EXPRESSION));
  const matches = textMatches(await paragraphTexts(page, request.rootSelector), text, markersFor(text));
  return { page, marks, typeAttempts, textMatches: matches };
}

/** y-indexeddb keeps the draft in a database named after the server and draft; wait until it holds updates. */
export async function waitForLocalCopy(page: Page, draftId: string): Promise<void> {
  const expression = `(async () => {
    const found = (await indexedDB.databases()).find((db) => db.name && db.name.endsWith(${JSON.stringify(`:${draftId}`)}));
    if (!found) return 0;
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open(found.name);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      if (!db.objectStoreNames.contains('updates')) return 0;
      return await new Promise((resolve) => {
        const count = db.transaction('updates').objectStore('updates').count();
        count.onsuccess = () => resolve(count.result);
        count.onerror = () => resolve(0);
      });
    } finally {
      db.close();
    }
  })()`;
  await pollUntil(async () => Number(await page.evaluate(expression)) > 0, 'the editor to keep a local copy');
}
