/** The build writes the small pages' stylesheets into their HTML, unless a stylesheet would read differently there. */
import { describe, expect, it } from 'vitest';
import { withInlineStylesheets } from '../../scripts/inline-page-stylesheets';

const page = (head: string) => `<!DOCTYPE html><html><head>${head}</head><body><main></main></body></html>`;

describe('stylesheets written into a page', () => {
  it('a linked stylesheet of the build becomes a style element with its rules', () => {
    const html = page('<link rel="stylesheet" crossorigin href="/assets/extension-page-NLpbKVGX.css">');
    const read = (href: string) => (href === '/assets/extension-page-NLpbKVGX.css' ? '.dampingi-header{margin:0}' : '');
    expect(withInlineStylesheets(html, read)).toBe(page('<style>.dampingi-header{margin:0}</style>'));
  });

  it('a stylesheet with url()s (relative to itself) or a closing style tag keeps its link', () => {
    const html = page(
      '<link rel="stylesheet" crossorigin href="/assets/a.css"><link rel="stylesheet" href="/assets/b.css">',
    );
    const read = (href: string) =>
      href === '/assets/a.css' ? '.logo{background:url(logo.svg)}' : 'p::after{content:"</style>"}';
    expect(withInlineStylesheets(html, read)).toBe(html);
  });

  it('scripts, preloads and stylesheets from elsewhere are left as they are', () => {
    const html = page(
      '<script type="module" src="/chunks/popup.js"></script><link rel="modulepreload" href="/chunks/x.js"><link rel="stylesheet" href="https://example.org/x.css">',
    );
    expect(withInlineStylesheets(html, () => 'p{}')).toBe(html);
  });
});
