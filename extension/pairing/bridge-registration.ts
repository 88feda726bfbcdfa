/**
 * Keeps the pairing bridge registered for exactly one origin: the server the extension is set to.
 * The server's address is the person's choice, so it cannot be listed in the manifest
 * (`externally_connectable`); the bridge is registered at run time, only with host permission for
 * that origin, and injected into the server's tabs already open.
 */
import type { WxtBrowser } from 'wxt/browser';

export const BRIDGE_SCRIPT_ID = 'dampingi-pairing-bridge';
/** Where WXT builds `entrypoints/pairing-bridge.content.ts`. */
export const BRIDGE_SCRIPT_FILE = '/content-scripts/pairing-bridge.js';

/**
 * `http://host:port/*` for an http(s) server address; null for anything else. Firefox's match
 * patterns cannot name a port (one that does never matches a page), so there it is `http://host/*`:
 * the bridge then runs on every port of that host, and the background still hears a pairing code
 * only from the configured origin, port included (background/pairing-requests.ts).
 */
export function bridgeMatchPattern(serverUrl: string, portsInPatterns = true): string | null {
  try {
    const url = new URL(serverUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return portsInPatterns ? `${url.origin}/*` : `${url.protocol}//${url.hostname}/*`;
  } catch {
    return null;
  }
}

export type BridgeApis = {
  scripting: Pick<
    WxtBrowser['scripting'],
    'getRegisteredContentScripts' | 'registerContentScripts' | 'unregisterContentScripts' | 'executeScript'
  >;
  permissions: Pick<WxtBrowser['permissions'], 'contains'>;
  tabs: Pick<WxtBrowser['tabs'], 'query'>;
};

export type BridgeState = 'registered' | 'unchanged' | 'no-permission' | 'no-server';

async function placeBridge(apis: BridgeApis, serverUrl: string, portsInPatterns: boolean): Promise<BridgeState> {
  const pattern = bridgeMatchPattern(serverUrl, portsInPatterns);
  const [existing] = await apis.scripting.getRegisteredContentScripts({ ids: [BRIDGE_SCRIPT_ID] });
  if (existing && pattern && existing.matches?.length === 1 && existing.matches[0] === pattern) return 'unchanged';
  if (existing) await apis.scripting.unregisterContentScripts({ ids: [BRIDGE_SCRIPT_ID] });
  if (!pattern) return 'no-server';
  if (!(await apis.permissions.contains({ origins: [pattern] }))) return 'no-permission';
  await apis.scripting.registerContentScripts([
    { id: BRIDGE_SCRIPT_ID, matches: [pattern], js: [BRIDGE_SCRIPT_FILE], runAt: 'document_start', allFrames: false },
  ]);
  // A page of the server already open gets it now, without a reload.
  for (const tab of await apis.tabs.query({ url: pattern })) {
    if (tab.id === undefined) continue;
    await apis.scripting
      .executeScript({ target: { tabId: tab.id }, files: [BRIDGE_SCRIPT_FILE] })
      .catch((error: unknown) => console.warn('background: pairing bridge not injected into an open tab', error));
  }
  return 'registered';
}

/**
 * One registration at a time: the worker's start and a settings change may overlap. Each turn reads
 * the address when its turn comes, so a read that started before a change can never put the old
 * address back after the new one.
 */
export function pairingBridgeKeeper(
  apis: BridgeApis,
  currentServerUrl: () => Promise<string>,
  portsInPatterns = true,
): () => Promise<BridgeState> {
  let queue: Promise<unknown> = Promise.resolve();
  return () => {
    const next = queue.then(async () => placeBridge(apis, await currentServerUrl(), portsInPatterns));
    queue = next.catch(() => undefined);
    return next;
  };
}
