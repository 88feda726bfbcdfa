import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPageBridge } from '../pairing/page-bridge';

// Registered at run time for the configured server's origin only (pairing/bridge-registration.ts).
export default defineContentScript({
  registration: 'runtime',
  noScriptStartedPostMessage: true,
  main() {
    // Injected into an open tab and also registered for it: one listener is enough.
    const started = globalThis as { dampingiPairingBridge?: boolean };
    if (started.dampingiPairingBridge) return;
    started.dampingiPairingBridge = true;
    startPageBridge(window, (code) => browser.runtime.sendMessage({ type: 'pair-with-code', code }));
  },
});
