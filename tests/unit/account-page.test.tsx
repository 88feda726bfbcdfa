// @vitest-environment jsdom
/**
 * "Akun saya" as a teacher sees it: her devices (loading, refused, listed, one ended), and
 * "Keluar dari semua perangkat" (asked first, then this browser signs out too); the header's links.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EditorApp } from '../../extension/app/shell/EditorApp';
import type { MeResponse } from '../../shared/protocol/api';
import type { SessionInfo } from '../../shared/protocol/auth-api';
import {
  type ApiRequest,
  api,
  button,
  buttonNamed,
  click,
  closePage,
  container,
  failure,
  freshPage,
  json,
  memoryStore,
  mount,
  pageWindow,
  TOKEN,
  until,
  untilText,
} from './support/editor-harness';

const me: MeResponse = { id: 'u-sari', name: 'Bu Sari', email: 'sari@sekolah.sch.id', sessionId: 's-web' };
const sessions: SessionInfo[] = [
  {
    id: 's-web',
    kind: 'web',
    label:
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    createdAt: '2026-12-01T08:00:00.000Z',
    expiresAt: '2026-12-31T08:00:00.000Z',
    current: true,
  },
  {
    id: 's-ext',
    kind: 'extension',
    label: 'Chrome di laptop',
    createdAt: '2026-11-20T07:30:00.000Z',
    expiresAt: '2026-12-20T07:30:00.000Z',
    current: false,
  },
];

let listed: SessionInfo[];
function accountServer(who: MeResponse = me) {
  return (request: ApiRequest): Response => {
    const { method, path } = request;
    if (path === '/api/me') return json(200, who);
    if (path === '/api/sessions' && method === 'GET') return json(200, { sessions: listed });
    if (path === '/api/sessions/s-ext' && method === 'DELETE') {
      listed = listed.filter((session) => session.id !== 's-ext');
      return json(200, { signedOut: true, ended: 1 });
    }
    if (path === '/api/sessions/sign-out-everywhere' && method === 'POST') {
      return json(200, { signedOut: true, ended: 2 });
    }
    return failure(404, 'not-found');
  };
}

const replace = vi.fn();
const confirm = vi.fn(() => true);
const render = (search = '?view=account') =>
  mount(
    <EditorApp store={memoryStore()} win={pageWindow(search, { offline: true, location: { replace }, confirm })} />,
  );
const sent = (method: string, path: string) => api.requests.some((r) => r.method === method && r.path === path);

beforeEach(() => {
  listed = [...sessions];
  replace.mockReset();
  confirm.mockReset().mockReturnValue(true);
  freshPage(accountServer());
});
afterEach(closePage);

describe('Akun saya', () => {
  it('shows who I am and my devices, this one marked and first, each with when it began and ends', async () => {
    await render();
    await untilText('Chrome di laptop');
    expect(container.querySelector('h1')?.textContent).toBe('Akun saya');
    expect(container.textContent).toContain('sari@sekolah.sch.id');
    const items = [...container.querySelectorAll('.session-item')];
    expect(items.map((item) => item.querySelector('strong')?.textContent)).toEqual([
      'Browser (aplikasi web)',
      'Ekstensi Dampingi',
    ]);
    expect(items[0]?.textContent).toContain('Perangkat ini');
    // The browser's user agent in words a teacher reads.
    expect(items[0]?.textContent).toContain('Chrome · Windows');
    expect(items[0]?.textContent).not.toContain('AppleWebKit');
    expect(items[0]?.querySelector('button')).toBeNull();
    expect(items[1]?.textContent).toMatch(/Masuk sejak .*2026.*Berlaku sampai .*2026/);
  });

  it('says it is loading until the list comes', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        if (String(input).endsWith('/api/sessions')) await held;
        return api.fetch(input, init);
      }),
    );
    await render();
    await untilText('Memuat daftar perangkat…');
    release();
    await untilText('Chrome di laptop');
    expect(container.textContent).not.toContain('Memuat daftar perangkat…');
  });

  it('a refused list is explained, and "Coba lagi" asks again', async () => {
    api.answer = (request) => (request.path === '/api/sessions' ? failure(403, 'forbidden') : accountServer()(request));
    await render();
    await untilText('Daftar perangkat tidak dapat dimuat. Anda tidak punya hak untuk ini.');
    api.answer = accountServer();
    await click(button('Coba lagi'));
    await untilText('Chrome di laptop');
  });

  it('ending another device asks the server, says so, and the list no longer has it', async () => {
    await render();
    await untilText('Chrome di laptop');
    const end = [...container.querySelectorAll('button')].find((b) =>
      b.getAttribute('aria-label')?.startsWith('Akhiri sesi Ekstensi Dampingi sejak'),
    );
    await click(end);
    await untilText('Sesi itu sudah diakhiri. Perangkat tersebut harus masuk lagi.');
    expect(sent('DELETE', '/api/sessions/s-ext')).toBe(true);
    await until(() => !container.textContent?.includes('Chrome di laptop'), 'the ended session to leave the list');
  });

  it('"Keluar dari semua perangkat" asks first, then ends every session and signs this browser out', async () => {
    await render();
    await untilText('Chrome di laptop');
    confirm.mockReturnValueOnce(false);
    await click(button('Keluar dari semua perangkat'));
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('termasuk browser ini'));
    expect(sent('POST', '/api/sessions/sign-out-everywhere')).toBe(false);

    await click(button('Keluar dari semua perangkat'));
    await until(() => replace.mock.calls.length > 0, 'the page to reload signed out');
    expect(sent('POST', '/api/sessions/sign-out-everywhere')).toBe(true);
    expect(replace).toHaveBeenCalledWith('editor.html');
    // The next start forgets this browser's drafts, as "Keluar" does (sign-out.ts).
    const pending = Object.keys(localStorage).find((key) => key.startsWith('dampingi.signOut:'));
    expect(localStorage.getItem(pending ?? '')).toContain(TOKEN);
  });

  it('a failed "Keluar dari semua perangkat" says why and leaves the page as it was', async () => {
    api.answer = (request) =>
      request.path === '/api/sessions/sign-out-everywhere' ? failure(500, 'internal') : accountServer()(request);
    await render();
    await untilText('Chrome di laptop');
    await click(button('Keluar dari semua perangkat'));
    await untilText('Belum berhasil keluar dari semua perangkat. Terjadi kesalahan di server.');
    expect(replace).not.toHaveBeenCalled();
    expect(button('Keluar dari semua perangkat').disabled).toBe(false);
  });

  it("the extension's own session is told to use the web app, and asks nothing", async () => {
    freshPage(accountServer({ ...me, sessionKind: 'extension' }));
    await render();
    await untilText('Ekstensi tidak dapat mengatur sesi.');
    expect(api.requests.some((r) => r.path === '/api/sessions')).toBe(false);
    expect(buttonNamed('Keluar dari semua perangkat')).toBeUndefined();
  });
});

describe("the header's account menu", () => {
  const links = () => [...container.querySelectorAll('.account-menu a')].map((a) => a.textContent);

  it('has "Akun saya" for everyone signed in, and "Pengelolaan" only for administrators', async () => {
    await render('');
    await until(() => links().length > 0, 'the account menu');
    expect(links()).toEqual(['Akun saya']);
    await closePage();
    freshPage(accountServer({ ...me, isAdmin: true }));
    await render('');
    await until(() => links().length > 1, 'the admin link');
    expect(links()).toEqual(['Akun saya', 'Pengelolaan']);
    expect(container.querySelector('.account-menu a[href="editor.html?view=admin"]')).not.toBeNull();
  });
});
