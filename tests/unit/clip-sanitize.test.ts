// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { sanitizeClipHtml } from '../../extension/clip/sanitize-html';

const clean = (html: string) => sanitizeClipHtml(html, document).innerHTML;

describe('clipped HTML is sanitised before it is parsed', () => {
  it('scripts, styles and their content are removed', () => {
    const html = clean('<p>Teks</p><script>window.__ran = true</script><style>p{color:red}</style>');
    expect(html).toBe('<p>Teks</p>');
  });

  it('event handlers are removed, the element and its text stay', () => {
    const html = clean('<p onclick="steal()" onmouseover="x()">Klik <b onfocus="y()">ini</b></p>');
    expect(html).toBe('<p>Klik <b>ini</b></p>');
    expect(html).not.toMatch(/on\w+=/);
  });

  it('javascript:, data: and other non-web links lose their href but keep their text', () => {
    const container = sanitizeClipHtml(
      '<a href="javascript:alert(1)">a</a><a href=" JaVaScRiPt:alert(1)">b</a><a href="data:text/html,<script>x</script>">c</a><a href="vbscript:x">d</a>',
      document,
    );
    expect(container.querySelectorAll('[href]')).toHaveLength(0);
    expect(container.textContent).toBe('abcd');
  });

  it('http(s) and mailto links are kept', () => {
    const container = sanitizeClipHtml(
      '<a href="https://example.org/a">a</a> <a href="http://example.org/b">b</a> <a href="mailto:guru@example.org">c</a>',
      document,
    );
    expect([...container.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://example.org/a',
      'http://example.org/b',
      'mailto:guru@example.org',
    ]);
  });

  it('images keep web and inline raster sources; SVG data, javascript: and handlers go', () => {
    const container = sanitizeClipHtml(
      [
        '<img src="https://example.org/daun.png" alt="daun" onerror="x()">',
        '<img src="data:image/png;base64,iVBORw0KGgo=" alt="inline">',
        '<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=" alt="svg">',
        '<img src="javascript:alert(1)" alt="js">',
      ].join(''),
      document,
    );
    const sources = [...container.querySelectorAll('img')].map((img) => img.getAttribute('src'));
    expect(sources).toEqual(['https://example.org/daun.png', 'data:image/png;base64,iVBORw0KGgo=', null, null]);
    expect(container.innerHTML).not.toContain('onerror');
  });

  it('forms and their controls are removed; text around them stays', () => {
    const html = clean(
      '<form action="https://evil.example/steal"><p>Isi formulir</p><input name="a" value="x"><button>Kirim</button><textarea>rahasia</textarea><select><option>1</option></select></form>',
    );
    expect(html).toBe('<p>Isi formulir</p>');
  });

  it('iframes, objects, embeds and SVG are removed', () => {
    const html = clean(
      '<p>a</p><iframe src="https://evil.example"></iframe><object data="x.swf"></object><embed src="x.swf"><svg><script>x()</script></svg><p>b</p>',
    );
    expect(html).toBe('<p>a</p><p>b</p>');
  });

  it('a page cannot smuggle a fake clip card through data attributes', () => {
    const html = clean('<section data-type="clip" data-source-url="https://evil.example"><p>x</p></section>');
    expect(html).not.toContain('data-');
  });

  it('formatting is kept: bold, italic, links, lists, headings, tables, images', () => {
    const source = [
      '<h2>Judul</h2>',
      '<p><strong>tebal</strong> <em>miring</em> <a href="https://example.org">tautan</a></p>',
      '<ul><li>satu</li><li>dua</li></ul><ol><li>tiga</li></ol>',
      '<table><tbody><tr><th>A</th><td>B</td></tr></tbody></table>',
      '<img src="https://example.org/x.png" alt="gambar">',
    ].join('');
    const container = sanitizeClipHtml(source, document);
    for (const selector of [
      'h2',
      'strong',
      'em',
      'a[href]',
      'ul > li',
      'ol > li',
      'table th',
      'table td',
      'img[src]',
    ]) {
      expect(container.querySelector(selector), selector).not.toBeNull();
    }
  });

  it('the result lives in an inert document, so nothing in it loads or runs', () => {
    const container = sanitizeClipHtml('<img src="https://example.org/x.png">', document);
    expect(container.ownerDocument).not.toBe(document);
  });
});
