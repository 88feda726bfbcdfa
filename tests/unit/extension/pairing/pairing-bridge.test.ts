import { describe, expect, it, vi } from 'vitest';
import { handCodeToExtension } from '../../../../extension/app/account/extension-handoff';
import { pairFromPage } from '../../../../extension/background/pairing-requests';
import { clipPreferences } from '../../../../extension/clip/clip-preferences';
import { pairWithCode } from '../../../../extension/pairing/connect-extension';
import { startPageBridge } from '../../../../extension/pairing/page-bridge';
import { extensionSettingsStore, type KeyValueArea } from '../../../../extension/settings/app-settings';
import { BridgeMessageSchema, PairRequestMessageSchema } from '../../../../shared/protocol/pairing-messages';

const SERVER = 'http://127.0.0.1:8787';
const REQUEST_ID = '7c1e2f9a-5b3d-4e8f-9a6b-1c2d3e4f5a6b';

/**
 * One page's window as far as postMessage goes (jsdom sets neither `source` nor `origin`): a real
 * EventTarget; a message posted to the page's own origin arrives a task later from this window.
 */
function pageWindow(origin = SERVER) {
  const target = new EventTarget();
  const sent: unknown[] = [];
  const win = Object.assign(target, {
    location: { origin },
    crypto: globalThis.crypto,
    setTimeout: globalThis.setTimeout.bind(globalThis),
    clearTimeout: globalThis.clearTimeout.bind(globalThis),
    postMessage(data: unknown, targetOrigin: string) {
      if (targetOrigin !== origin) return;
      sent.push(data);
      setTimeout(() => deliver(data, origin, win), 0);
    },
  });
  function deliver(data: unknown, from: string, source: unknown) {
    target.dispatchEvent(Object.assign(new Event('message'), { data, origin: from, source }));
  }
  return { win: win as unknown as Window, sent, deliver };
}

function memoryArea(): KeyValueArea {
  const items: Record<string, unknown> = {};
  return { get: async (key) => ({ [key]: items[key] }), set: async (patch) => void Object.assign(items, patch) };
}

describe('pairing messages are checked on both sides', () => {
  it('the page-to-bridge request: a well-formed code and request id, nothing else', () => {
    const good = { source: 'dampingi-web', type: 'pair-extension', requestId: REQUEST_ID, code: 'abcd-ef23' };
    expect(PairRequestMessageSchema.parse(good).code).toBe('ABCDEF23');
    expect(PairRequestMessageSchema.safeParse({ ...good, code: 'ABC' }).success).toBe(false);
    expect(PairRequestMessageSchema.safeParse({ ...good, code: 'ABCDEFGH1234' }).success).toBe(false);
    expect(PairRequestMessageSchema.safeParse({ ...good, source: 'someone-else' }).success).toBe(false);
    expect(PairRequestMessageSchema.safeParse({ ...good, requestId: '<script>' }).success).toBe(false);
  });

  it('the bridge-to-page answer carries a name or a known reason, never anything like a token', () => {
    const result = { source: 'dampingi-extension', type: 'pairing-result', requestId: REQUEST_ID };
    expect(BridgeMessageSchema.safeParse({ ...result, outcome: { ok: true, name: 'Bu Sari' } }).success).toBe(true);
    expect(BridgeMessageSchema.safeParse({ ...result, outcome: { ok: false, reason: 'code-refused' } }).success).toBe(
      true,
    );
    expect(BridgeMessageSchema.safeParse({ ...result, outcome: { ok: false, reason: 'whatever' } }).success).toBe(
      false,
    );
  });
});

describe('the bridge in the server page hands the code to the background and tells the page', () => {
  it('with the extension there, the page learns the name it is connected as', async () => {
    const { win } = pageWindow();
    const forwarded: string[] = [];
    const stop = startPageBridge(win, async (code) => {
      forwarded.push(code);
      return { ok: true, name: 'Bu Sari' };
    });
    expect(await handCodeToExtension(win, 'ABCD-EF23')).toEqual({ kind: 'connected', name: 'Bu Sari' });
    expect(forwarded).toEqual(['ABCDEF23']);
    stop();
  });

  it('a refusal from the background reaches the page as its reason', async () => {
    const { win } = pageWindow();
    const stop = startPageBridge(win, async () => ({ ok: false, reason: 'code-refused' }));
    expect(await handCodeToExtension(win, 'ABCDEF23')).toEqual({ kind: 'refused', reason: 'code-refused' });
    stop();
  });

  it('a background answer of another shape is reported as not understood, not passed on', async () => {
    const { win, sent } = pageWindow();
    const stop = startPageBridge(win, async () => ({ ok: true, name: 'Bu Sari', token: 'rahasia' }));
    const result = await handCodeToExtension(win, 'ABCDEF23');
    // zod strips unknown keys: the page gets the name and never the token.
    expect(result).toEqual({ kind: 'connected', name: 'Bu Sari' });
    expect(JSON.stringify(sent)).not.toContain('rahasia');
    stop();
  });

  it('without an extension the page hears nothing and shows the code', async () => {
    const { win } = pageWindow();
    expect(await handCodeToExtension(win, 'ABCDEF23', { answerWithinMs: 20, resultWithinMs: 1000 })).toEqual({
      kind: 'no-extension',
    });
  });

  it('the bridge ignores requests from another origin, from another window, and malformed ones', async () => {
    const { win, deliver } = pageWindow();
    const forwarded: string[] = [];
    const stop = startPageBridge(win, async (code) => {
      forwarded.push(code);
      return { ok: true, name: 'x' };
    });
    const request = { source: 'dampingi-web', type: 'pair-extension', requestId: REQUEST_ID, code: 'ABCDEF23' };
    deliver(request, 'https://evil.example', win);
    deliver(request, SERVER, { postMessage() {} });
    deliver({ ...request, code: 'kode?' }, SERVER, win);
    deliver({ ...request, type: 'something-else' }, SERVER, win);
    // Events are handled in order: once the good request is through, the four before it were judged.
    deliver(request, SERVER, win);
    await vi.waitFor(() => expect(forwarded.length).toBeGreaterThan(0));
    expect(forwarded).toEqual(['ABCDEF23']);
    stop();
  });
});

describe('the background pairs only for a page of the configured server', () => {
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  async function setUp(server = SERVER) {
    const area = memoryArea();
    const settings = extensionSettingsStore(area);
    await settings.save({ serverUrl: server });
    const preferences = clipPreferences(area);
    const calls: { url: string; body: unknown }[] = [];
    const fetchImpl: typeof fetch = async (url, init) => {
      calls.push({ url: String(url), body: JSON.parse(String(init?.body)) });
      const { code } = JSON.parse(String(init?.body)) as { code: string };
      return code === 'ABCDEF23'
        ? json(200, {
            token: { token: 'extension-token', expiresAt: '2027-01-01T00:00:00.000Z' },
            user: { id: 'u1', name: 'Bu Sari', email: null, isAdmin: false },
          })
        : json(410, { error: { code: 'gone', message: 'unknown, used or expired pairing code' } });
    };
    const deps = { settings, preferences, pair: (url: string, code: string) => pairWithCode(url, code, fetchImpl) };
    return { settings, preferences, calls, deps };
  }

  it('a good code from the server page stores the scoped token and answers with the name only', async () => {
    const { settings, preferences, calls, deps } = await setUp();
    const message = { type: 'pair-with-code', code: 'abcd-ef23' };
    expect(await pairFromPage(message, SERVER, deps)).toEqual({ ok: true, name: 'Bu Sari' });
    expect(calls).toEqual([{ url: `${SERVER}/api/extension/pair`, body: { code: 'ABCDEF23' } }]);
    expect((await settings.load()).token).toBe('extension-token');
    expect(await preferences.signedInAs(`${SERVER}/`)).toBe('Bu Sari');
  });

  it('a wrong code is refused with its reason and nothing is stored', async () => {
    const { settings, deps } = await setUp();
    expect(await pairFromPage({ type: 'pair-with-code', code: 'ZZZZZZZZ' }, SERVER, deps)).toEqual({
      ok: false,
      reason: 'code-refused',
    });
    expect((await settings.load()).token).toBeNull();
  });

  it('a page of another origin, or a malformed message, never reaches the server', async () => {
    const { calls, deps } = await setUp();
    const message = { type: 'pair-with-code', code: 'ABCDEF23' };
    expect(await pairFromPage(message, 'https://evil.example', deps)).toEqual({ ok: false, reason: 'other-server' });
    expect(await pairFromPage(message, 'http://127.0.0.1:9999', deps)).toEqual({ ok: false, reason: 'other-server' });
    expect(await pairFromPage(message, null, deps)).toEqual({ ok: false, reason: 'other-server' });
    expect(await pairFromPage({ type: 'pair-with-code', code: 'x' }, SERVER, deps)).toEqual({
      ok: false,
      reason: 'bad-message',
    });
    expect(calls).toEqual([]);
  });
});
