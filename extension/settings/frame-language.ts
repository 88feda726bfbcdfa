/**
 * The language the popup's static frame shows its loading line in, before the app has loaded. The
 * setting itself lives in `browser.storage.local`, which a page can only read asynchronously, so
 * the extension pages keep a synchronous copy of it in their localStorage, read by the popup's
 * first module (clip-panel/popup-frame-line.ts). Without it a user who chose English saw "Memuat…"
 * until the app loaded (issue 21).
 */
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../../shared/i18n/languages';

export const FRAME_LANGUAGE_KEY = 'dampingi.frameLanguage';

/** The frame's loading line in each language (a few words, not worth loading a catalogue for). */
export const FRAME_LOADING_LINE: Record<Language, string> = { id: 'Memuat…', en: 'Loading…' };

type SyncStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The page's localStorage, or null where there is none (the background worker) or it is refused. */
function pageStorage(): SyncStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Keeps the copy the next frame paints in; a page that cannot write it paints in the default. */
export function rememberFrameLanguage(language: Language, storage: SyncStorage | null = pageStorage()): void {
  try {
    if (storage && storage.getItem(FRAME_LANGUAGE_KEY) !== language) storage.setItem(FRAME_LANGUAGE_KEY, language);
  } catch {
    // Storage full or disabled: the frame shows Bahasa Indonesia for a moment, as before.
  }
}

/** The language the frame was painted in: React's first render must match it. */
export function frameLanguage(storage: SyncStorage | null = pageStorage()): Language {
  try {
    const stored = storage?.getItem(FRAME_LANGUAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}
