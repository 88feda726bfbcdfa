/** Editor page entry: the same build runs as an extension page and as the server's web page. */
import '../../app/shell/zod-without-eval';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { detectEditorContext } from '../../app/common/app-context';
import { EditorApp } from '../../app/shell/EditorApp';
import { registerWebServiceWorker } from '../../app/shell/register-service-worker';
import { extensionSettingsStore, webSettingsStore } from '../../settings/app-settings';
import '../../app/app.css';

async function start() {
  const inExtension = detectEditorContext() === 'extension';
  const store = inExtension ? extensionSettingsStore(browser.storage.local) : webSettingsStore(window);
  if (!inExtension) registerWebServiceWorker(navigator);
  createRoot(document.getElementById('root')!).render(<EditorApp store={store} win={window} />);
}

void start();
