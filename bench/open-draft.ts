/**
 * Workload 4, opening a large draft: the end text of the longest editing trace is stored as a draft
 * on the real server, then opened in real Chromium (a fresh context per run, so no IndexedDB copy
 * and no service-worker cache) at the web editor's address, and a second time in the same context
 * (warm). Each run also opens the same text as a static HTML page (the floor) and in a bare Tiptap
 * editor (no sync, no app). Times are the page's own, from navigation start (open-draft/page-probe.ts).
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import * as Y from 'yjs';
import { launchPlainBrowser } from '../tests/e2e/support/chromium';
import { connectBenchClient } from './clients';
import { serveAnchorPages } from './open-draft/anchor-pages';
import { type DraftText, draftTextOf, draftYDoc } from './open-draft/draft-document';
import type { ProbeMarks } from './open-draft/page-probe';
import { markersFor, type PageRequest, visitPage, waitForLocalCopy } from './open-draft/page-visit';
import { benchMetricsHeaders, type RoomAccess, type ServerUnderTest, startServerUnderTest } from './servers';
import { pollUntil, type Spread, spread } from './stats';

export const openedPages = ['dampingi-cold', 'dampingi-warm', 'static-html', 'bare-tiptap'] as const;
export type OpenedPage = (typeof openedPages)[number];

export interface OpenDraftOptions {
  tracePath: string;
  /** Only the first N paragraphs (all when undefined): the smoke run's small draft. */
  maxParagraphs?: number;
  runs: number;
  /** The built web editor (`npm run build`); copied aside first, so a rebuild cannot change it mid-run. */
  webDir: string;
  /** Also open the draft a second time in the same browser context, with its IndexedDB copy. */
  warm: boolean;
}

export interface OpenDraftRun {
  run: number;
  page: OpenedPage;
  /**
   * Our server alone, for comparison: a Node y-websocket client's connect → synced on the draft,
   * unloaded first (so read from SQLite), just before the browser's open. Null for the anchors.
   */
  serverSyncMs: number | null;
  marks: ProbeMarks;
  typeAttempts: number;
  textMatches: boolean;
}

export interface OpenDraftSummary {
  page: OpenedPage;
  runs: number;
  /** Per milestone, over the runs; NaN where a page never reaches it (the static page is not interactive). */
  marks: Record<keyof ProbeMarks, Spread>;
  /** From the keystroke being sent to the character in the DOM. */
  keydownToTypedMs: Spread;
  serverSyncMs: Spread;
}

export interface OpenDraftResult {
  trace: string;
  paragraphs: number;
  characters: number;
  /** Size of the draft's Yjs state as stored on the server. */
  stateBytes: number;
  runs: OpenDraftRun[];
  summary: OpenDraftSummary[];
}

const SYNCED_BADGE = '[role="status"][data-sync-state="synced"]';
const EDITOR_ROOT = '.draft-content .ProseMirror';

/** Creates a draft over the API and pushes the document with a y-websocket client until the server holds it. */
async function storeDraft(server: ServerUnderTest, text: DraftText): Promise<{ room: RoomAccess; stateBytes: number }> {
  const [room] = await server.openRooms(1);
  if (!room) throw new Error('no draft created');
  const source = draftYDoc(text);
  const pusher = connectBenchClient(server, room, source);
  const checker = connectBenchClient(server, room, new Y.Doc());
  try {
    await Promise.all([pusher.whenSynced(), checker.whenSynced()]);
    const want = Y.encodeStateVector(source).toString();
    await pollUntil(async () => Y.encodeStateVector(checker.doc).toString() === want, 'the server to hold the draft');
    return { room, stateBytes: Y.encodeStateAsUpdate(source).length };
  } finally {
    pusher.destroy();
    checker.destroy();
  }
}

/** Rooms unload a little after their last client leaves; then the next open loads the draft from SQLite. */
async function waitUntilNoRoomLoaded(server: ServerUnderTest): Promise<void> {
  await pollUntil(async () => {
    const body = await (await fetch(`${server.httpUrl}/metrics`, { headers: benchMetricsHeaders })).text();
    const loaded = [...body.matchAll(/^dampingi_documents_loaded(?:\{[^}]*\})?\s+(\S+)/gm)];
    if (loaded.length === 0) throw new Error('the server reports no dampingi_documents_loaded metric');
    return loaded.every((match) => Number(match[1]) === 0);
  }, 'the server to unload the draft');
}

/** Connect → synced of a Node client on the unloaded draft; leaves the draft unloaded again. */
async function timeServerSync(server: ServerUnderTest, room: RoomAccess): Promise<number> {
  const started = performance.now();
  const client = connectBenchClient(server, room, new Y.Doc());
  try {
    await client.whenSynced();
    return performance.now() - started;
  } finally {
    client.destroy();
    await waitUntilNoRoomLoaded(server);
  }
}

/** The web editor at the draft's address, as a signed-in user opens it; typed into until the badge says synced. */
function editorRequest(server: ServerUnderTest, room: RoomAccess, marker: string): PageRequest {
  const token = encodeURIComponent(room.params.token ?? '');
  return {
    url: `${server.httpUrl}/editor.html?token=${token}&draft=${encodeURIComponent(room.name)}`,
    rootSelector: EDITOR_ROOT,
    marker,
    readySelector: SYNCED_BADGE,
    // The content room's socket (`/sync/<draft>`, a query only with a token), not the feedback room's (`/sync/<draft>.feedback`).
    socketPath: `/sync/${room.name}`,
  };
}

async function openOurs(
  browser: Browser,
  server: ServerUnderTest,
  text: DraftText,
  options: OpenDraftOptions,
  run: number,
): Promise<{ runs: OpenDraftRun[]; stateBytes: number }> {
  const [coldMarker, warmMarker] = markersFor(text);
  const { room, stateBytes } = await storeDraft(server, text);
  await waitUntilNoRoomLoaded(server);
  const context = await browser.newContext();
  try {
    const coldServerSyncMs = await timeServerSync(server, room);
    const { page, ...cold } = await visitPage(context, editorRequest(server, room, coldMarker), text);
    const runs: OpenDraftRun[] = [{ run, page: 'dampingi-cold', serverSyncMs: coldServerSyncMs, ...cold }];
    if (options.warm) {
      await waitForLocalCopy(page, room.name);
      await page.close();
      await waitUntilNoRoomLoaded(server);
      const warmServerSyncMs = await timeServerSync(server, room);
      const { page: warmPage, ...warm } = await visitPage(context, editorRequest(server, room, warmMarker), text);
      await warmPage.close();
      runs.push({ run, page: 'dampingi-warm', serverSyncMs: warmServerSyncMs, ...warm });
    }
    return { runs, stateBytes };
  } finally {
    await context.close();
  }
}

async function openAnchor(
  browser: Browser,
  page: OpenedPage,
  request: PageRequest,
  text: DraftText,
  run: number,
): Promise<OpenDraftRun> {
  const context = await browser.newContext();
  try {
    const { page: _closedWithContext, ...visit } = await visitPage(context, request, text);
    return { run, page, serverSyncMs: null, ...visit };
  } finally {
    await context.close();
  }
}

function summarise(runs: OpenDraftRun[]): OpenDraftSummary[] {
  const of = (values: (number | null)[]) => {
    const present = values.filter((value): value is number => value !== null);
    return present.length > 0 ? spread(present) : { median: Number.NaN, min: Number.NaN, max: Number.NaN };
  };
  return openedPages.flatMap((page) => {
    const ofPage = runs.filter((run) => run.page === page);
    if (ofPage.length === 0) return [];
    const names = Object.keys((ofPage[0] as OpenDraftRun).marks) as (keyof ProbeMarks)[];
    return [
      {
        page,
        runs: ofPage.length,
        marks: Object.fromEntries(names.map((name) => [name, of(ofPage.map((run) => run.marks[name]))])) as Record<
          keyof ProbeMarks,
          Spread
        >,
        keydownToTypedMs: of(
          ofPage.map(({ marks }) =>
            marks.typed !== null && marks.keydown !== null ? marks.typed - marks.keydown : null,
          ),
        ),
        serverSyncMs: of(ofPage.map((run) => run.serverSyncMs)),
      },
    ];
  });
}

/** A copy of the built web editor, so another `npm run build` cannot swap files under a run. */
function snapshotWebDir(webDir: string): string {
  if (!existsSync(join(webDir, 'editor.html'))) {
    throw new Error(`no built web editor at ${webDir}/editor.html: run npm run build first`);
  }
  const copy = mkdtempSync(join(tmpdir(), 'dampingi-bench-web-'));
  cpSync(webDir, copy, { recursive: true });
  return copy;
}

export async function runOpenDraft(options: OpenDraftOptions): Promise<OpenDraftResult> {
  const text = draftTextOf(options.tracePath, options.maxParagraphs);
  const webDir = snapshotWebDir(options.webDir);
  const server = await startServerUnderTest('dampingi', { webDir });
  const anchors = await serveAnchorPages(text);
  const browser = await launchPlainBrowser();
  const [marker] = markersFor(text);
  const anchor = { readySelector: null, socketPath: null };
  try {
    const runs: OpenDraftRun[] = [];
    let stateBytes = 0;
    // Pages interleaved run by run, so a drift in the machine's state does not favour one of them.
    for (let run = 1; run <= options.runs; run++) {
      const ours = await openOurs(browser, server, text, options, run);
      stateBytes = ours.stateBytes;
      runs.push(...ours.runs);
      const staticPage = { ...anchor, url: anchors.staticUrl, rootSelector: 'body', marker: null };
      runs.push(await openAnchor(browser, 'static-html', staticPage, text, run));
      const bareEditor = { ...anchor, url: anchors.bareEditorUrl, rootSelector: '#editor .ProseMirror', marker };
      runs.push(await openAnchor(browser, 'bare-tiptap', bareEditor, text, run));
    }
    return {
      trace: text.trace,
      paragraphs: text.paragraphs.length,
      characters: text.characters,
      stateBytes,
      runs,
      summary: summarise(runs),
    };
  } finally {
    await browser.close();
    await anchors.close();
    await server.stop();
    rmSync(webDir, { recursive: true, force: true });
  }
}
