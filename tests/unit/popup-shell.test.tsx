/**
 * The popup's frame is written into popup.html, so the browser paints it before any script runs,
 * and React renders the same frame (PopupShell) until the clip panel can be: the two must stay the
 * same markup, or the app's first render would jump.
 */
import { readFileSync } from 'node:fs';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PopupShell } from '../../extension/clip-panel/PopupShell';

const html = readFileSync(new URL('../../extension/entrypoints/popup/index.html', import.meta.url), 'utf8');
/** Markup without the indentation between tags and without comments. */
const compact = (markup: string) =>
  markup
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/>\s+</g, '><')
    .trim();
const ROOT = '<div id="root">';
/** What popup.html holds inside #root, up to the close before its script. */
const frameInHtml = () =>
  compact(html.slice(html.indexOf(ROOT) + ROOT.length, html.lastIndexOf('</div>', html.indexOf('<script'))));

describe('the popup’s static frame', () => {
  it('is in popup.html’s #root, before the script, in a page declared Indonesian', () => {
    expect(html).toMatch(/<html lang="id">/);
    expect(html.indexOf(ROOT)).toBeGreaterThan(-1);
    expect(html.indexOf('<script')).toBeGreaterThan(html.indexOf(ROOT));
    expect(frameInHtml()).toContain('<header class="dampingi-header"><h1>Dampingi</h1></header>');
    expect(frameInHtml()).toContain('Memuat…');
  });

  it('is the markup React renders while the settings are read', () => {
    expect(frameInHtml()).toBe(renderToStaticMarkup(<PopupShell />));
  });
});
