/**
 * The popup's frame before its settings are read: the same markup popup.html carries inside #root
 * (so the browser paints it before any script runs), rendered by React until the clip panel can
 * be, so the app takes the frame over with no blank frame and no second header. Its loading line is
 * in the language the frame was painted in (settings/frame-language.ts): the setting itself is not
 * read yet. tests/unit/popup-shell.test.tsx keeps the two equal.
 */
import type { Language } from '../../shared/i18n/languages';
import { FRAME_LOADING_LINE } from '../settings/frame-language';

export function PopupShell(props: { language: Language }) {
  return (
    <main className="dampingi-page dampingi-popup" aria-busy="true">
      <header className="dampingi-header">
        <h1>Dampingi</h1>
      </header>
      <p className="dampingi-hint">{FRAME_LOADING_LINE[props.language]}</p>
    </main>
  );
}
