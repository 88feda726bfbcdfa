/**
 * Follows the browser's network for one provider. When Chromium goes offline an open WebSocket
 * is frozen, not closed, so we close it ourselves; when the network returns we reconnect.
 */
import type { WebsocketProvider } from 'y-websocket';

type NetworkFollower = Pick<WebsocketProvider, 'connect' | 'disconnect' | 'connectBc'>;

/**
 * `mayConnect` lets the caller veto reconnecting (e.g. after the server refused us for good).
 * Returns a function that stops following.
 */
export function followNetwork(win: Window, provider: NetworkFollower, mayConnect: () => boolean = () => true) {
  const goOffline = () => {
    provider.disconnect();
    // disconnect() also leaves the BroadcastChannel; rejoin it so other tabs and the extension
    // background (same origin) still reach this editor while the internet is down.
    provider.connectBc();
  };
  const goOnline = () => {
    if (mayConnect()) provider.connect();
  };
  if (!win.navigator.onLine) goOffline();
  win.addEventListener('offline', goOffline);
  win.addEventListener('online', goOnline);
  return () => {
    win.removeEventListener('offline', goOffline);
    win.removeEventListener('online', goOnline);
  };
}
