/** Before parsing, a page loses what extraction never reads: scripts (not JSON-LD), style sheets, comments. */
import { describe, expect, it } from 'vitest';
import { lightenHtml } from '../../../../server/clip-fetch/lighten-html';

describe('lightening a page before it is parsed', () => {
  it('drops scripts, styles and comments, and keeps JSON-LD (author, date) and the text', () => {
    const page = `<html><head><style>p { color: red }</style>
      <script>var berat = "</p>";</script><script src="/iklan.js"></script>
      <script type="application/ld+json">{"author":{"name":"Dewi Lestari"}}</script>
      <!-- <p>komentar</p> --></head><body><p>Isi artikel</p><SCRIPT TYPE="text/javascript">x()</SCRIPT ></body></html>`;
    const light = lightenHtml(page);
    expect(light).toContain('<script type="application/ld+json">{"author":{"name":"Dewi Lestari"}}</script>');
    expect(light).toContain('<p>Isi artikel</p>');
    expect(light).not.toMatch(/berat|iklan\.js|color: red|komentar|x\(\)/);
  });
});
