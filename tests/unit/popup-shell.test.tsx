// @vitest-environment jsdom
/**
 * The popup's frame is written into popup.html, so the browser paints it before any script runs,
 * and React renders the same frame (PopupShell) until the clip panel can be: the two must stay the
 * same markup, or the app's first render would jump. Its loading line is in the language the user
 * chose: the popup's first module shows it from the copy of the setting the extension pages keep.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PopupShell } from '../../extension/clip-panel/PopupShell';
import { showPopupFrameLine } from '../../extension/clip-panel/popup-frame-line';
import { FRAME_LANGUAGE_KEY, frameLanguage, rememberFrameLanguage } from '../../extension/settings/frame-language';

const html = readFileSync(resolve(import.meta.dirname, '../../extension/entrypoints/popup/index.html'), 'utf8');
/** Markup without the indentation between tags and without comments. */
const compact = (markup: string) =>
  markup
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/>\s+</g, '><')
    .trim();
const ROOT = '<div id="root">';
/** What popup.html holds inside #root, up to the close before its scripts. */
const frameInHtml = () =>
  compact(html.slice(html.indexOf(ROOT) + ROOT.length, html.lastIndexOf('</div>', html.indexOf('<script'))));

/** popup.html's frame once its first module showed the line, the copy of the setting read from `storage`. */
function frameAfterModule(storage: Parameters<typeof frameLanguage>[0]) {
  const page = new DOMParser().parseFromString(html.replace(/<script[\s\S]*?<\/script>/g, ''), 'text/html');
  showPopupFrameLine(page, frameLanguage(storage));
  return { lang: page.documentElement.lang, frame: compact(page.getElementById('root')?.innerHTML ?? '') };
}

/** A localStorage stand-in: a Map behind Storage's two methods used here. */
function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

/** Storage that refuses to be read, as a page's localStorage can (SecurityError). */
const refusedStorage = {
  getItem: (): string | null => {
    throw new DOMException('denied', 'SecurityError');
  },
  setItem: () => {},
};

describe('the popup’s static frame', () => {
  it('is in popup.html’s #root, before the scripts, in a page declared Indonesian', () => {
    expect(html).toMatch(/<html lang="id">/);
    expect(html.indexOf(ROOT)).toBeGreaterThan(-1);
    expect(html.indexOf('<script')).toBeGreaterThan(html.indexOf(ROOT));
    expect(frameInHtml()).toContain('<header class="dampingi-header"><h1>Dampingi</h1></header>');
    expect(frameInHtml()).toContain('Memuat…');
  });

  it('holds its loading line hidden until the first module shows it in the user’s language', () => {
    expect(frameInHtml()).toContain('<p class="dampingi-hint" hidden>Memuat…</p>');
    expect(html).not.toMatch(/<script(?![^>]*type="module")/);
  });

  it('is, once the line is shown, the markup React renders while the settings are read', () => {
    expect(frameAfterModule(memoryStorage())).toEqual({
      lang: 'id',
      frame: renderToStaticMarkup(<PopupShell language="id" />),
    });
  });

  it('shows the line in English for someone who chose English, the same markup React renders then', () => {
    expect(frameAfterModule(memoryStorage({ [FRAME_LANGUAGE_KEY]: 'en' }))).toEqual({
      lang: 'en',
      frame: renderToStaticMarkup(<PopupShell language="en" />),
    });
  });

  it('stays in Bahasa Indonesia when the copy says so, is missing, is not a language, or storage is refused', () => {
    const indonesian = { lang: 'id', frame: renderToStaticMarkup(<PopupShell language="id" />) };
    expect(frameAfterModule(memoryStorage({ [FRAME_LANGUAGE_KEY]: 'id' }))).toEqual(indonesian);
    expect(frameAfterModule(memoryStorage())).toEqual(indonesian);
    expect(frameAfterModule(memoryStorage({ [FRAME_LANGUAGE_KEY]: '<img src=x onerror=alert(1)>' }))).toEqual(
      indonesian,
    );
    expect(frameAfterModule(refusedStorage)).toEqual(indonesian);
  });
});

describe('the copy of the language setting the frame paints in', () => {
  it('is written when the setting is seen, and read back as React’s first language', () => {
    const storage = memoryStorage();
    expect(frameLanguage(storage)).toBe('id');
    rememberFrameLanguage('en', storage);
    expect(storage.items.get(FRAME_LANGUAGE_KEY)).toBe('en');
    expect(frameLanguage(storage)).toBe('en');
    rememberFrameLanguage('id', storage);
    expect(frameLanguage(storage)).toBe('id');
  });

  it('falls back to Bahasa Indonesia for anything else, and never throws where storage fails', () => {
    expect(frameLanguage(memoryStorage({ [FRAME_LANGUAGE_KEY]: 'fr' }))).toBe('id');
    expect(frameLanguage(null)).toBe('id');
    const failing = {
      getItem: (): string | null => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
    };
    expect(frameLanguage(failing)).toBe('id');
    expect(() => rememberFrameLanguage('en', failing)).not.toThrow();
  });
});
