/** Editor page entry: the same build runs as an extension page and as the server's web page. */
import '../../editor/zod-without-eval';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { detectEditorContext } from '../../editor/app-context';
import { EditorApp } from '../../editor/components/EditorApp';
import { registerWebServiceWorker } from '../../editor/register-service-worker';
import { takeTokenFromUrl } from '../../editor/url-token';
import { extensionSettingsStore, webSettingsStore } from '../../settings/app-settings';
import '../../editor/styles/editor.css';

async function start() {
  const inExtension = detectEditorContext() === 'extension';
  const store = inExtension ? extensionSettingsStore(browser.storage.local) : webSettingsStore(window);
  if (!inExtension) {
    registerWebServiceWorker(navigator);
    const token = takeTokenFromUrl(window);
    if (token) await store.save({ token });
  }
  createRoot(document.getElementById('root')!).render(<EditorApp store={store} win={window} />);
}

void start();
