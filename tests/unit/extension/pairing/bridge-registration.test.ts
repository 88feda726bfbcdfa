import { describe, expect, it } from 'vitest';
import {
  BRIDGE_SCRIPT_ID,
  type BridgeApis,
  bridgeMatchPattern,
  pairingBridgeKeeper,
} from '../../../../extension/pairing/bridge-registration';

type Script = { id: string; matches?: string[] };

/** The part of chrome.scripting / permissions / tabs the keeper uses, kept in memory. */
function browserApis(granted: (origin: string) => boolean, openTabs: { id: number; url: string }[] = []) {
  let scripts: Script[] = [];
  const injected: number[] = [];
  const apis = {
    scripting: {
      getRegisteredContentScripts: async (filter?: { ids?: string[] }) =>
        scripts.filter((script) => !filter?.ids || filter.ids.includes(script.id)),
      registerContentScripts: async (added: Script[]) => {
        if (added.some((script) => scripts.some((known) => known.id === script.id))) throw new Error('Duplicate id');
        scripts = [...scripts, ...added];
      },
      unregisterContentScripts: async (filter?: { ids?: string[] }) => {
        scripts = scripts.filter((script) => filter?.ids && !filter.ids.includes(script.id));
      },
      executeScript: async (injection: { target: { tabId: number } }) => {
        injected.push(injection.target.tabId);
        return [];
      },
    },
    permissions: { contains: async (wanted: { origins?: string[] }) => (wanted.origins ?? []).every(granted) },
    tabs: {
      query: async (query: { url?: string }) =>
        openTabs.filter((tab) => query.url && tab.url.startsWith(query.url.replace(/\*$/, ''))),
    },
  };
  return { apis: apis as unknown as BridgeApis, scripts: () => scripts, injected };
}

describe('the pairing bridge is registered for the configured server only', () => {
  it('its match pattern is the server origin, with its port; nothing for other schemes', () => {
    expect(bridgeMatchPattern('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787/*');
    expect(bridgeMatchPattern('https://dampingi.sekolah.sch.id/sub/')).toBe('https://dampingi.sekolah.sch.id/*');
    expect(bridgeMatchPattern('file:///etc/passwd')).toBeNull();
    expect(bridgeMatchPattern('not a url')).toBeNull();
  });

  it('in Firefox, whose match patterns cannot name a port, it is the host on any port', () => {
    expect(bridgeMatchPattern('http://127.0.0.1:8787', false)).toBe('http://127.0.0.1/*');
    expect(bridgeMatchPattern('https://dampingi.sekolah.sch.id:8443/', false)).toBe(
      'https://dampingi.sekolah.sch.id/*',
    );
    expect(bridgeMatchPattern('file:///etc/passwd', false)).toBeNull();
  });

  it('registered once, kept while the address stays, moved when it changes, and put into open server tabs', async () => {
    const browser = browserApis(
      () => true,
      [
        { id: 1, url: 'http://127.0.0.1:8787/editor.html' },
        { id: 2, url: 'https://elsewhere.example/' },
      ],
    );
    let address = 'http://127.0.0.1:8787';
    const place = pairingBridgeKeeper(browser.apis, async () => address);
    // The worker's start and a settings change at once: one registration, no duplicate-id error.
    expect(await Promise.all([place(), place()])).toEqual(['registered', 'unchanged']);
    expect(browser.scripts()).toMatchObject([{ id: BRIDGE_SCRIPT_ID, matches: ['http://127.0.0.1:8787/*'] }]);
    expect(browser.injected).toEqual([1]);
    address = 'https://dampingi.sekolah.sch.id';
    expect(await place()).toBe('registered');
    expect(browser.scripts()).toMatchObject([{ matches: ['https://dampingi.sekolah.sch.id/*'] }]);
  });

  it('without host permission for the server, no bridge at all (the web app then shows the code)', async () => {
    const browser = browserApis((origin) => origin.startsWith('http://127.0.0.1:8787'));
    let address = 'http://127.0.0.1:8787';
    const place = pairingBridgeKeeper(browser.apis, async () => address);
    expect(await place()).toBe('registered');
    address = 'https://no-permission.example';
    expect(await place()).toBe('no-permission');
    expect(browser.scripts()).toEqual([]);
  });

  it('a read of the address that answers late cannot put the old address back after a change', async () => {
    const browser = browserApis(() => true);
    // The worker's start reads the settings slowly (the old address); the change is read at once.
    const reads = ['http://localhost:8787', 'http://127.0.0.1:39217'];
    let release: () => void = () => undefined;
    const slowFirstRead = new Promise<void>((resolve) => {
      release = resolve;
    });
    let calls = 0;
    const place = pairingBridgeKeeper(browser.apis, async () => {
      calls += 1;
      if (calls === 1) await slowFirstRead;
      return reads[calls - 1] ?? 'http://127.0.0.1:39217';
    });
    const atStart = place();
    const afterChange = place();
    release();
    await Promise.all([atStart, afterChange]);
    expect(browser.scripts()).toMatchObject([{ matches: ['http://127.0.0.1:39217/*'] }]);
  });
});
