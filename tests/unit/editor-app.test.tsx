// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EditorApp } from '../../extension/editor/components/EditorApp';
import { offlineCache } from '../../extension/editor/offline-cache';
import type { AppSettings, AppSettingsStore } from '../../extension/settings/app-settings';
import type { DraftInfo } from '../../shared/protocol/api';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const SERVER = 'http://dampingi.test';
const GOOD = 'token-bu-sari';
const draft: DraftInfo = {
  id: 'draft-0001',
  title: 'LKPD Fotosintesis',
  ownerId: 'u-sari',
  ownerName: 'Bu Sari',
  createdAt: '2026-11-23T08:00:00.000Z',
  updatedAt: '2026-11-23T09:00:00.000Z',
  mediaKind: 'blank' as const,
  role: 'owner',
};

function memoryStore(initial: Partial<AppSettings> = {}): AppSettingsStore {
  let settings: AppSettings = { serverUrl: SERVER, token: null, language: 'id', ...initial };
  return {
    serverIsConfigurable: false,
    load: async () => settings,
    save: async (patch) => {
      settings = { ...settings, ...patch };
      return settings;
    },
  };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** The server's API as the editor sees it: one good token, one draft, drafts can be created. */
function fakeServer(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = new URL(String(input));
  const auth = new Headers(init?.headers).get('authorization');
  if (auth !== `Bearer ${GOOD}`) return Promise.resolve(json(401, { error: { code: 'unauthorized', message: 'no' } }));
  if (url.pathname === '/api/me') return Promise.resolve(json(200, { id: 'u-sari', name: 'Bu Sari' }));
  if (url.pathname === '/api/drafts' && init?.method === 'POST') {
    const { title } = JSON.parse(String(init.body)) as { title: string };
    return Promise.resolve(json(201, { ...draft, id: 'draft-0002', title }));
  }
  if (url.pathname === '/api/drafts') return Promise.resolve(json(200, { drafts: [draft] }));
  return Promise.resolve(json(404, { error: { code: 'not-found', message: 'no' } }));
}

let root: Root;
let container: HTMLElement;
const assign = vi.fn();
const win = {
  location: { search: '', href: `${SERVER}/editor.html`, origin: SERVER, assign },
  localStorage: window.localStorage,
  document: window.document,
  navigator: window.navigator,
} as unknown as Window;

async function settle() {
  for (let i = 0; i < 5; i++) await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
}

async function render(store: AppSettingsStore) {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root.render(<EditorApp store={store} win={win} />));
  await settle();
}

function field(label: string): HTMLInputElement {
  const labelElement = [...container.querySelectorAll('label')].find((l) => l.textContent === label);
  const input = labelElement && (document.getElementById(labelElement.htmlFor) as HTMLInputElement | null);
  if (!input) throw new Error(`no field labelled ${label}`);
  return input;
}

function button(name: string): HTMLButtonElement {
  const found = [...container.querySelectorAll('button')].find((b) => b.textContent === name);
  if (!found) throw new Error(`no button ${name}`);
  return found;
}

async function typeInto(input: HTMLInputElement, value: string) {
  await act(async () => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    setter?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

beforeEach(() => {
  localStorage.clear();
  assign.mockReset();
  vi.stubGlobal('fetch', vi.fn(fakeServer));
});

afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
  vi.unstubAllGlobals();
});

describe('signing in and the drafts list', () => {
  it('without a token the form asks for one; a good token shows the name and the drafts', async () => {
    await render(memoryStore());
    await typeInto(field('Token'), GOOD);
    await act(async () => button('Masuk').click());
    await settle();
    expect(container.textContent).toContain('Masuk sebagai Bu Sari');
    const link = container.querySelector<HTMLAnchorElement>('ul[aria-label="Daftar draf"] a');
    expect(link?.textContent).toBe('LKPD Fotosintesis');
    expect(link?.getAttribute('href')).toBe('editor.html?draft=draft-0001');
    expect(container.textContent).toContain('oleh Bu Sari');
  });

  it('a wrong token is refused and the form says why', async () => {
    await render(memoryStore());
    await typeInto(field('Token'), 'salah');
    await act(async () => button('Masuk').click());
    await settle();
    expect(container.querySelector('[role="alert"]')?.textContent).toMatch(/Token tidak dikenal/);
    expect(container.textContent).not.toContain('Masuk sebagai');
  });

  it('creating a draft opens it', async () => {
    await render(memoryStore({ token: GOOD }));
    await typeInto(field('Judul draf baru'), 'Modul ajar baru');
    await act(async () => button('Buat draf').click());
    await settle();
    expect(assign).toHaveBeenCalledWith('editor.html?draft=draft-0002');
  });

  it('offline, a user seen before stays signed in and the last list is shown with a notice', async () => {
    const cache = offlineCache(localStorage, SERVER);
    cache.saveUser(GOOD, { id: 'u-sari', name: 'Bu Sari' });
    cache.saveDrafts([draft]);
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    await render(memoryStore({ token: GOOD }));
    expect(container.textContent).toContain('Masuk sebagai Bu Sari');
    expect(container.querySelector('.notice')?.textContent).toMatch(/Server tidak dapat dihubungi.*daftar terakhir/);
    expect(container.querySelector('ul[aria-label="Daftar draf"] a')?.textContent).toBe('LKPD Fotosintesis');
  });

  it('the language switch turns the whole page into English', async () => {
    await render(memoryStore({ token: GOOD }));
    await act(async () => button('EN').click());
    await settle();
    expect(container.textContent).toContain('Signed in as Bu Sari');
    expect(field('New draft title')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
  });
});
