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

  it('keeps elements whose names only begin like script or style, and ends an unclosed script at the end of the page', () => {
    expect(lightenHtml('<p>a</p><scripted>b</scripted><styles>c</styles>')).toBe(
      '<p>a</p><scripted>b</scripted><styles>c</styles>',
    );
    expect(lightenHtml('<p>a</p><script>tidak pernah ditutup <p>b</p>')).toBe('<p>a</p>');
  });

  it('takes time in proportion to the page, even for thousands of unclosed scripts and comments', () => {
    const hostile = '<script><!--'.repeat(400_000); // 4.8 MB
    const started = performance.now();
    expect(lightenHtml(hostile)).toBe('');
    // A quadratic pass over this would take hours; a linear one, milliseconds.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
