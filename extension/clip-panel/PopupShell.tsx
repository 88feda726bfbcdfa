/**
 * The popup's frame before its settings are read: the same markup popup.html carries inside #root
 * (so the browser paints it before any script runs), rendered by React until the clip panel can
 * be, so the app takes the frame over with no blank frame and no second header. In Bahasa
 * Indonesia: the language setting is not read yet. tests/unit/popup-shell.test.tsx keeps the two equal.
 */
export function PopupShell() {
  return (
    <main className="dampingi-page dampingi-popup" aria-busy="true">
      <header className="dampingi-header">
        <h1>Dampingi</h1>
      </header>
      <p className="dampingi-hint">Memuat…</p>
    </main>
  );
}
