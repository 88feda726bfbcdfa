/** The "Opening a large draft" section of the benchmark report (workload 4). */
import { fixed, ratio, showSpread } from '../format';
import type { OpenDraftResult, OpenDraftSummary, OpenedPage } from '../open-draft';

const pageLabels: Record<OpenedPage, string> = {
  'dampingi-cold': 'Dampingi web editor, first open',
  'dampingi-warm': 'Dampingi web editor, second open (local copy)',
  'bare-tiptap': 'Bare Tiptap editor (anchor: no sync, no app)',
  'static-html': 'Static HTML page (anchor: the floor)',
};
const shortLabels: Record<OpenedPage, string> = {
  'dampingi-cold': 'first open',
  'dampingi-warm': 'second open',
  'bare-tiptap': 'bare Tiptap',
  'static-html': 'static HTML',
};
const ROW_ORDER: OpenedPage[] = ['dampingi-cold', 'dampingi-warm', 'bare-tiptap', 'static-html'];

/** The milestones of our editor's open, in the order they happen. */
const STEPS = [
  ['domContentLoaded', "the page's scripts have run (DOMContentLoaded)"],
  ['firstContentfulPaint', 'first contentful paint (the app shell)'],
  ['apiAnswered', 'the last JSON API answer before the sync socket'],
  ['socketCreated', 'sync socket created'],
  ['socketOpen', 'sync socket open'],
  ['socketDraftMessage', "the draft's state arrives (largest message)"],
  ['firstRender', 'first paragraph rendered'],
  ['editable', 'editor editable'],
  ['ready', 'the badge first says synced'],
  ['keydown', 'keystroke sent by the harness'],
  ['typed', 'typed character in the DOM'],
  ['interactive', '…and the badge says synced (interactive)'],
] as const;

function timesTable(rows: readonly OpenDraftSummary[], matches: (page: OpenedPage) => string): string[] {
  return [
    '| page | first render ms | full render ms | interactive ms | keystroke → shown ms | first contentful paint ms | text matches |',
    '|---|---|---|---|---|---|---|',
    ...rows.map(
      (s) =>
        `| ${pageLabels[s.page]} | ${showSpread(s.marks.firstRender, 0)} | ${showSpread(s.marks.fullRender, 0)} | ` +
        `${showSpread(s.marks.interactive, 0)} | ${showSpread(s.keydownToTypedMs, 0)} | ` +
        `${showSpread(s.marks.firstContentfulPaint, 0)} | ${matches(s.page)} |`,
    ),
    '',
  ];
}

function ratiosTable(byPage: Map<OpenedPage, OpenDraftSummary>): string[] {
  const ours = (['dampingi-cold', 'dampingi-warm'] as const).flatMap((page) => byPage.get(page) ?? []);
  const anchors = (['static-html', 'bare-tiptap'] as const).flatMap((page) => byPage.get(page) ?? []);
  if (ours.length === 0 || anchors.length === 0) return [];
  const row = (o: OpenDraftSummary, a: OpenDraftSummary) =>
    `| ${shortLabels[o.page]} ÷ ${shortLabels[a.page]} | ${ratio(o.marks.firstRender.median, a.marks.firstRender.median)} | ` +
    `${ratio(o.marks.fullRender.median, a.marks.fullRender.median)} | ` +
    `${ratio(o.marks.interactive.median, a.marks.interactive.median)} |`;
  return [
    'Ratios, Dampingi ÷ anchor (medians; below 1 is better for Dampingi; the static page is not interactive):',
    '',
    '| pair | first render | full render | interactive |',
    '|---|---|---|---|',
    ...ours.flatMap((o) => anchors.map((a) => row(o, a))),
    '',
  ];
}

function stepsTable(byPage: Map<OpenedPage, OpenDraftSummary>): string[] {
  const columns = (['dampingi-cold', 'dampingi-warm'] as const).flatMap((page) => byPage.get(page) ?? []);
  if (columns.length === 0) return [];
  return [
    "Where our editor's time goes: each milestone in ms from navigation start (medians over the runs, so the " +
      'steps need not add up exactly):',
    '',
    `| milestone | ${columns.map((s) => shortLabels[s.page]).join(' | ')} |`,
    `|---|${columns.map(() => '---|').join('')}`,
    ...STEPS.map(([mark, label]) => `| ${label} | ${columns.map((s) => fixed(s.marks[mark].median, 0)).join(' | ')} |`),
    `| for comparison, our server alone: a Node client's connect → synced on the same unloaded draft | ` +
      `${columns.map((s) => fixed(s.serverSyncMs.median, 0)).join(' | ')} |`,
    '',
    'Page-side stamps are taken when the page gets to handle the event: while its main thread is busy (parsing ' +
      'scripts, rendering), a socket event or keystroke waits, and so does its stamp.',
    '',
  ];
}

export function openDraftSection(result: OpenDraftResult): string[] {
  const byPage = new Map(result.summary.map((s) => [s.page, s]));
  const rows = ROW_ORDER.flatMap((page) => byPage.get(page) ?? []);
  const matches = (page: OpenedPage) => {
    const failed = result.runs.filter((run) => run.page === page && !run.textMatches).length;
    return failed === 0 ? 'yes' : `**no** (${failed} runs)`;
  };
  return [
    '## Opening a large draft',
    '',
    `The end text of \`${result.trace}\`, one paragraph per non-empty line (${result.paragraphs} paragraphs, ` +
      `${result.characters} characters; Yjs state ${fixed(result.stateBytes / 1024, 0)} KiB), stored as a draft ` +
      'on the server, then opened in headless Chromium at the web editor address (`editor.html?token=…&draft=…`), ' +
      'each run in a fresh browser context (no IndexedDB copy, nothing cached); the second open is a new page in ' +
      "the same context (y-indexeddb's copy, the service worker's cache). The draft is unloaded from the server's " +
      'memory before every open, so the server reads it from SQLite. Chromium runs on the load-generator core.',
    '',
    'Times are in ms from navigation start, taken in the page: **first render** is the animation frame after the ' +
      'first paragraph is in the DOM, **full render** the frame after the last one is, **interactive** the frame ' +
      'after a character typed at the end of the first paragraph shows while the badge says synced (the harness ' +
      'clicks and types as soon as the editor is editable). The paint itself lands 1–3 frames after the stamped ' +
      "frame (compare the static page's first contentful paint). For Dampingi, first contentful paint is its app " +
      `shell, before the draft arrives. Median (min–max) over ${rows[0]?.runs ?? 0} runs, pages interleaved run by run.`,
    '',
    ...timesTable(rows, matches),
    ...ratiosTable(byPage),
    ...stepsTable(byPage),
  ];
}
