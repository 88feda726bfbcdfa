/**
 * The popup's frame (in popup.html) carries its loading line hidden: the browser paints the header
 * at once, and the popup's first module — a few lines, run before the app is even fetched — shows
 * the line in the language the user chose. Written into the HTML in Bahasa Indonesia, it showed
 * "Memuat…" to someone who chose English until the app loaded; a classic script to set it before
 * the paint held the first paint back (bench/POPUP.md).
 */
import type { Language } from '../../shared/i18n/languages';
import { FRAME_LOADING_LINE } from '../settings/frame-language';

export function showPopupFrameLine(page: Document, language: Language): void {
  page.documentElement.lang = language;
  const line = page.querySelector<HTMLElement>('#root .dampingi-hint');
  if (!line) return;
  line.textContent = FRAME_LOADING_LINE[language];
  line.hidden = false;
}
