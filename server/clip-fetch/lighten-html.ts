/**
 * What of a fetched page the extraction never reads, removed before jsdom parses it: scripts (all but
 * JSON-LD, which holds the author and date), style sheets and comments. They are most of a news
 * page's weight, and parsing them into a DOM costs the server time and memory for nothing — the
 * extraction drops them first thing anyway (extension/clip/extract/article.ts).
 */

const SCRIPT = /<script\b([^>]*)>[\s\S]*?<\/script\s*>/gi;
const STYLE = /<style\b[^>]*>[\s\S]*?<\/style\s*>/gi;
const COMMENT = /<!--[\s\S]*?-->/g;
const JSON_LD = /\btype\s*=\s*["']?application\/ld\+json/i;

export function lightenHtml(html: string): string {
  return html
    .replace(COMMENT, '')
    .replace(SCRIPT, (whole, attributes: string) => (JSON_LD.test(attributes) ? whole : ''))
    .replace(STYLE, '');
}
