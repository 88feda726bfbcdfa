/**
 * The small extension pages' stylesheets written into their HTML after the build: a linked
 * stylesheet holds the first paint until it is fetched and parsed, and the popup's frame should
 * paint as the page opens (issue 21; bench/POPUP.md: first paint 112–120 → 84–88 ms on a quiet
 * machine, beside 80–92 ms for a static page with no stylesheet). The stylesheets stay in the build
 * for the pages that load them otherwise.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Pages whose whole look is a few kilobytes (the editor's is not: it keeps its link). */
export const PAGES_WITH_INLINE_STYLES = ['popup.html', 'sidepanel.html', 'options.html'];

const STYLESHEET_LINK = /<link rel="stylesheet"(?: crossorigin)? href="(\/assets\/[\w.-]+\.css)">/g;

/** `html` with each local stylesheet link replaced by a `<style>` holding what `read` gives for it. */
export function withInlineStylesheets(html: string, read: (href: string) => string): string {
  return html.replace(STYLESHEET_LINK, (link, href: string) => {
    const css = read(href);
    // Relative url()s would resolve against the page instead of the stylesheet; a `</style` would end it.
    return /url\(|<\/style/i.test(css) ? link : `<style>${css}</style>`;
  });
}

export function inlinePageStylesheets(outDir: string, pages = PAGES_WITH_INLINE_STYLES): void {
  for (const page of pages) {
    const path = join(outDir, page);
    if (!existsSync(path)) continue;
    const html = readFileSync(path, 'utf8');
    writeFileSync(
      path,
      withInlineStylesheets(html, (href) => readFileSync(join(outDir, href.slice(1)), 'utf8')),
    );
  }
}
