/**
 * What each page of the built extension and web app loads before it can run (issue 21): the
 * scripts its HTML names and everything they import statically, gzipped as a server sends them.
 * Chunks loaded on demand (`import("./x.js")`) are counted apart. Sizes of files are exact, not
 * timed, so one run tells. Run after `npm run build`; written to BUNDLE.md.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageLoad {
  page: string;
  /** Scripts loaded before the page runs, with their gzipped sizes. */
  scripts: { file: string; bytes: number; gzipBytes: number }[];
  totalGzipBytes: number;
  largestGzipBytes: number;
  /** Of the total, what the page's entry loads right after its first paint (its app, see DEFERRED_APPS). */
  afterPaintGzipBytes: number;
}

/** Targets of issue 21: no first-load chunk of the editor over 250 kB gzipped; the popup's JS under 150 kB. */
export const FIRST_LOAD_TARGETS = { editorLargestChunkGzip: 250 * 1000, popupTotalGzip: 150 * 1000 };

const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]*?from\s*)?["'](\.\/[^"']+\.js)["']/g;
const HTML_SCRIPT = /<script[^>]*\bsrc="([^"]+\.js)"/g;
const HTML_PRELOAD = /<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g;

/**
 * Pages whose entry starts loading their app only after the static frame in their HTML has painted
 * (extension/entrypoints/popup): that app chunk and its imports still count, marked as after paint.
 */
const DEFERRED_APPS: Record<string, RegExp> = { 'popup.html': /^mount-popup-[\w-]+\.js$/ };

export function firstLoad(dir: string, page: string): PageLoad {
  const html = readFileSync(join(dir, page), 'utf8');
  const roots = [...html.matchAll(HTML_SCRIPT), ...html.matchAll(HTML_PRELOAD)].map((match) => match[1] ?? '');
  const seen = new Set<string>();
  const visit = (path: string) => {
    const file = path.replace(/^\//, '');
    if (seen.has(file) || !existsSync(join(dir, file))) return;
    seen.add(file);
    const code = readFileSync(join(dir, file), 'utf8');
    const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
    for (const match of code.matchAll(STATIC_IMPORT)) visit(join(folder, match[1] ?? ''));
  };
  for (const root of roots) visit(root);
  const beforePaint = new Set(seen);
  const app = DEFERRED_APPS[page];
  const appChunk = app && readdirSync(join(dir, 'chunks')).find((name) => app.test(name));
  // Not found would under-count the page silently (the app chunk renamed): say so instead.
  if (app && !appChunk) throw new Error(`${page}: no chunk named like ${app} in ${dir}/chunks`);
  if (appChunk) visit(`chunks/${appChunk}`);
  const scripts = [...seen].sort().map((file) => {
    const bytes = readFileSync(join(dir, file));
    return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
  });
  return {
    page,
    scripts,
    afterPaintGzipBytes: scripts
      .filter((script) => !beforePaint.has(script.file))
      .reduce((sum, script) => sum + script.gzipBytes, 0),
    totalGzipBytes: scripts.reduce((sum, script) => sum + script.gzipBytes, 0),
    largestGzipBytes: Math.max(0, ...scripts.map((script) => script.gzipBytes)),
  };
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

export function firstLoadMarkdown(loads: PageLoad[], date: string): string {
  const rows = loads.map(
    (load) =>
      `| ${load.page} | ${load.scripts.length} | ${kB(load.totalGzipBytes)}${load.afterPaintGzipBytes > 0 ? ` (${kB(load.afterPaintGzipBytes)} after paint)` : ''} | ${kB(load.largestGzipBytes)} | ${load.scripts
        .map((script) => `${script.file.replace(/^chunks\//, '')} ${kB(script.gzipBytes)}`)
        .join(', ')} |`,
  );
  return [
    '# First load of each page (issue 21)',
    '',
    `Measured ${date} from \`.output/chrome-mv3\` by \`npm run bench -- --workloads=bundle\`: the scripts each page`,
    'loads before it runs (its HTML and their static imports), gzipped at level 9. Views loaded on demand are',
    'not counted; the popup’s app, loaded by its entry right after popup.html’s frame has painted, is (the total',
    'says how much of it comes after the paint). Targets: no chunk of the editor’s first load over 250 kB',
    'gzipped; the popup under 150 kB.',
    '',
    '| page | scripts | total gzipped | largest | scripts (gzipped) |',
    '| --- | ---: | ---: | ---: | --- |',
    ...rows,
    '',
  ].join('\n');
}

const NOTES_MARKER = '<!-- Notes below this line are written by hand and kept when the file is regenerated. -->';

export function writeFirstLoad(dir: string, markdownPath: string, date: string): PageLoad[] {
  const loads = ['editor.html', 'popup.html', 'sidepanel.html', 'options.html'].map((page) => firstLoad(dir, page));
  // Hand-written notes below the marker survive a regeneration.
  const previous = existsSync(markdownPath) ? readFileSync(markdownPath, 'utf8') : '';
  const at = previous.indexOf(NOTES_MARKER);
  const notes = at === -1 ? '\n' : previous.slice(at + NOTES_MARKER.length);
  writeFileSync(markdownPath, `${firstLoadMarkdown(loads, date)}\n${NOTES_MARKER}${notes}`);
  return loads;
}
