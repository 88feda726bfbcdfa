// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { parsePageSelection } from '../../extension/clip/page-selection';
import { readSelection } from '../../extension/clip/read-selection';

/** Loads a page into the jsdom window the injected function reads through its globals. */
function loadPage(path: string, head: string, body: string) {
  window.history.replaceState(null, '', path);
  document.head.innerHTML = head;
  document.title = document.head.querySelector('title')?.textContent ?? '';
  document.body.innerHTML = body;
}

function select(node: Node, contentsOnly = true) {
  const range = document.createRange();
  if (contentsOnly) range.selectNodeContents(node);
  else range.selectNode(node);
  const selection = window.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  return range;
}

const articleHead = `
  <title>Fotosintesis | Sumber Belajar</title>
  <meta property="og:title" content="Fotosintesis: Cara Tumbuhan Membuat Makanan">
  <meta property="og:site_name" content="Sumber Belajar">
  <meta name="author" content="Rina Wulandari">
  <meta property="article:published_time" content="2025-08-17T07:00:00+07:00">
  <link rel="license" href="https://creativecommons.org/licenses/by-sa/4.0/">`;

afterEach(() => window.getSelection()?.removeAllRanges());

describe('the injected function reads the selection and where it comes from', () => {
  it('reads the selected HTML and the page metadata', () => {
    loadPage(
      '/artikel/fotosintesis.html',
      articleHead,
      '<p id="lead">Tumbuhan <strong>hijau</strong> membuat makanan.</p>',
    );
    select(document.getElementById('lead')!);
    const result = readSelection();
    expect(result).toEqual({
      empty: false,
      html: 'Tumbuhan <strong>hijau</strong> membuat makanan.',
      title: 'Fotosintesis: Cara Tumbuhan Membuat Makanan',
      url: `${location.origin}/artikel/fotosintesis.html`,
      siteName: 'Sumber Belajar',
      author: 'Rina Wulandari',
      publishedAt: '2025-08-17T07:00:00+07:00',
      licence: 'https://creativecommons.org/licenses/by-sa/4.0/',
      language: null,
      description: null,
    });
  });

  it('relative links and image sources become absolute against the page', () => {
    loadPage(
      '/artikel/a.html',
      '<title>A</title>',
      '<p id="p">Lihat <a href="klorofil.html">klorofil</a> <img src="/img/daun.png" srcset="daun-2x.png 2x"></p>',
    );
    select(document.getElementById('p')!);
    const html = readSelection().html;
    expect(html).toContain(`href="${location.origin}/artikel/klorofil.html"`);
    expect(html).toContain(`src="${location.origin}/img/daun.png"`);
    expect(html).not.toContain('srcset');
  });

  it('the canonical URL is used when the page names one; the title falls back to document.title', () => {
    loadPage('/a?utm=x', '<title>Judul halaman</title><link rel="canonical" href="/artikel/asli">', '<p id="p">x</p>');
    select(document.getElementById('p')!);
    const result = readSelection();
    expect(result.url).toBe(`${location.origin}/artikel/asli`);
    expect(result.title).toBe('Judul halaman');
    expect(result.siteName).toBeNull();
  });

  it('a partial selection inside bold text or a list keeps its formatting and structure', () => {
    loadPage(
      '/b',
      '<title>B</title>',
      '<ul id="needs"><li>Cahaya</li><li>Air</li></ul><p><b id="bold">sangat penting</b></p>',
    );
    select(document.getElementById('needs')!);
    expect(readSelection().html).toBe('<ul id="needs"><li>Cahaya</li><li>Air</li></ul>');

    const text = document.getElementById('bold')!.firstChild!;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 6);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    expect(readSelection().html).toBe('<b id="bold">sangat</b>');
  });

  it('no selection, or only whitespace, is reported as empty', () => {
    loadPage('/c', '<title>C</title>', '<p id="p">   </p>');
    expect(readSelection().empty).toBe(true);
    select(document.getElementById('p')!);
    expect(readSelection().empty).toBe(true);
  });

  it('is self-contained: it still works when rebuilt from its source text, as executeScript does', () => {
    loadPage('/d', '<title>D</title>', '<p id="p">mandiri</p>');
    select(document.getElementById('p')!);
    const rebuilt = new Function(`return (${readSelection.toString()})`)() as typeof readSelection;
    expect(rebuilt().html).toBe('mandiri');
  });
});

describe('what the page returned is validated in the background', () => {
  const valid = {
    empty: false,
    html: '<p>x</p>',
    title: '  Judul\n  panjang ',
    url: 'https://example.org/a',
    siteName: null,
    author: ' Rina ',
    publishedAt: null,
    licence: null,
  };

  it('a well-formed result is accepted and tidied', () => {
    const parsed = parsePageSelection(valid);
    expect(parsed).toMatchObject({ ok: true, selection: { title: 'Judul panjang', author: 'Rina' } });
  });

  it('garbage from a hostile page is refused', () => {
    for (const bad of [null, 'x', 42, { ...valid, html: 7 }, { ...valid, empty: 'no' }, { ...valid, url: undefined }]) {
      expect(parsePageSelection(bad)).toEqual({ ok: false, reason: 'invalid-page-data' });
    }
  });

  it('an empty selection, a non-web page and an oversized selection have their own reasons', () => {
    expect(parsePageSelection({ ...valid, empty: true })).toEqual({ ok: false, reason: 'nothing-selected' });
    expect(parsePageSelection({ ...valid, url: 'chrome://settings' })).toEqual({
      ok: false,
      reason: 'page-not-clippable',
    });
    expect(parsePageSelection({ ...valid, html: 'x'.repeat(2_000_001) })).toEqual({
      ok: false,
      reason: 'selection-too-large',
    });
  });
});
