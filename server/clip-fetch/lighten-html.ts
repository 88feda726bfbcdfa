/**
 * What of a fetched page the extraction never reads, removed before jsdom parses it: scripts (all but
 * JSON-LD, which holds the author and date), style sheets and comments. They are most of a news
 * page's weight, and parsing them into a DOM costs the server time and memory for nothing — the
 * extraction drops them first thing anyway (extension/clip/extract/article.ts).
 *
 * One pass with `indexOf`, never a backtracking regular expression: the page is hostile, and a
 * pattern like `<script>[\s\S]*?</script>` over thousands of unclosed `<script>` is quadratic. Like
 * an HTML parser, an element left open runs to the end of the page.
 */

const JSON_LD = /\btype\s*=\s*["']?application\/ld\+json/i;

export function lightenHtml(html: string): string {
  const withoutComments = removeBetween(html, '<!--', '-->');
  const withoutScripts = removeElements(withoutComments, 'script', (openTag) => JSON_LD.test(openTag));
  return removeElements(withoutScripts, 'style', () => false);
}

function removeBetween(html: string, open: string, close: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const start = html.indexOf(open, from);
    if (start === -1) break;
    const end = html.indexOf(close, start + open.length);
    out += html.slice(from, start);
    from = end === -1 ? html.length : end + close.length;
  }
  return out + html.slice(from);
}

/** Removes `<tag …>…</tag>` (any case) unless `keep` says otherwise for its opening tag. */
function removeElements(html: string, tag: string, keep: (openTag: string) => boolean): string {
  const lower = html.toLowerCase();
  let out = '';
  let from = 0;
  let search = 0;
  for (;;) {
    const start = lower.indexOf(`<${tag}`, search);
    if (start === -1) break;
    const next = lower[start + tag.length + 1] ?? '';
    if (!/[\s/>]/.test(next)) {
      search = start + 1; // `<scripts…>` or `<styled…>`: another element
      continue;
    }
    const openEnd = lower.indexOf('>', start);
    const close = openEnd === -1 ? -1 : lower.indexOf(`</${tag}`, openEnd);
    const closeEnd = close === -1 ? -1 : lower.indexOf('>', close);
    const end = closeEnd === -1 ? html.length : closeEnd + 1;
    const kept = openEnd !== -1 && keep(html.slice(start, openEnd + 1));
    out += html.slice(from, start) + (kept ? html.slice(start, end) : '');
    from = end;
    search = end;
  }
  return out + html.slice(from);
}
