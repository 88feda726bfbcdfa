/**
 * The web editor registers /web-sw.js so a draft opened once opens again offline. The extension
 * page never does: its files are local already.
 */
export const WEB_SERVICE_WORKER_PATH = '/web-sw.js';

export function registerWebServiceWorker(nav: Navigator): void {
  // Absent on plain-http origins other than localhost: the page still works, just not offline.
  if (!('serviceWorker' in nav)) return;
  nav.serviceWorker.register(WEB_SERVICE_WORKER_PATH).catch((error: unknown) => {
    console.warn('dampingi: service worker not registered; the editor will not open offline', error);
  });
}
