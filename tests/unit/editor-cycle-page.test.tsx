// @vitest-environment jsdom
/**
 * The mentoring cycle on the whole draft page (EditorApp, offline, the API answered by a fake
 * fetch): the stepper on top, the view tabs as real links with the active one marked, each view
 * in its place, and "Simpan sebagai templat" for an owner who belongs to a workspace.
 */
import 'fake-indexeddb/auto';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { EditorApp } from '../../extension/editor/components/EditorApp';
import type { AppSettings, AppSettingsStore } from '../../extension/settings/app-settings';
import type { DraftInfo, MeResponse, TemplateInfo } from '../../shared/protocol/api';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const SERVER = 'http://dampingi.test';
const draftAs = (role: DraftInfo['role']): DraftInfo => ({
  id: 'draft-0001',
  title: 'LKPD Fotosintesis',
  ownerId: 'u-sari',
  ownerName: 'Bu Sari',
  createdAt: '2026-11-23T08:00:00.000Z',
  updatedAt: '2026-11-23T09:00:00.000Z',
  mediaKind: 'lkpd',
  role,
});
const SARI_IN_KKG: MeResponse = {
  id: 'u-sari',
  name: 'Bu Sari',
  workspaces: [
    { id: 'ws-kkg-ipa', name: 'KKG IPA Sleman' },
    { id: 'ws-smpn3', name: 'SMPN 3 Depok' },
  ],
};
const saved: TemplateInfo = {
  id: 'ws-lkpd-fotosintesis-7b',
  mediaKind: 'lkpd',
  name: { id: 'LKPD Fotosintesis (7B)', en: 'LKPD Fotosintesis (7B)' },
  description: { id: '', en: '' },
  workspaceId: 'ws-smpn3',
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

interface Request {
  method: string;
  path: string;
  body: unknown;
}
let requests: Request[] = [];
let answer: (request: Request) => Response;

function fakeFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request: Request = {
    method: init?.method ?? 'GET',
    path: new URL(String(input)).pathname,
    body: init?.body ? JSON.parse(String(init.body)) : null,
  };
  requests.push(request);
  return Promise.resolve(answer(request));
}

function server(role: DraftInfo['role'], me: MeResponse, saveTemplate = () => json(201, { template: saved })) {
  return (request: Request): Response => {
    if (request.path === '/api/me') return json(200, me);
    if (request.path === '/api/drafts/draft-0001') return json(200, draftAs(role));
    if (request.path === '/api/templates' && request.method === 'POST') return saveTemplate();
    return json(404, { error: { code: 'not-found', message: 'not found' } });
  };
}

let root: Root;
let container: HTMLElement;

function makeWin(search: string): Window {
  const events = new EventTarget();
  return {
    location: { search, href: `${SERVER}/editor.html${search}`, origin: SERVER, assign: vi.fn(), replace: vi.fn() },
    localStorage: window.localStorage,
    document: window.document,
    // Offline: the draft opens from IndexedDB and no socket is tried; the API is the fake fetch.
    navigator: { onLine: false, clipboard: { writeText: vi.fn(async () => {}) } },
    addEventListener: events.addEventListener.bind(events),
    removeEventListener: events.removeEventListener.bind(events),
    confirm: vi.fn(() => true),
  } as unknown as Window;
}

function memoryStore(): AppSettingsStore & { current: AppSettings } {
  return {
    serverIsConfigurable: false,
    current: { serverUrl: SERVER, token: 'token-bu-sari', language: 'id' },
    async load() {
      return this.current;
    },
    async save(patch) {
      this.current = { ...this.current, ...patch };
      return this.current;
    },
  };
}

async function settle() {
  for (let i = 0; i < 8; i++) await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
}

async function render(search: string) {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root.render(<EditorApp store={memoryStore()} win={makeWin(search)} />));
  await settle();
}

const buttonNamed = (name: string, scope: ParentNode = container) =>
  [...scope.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);

async function click(element: HTMLElement | undefined) {
  if (!element) throw new Error('nothing to click');
  await act(async () => element.click());
  await settle();
}

function field<T extends HTMLElement>(label: string, scope: ParentNode = container): T {
  const found = [...scope.querySelectorAll('label')].find((l) => l.textContent === label);
  const element = found && document.getElementById(found.htmlFor);
  if (!element) throw new Error(`no field labelled ${label}`);
  return element as T;
}

const tabs = () => [...container.querySelectorAll('nav[aria-label="Bagian draf"] a')] as HTMLAnchorElement[];

beforeAll(() => {
  Range.prototype.getClientRects = () => [] as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect = () => ({ x: 0, y: 0, width: 0, height: 0 }) as DOMRect;
  document.elementFromPoint = () => null;
});

beforeEach(() => {
  localStorage.clear();
  requests = [];
  vi.stubGlobal('fetch', vi.fn(fakeFetch));
});

afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
  vi.unstubAllGlobals();
});

describe('the draft page in the mentoring cycle', () => {
  it('shows the stepper on top and the views as links, "Media" active and the editor in it', async () => {
    answer = server('owner', SARI_IN_KKG);
    await render('?draft=draft-0001');
    expect(container.querySelector('[aria-current="step"]')?.textContent).toContain('Analisis kebutuhan');
    expect(tabs().map((tab) => [tab.textContent, tab.getAttribute('href')])).toEqual([
      ['Media', 'editor.html?draft=draft-0001'],
      ['Observasi', 'editor.html?draft=draft-0001&view=observe'],
      ['Refleksi', 'editor.html?draft=draft-0001&view=reflect'],
      ['Tindak lanjut', 'editor.html?draft=draft-0001&view=plan'],
      ['Versi', 'editor.html?draft=draft-0001&view=versions'],
    ]);
    expect(
      tabs()
        .filter((tab) => tab.getAttribute('aria-current') === 'page')
        .map((tab) => tab.textContent),
    ).toEqual(['Media']);
    expect(container.querySelector('[role="textbox"]')?.getAttribute('contenteditable')).toBe('true');
    expect(buttonNamed('Lanjut ke Rancangan & pengembangan →')).toBeDefined();
  });

  it('"?view=reflect" shows the reflection (and no editor), "?view=plan" the plan, with their tab marked', async () => {
    answer = server('owner', SARI_IN_KKG);
    await render('?draft=draft-0001&view=reflect');
    expect(container.querySelector('h2')?.textContent).toBe('Tahap pendampingan');
    expect(container.querySelector('.reflection-view h2')?.textContent).toBe('Refleksi');
    expect(container.querySelector('[role="textbox"]')).toBeNull();
    expect(tabs().find((tab) => tab.getAttribute('aria-current') === 'page')?.textContent).toBe('Refleksi');
    await act(async () => root.unmount());
    container.remove();

    await render('?draft=draft-0001&view=plan');
    expect(container.querySelector('.plan-view h2')?.textContent).toBe('Rencana tindak lanjut');
    expect(buttonNamed('Tambah tindakan')).toBeDefined();
    expect(tabs().find((tab) => tab.getAttribute('aria-current') === 'page')?.textContent).toBe('Tindak lanjut');
  });

  it('"?view=observe" shows the observation view in place of the editor', async () => {
    answer = server('commenter', { id: 'u-budi', name: 'Pak Budi' });
    await render('?draft=draft-0001&view=observe');
    expect(container.querySelector('.observation-view')).not.toBeNull();
    expect(container.querySelector('.ProseMirror')).toBeNull();
    expect(tabs().find((tab) => tab.getAttribute('aria-current') === 'page')?.textContent).toBe('Observasi');
  });

  it('the owner saves the draft as a template of one of her workspaces and is told it worked', async () => {
    answer = server('owner', SARI_IN_KKG);
    await render('?draft=draft-0001');
    await click(buttonNamed('Simpan sebagai templat'));
    const dialog = container.querySelector('dialog') as HTMLDialogElement;
    expect(field<HTMLInputElement>('Nama templat', dialog).value).toBe('LKPD Fotosintesis');
    const workspace = field<HTMLSelectElement>('Komunitas', dialog);
    expect([...workspace.options].map((option) => option.textContent)).toEqual(['KKG IPA Sleman', 'SMPN 3 Depok']);
    await act(async () => {
      const name = field<HTMLInputElement>('Nama templat', dialog);
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(name, 'LKPD Fotosintesis (7B)');
      name.dispatchEvent(new Event('input', { bubbles: true }));
      workspace.value = 'ws-smpn3';
      workspace.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await click(buttonNamed('Simpan templat', dialog));
    expect(requests.find((r) => r.method === 'POST')).toMatchObject({
      path: '/api/templates',
      body: { draftId: 'draft-0001', workspaceId: 'ws-smpn3', name: 'LKPD Fotosintesis (7B)' },
    });
    expect(dialog.querySelector('[role="status"]')?.textContent).toBe(
      'Templat “LKPD Fotosintesis (7B)” tersimpan di SMPN 3 Depok.',
    );
    await click(buttonNamed('Tutup', dialog));
    expect(container.querySelector('dialog')).toBeNull();
    expect(document.activeElement?.textContent).toBe('Simpan sebagai templat');
  });

  it('a refused save says why in words', async () => {
    answer = server('owner', SARI_IN_KKG, () => json(403, { error: { code: 'forbidden', message: 'no' } }));
    await render('?draft=draft-0001');
    await click(buttonNamed('Simpan sebagai templat'));
    await click(buttonNamed('Simpan templat'));
    expect(container.querySelector('dialog [role="alert"]')?.textContent).toBe(
      'Templat tidak tersimpan: Anda tidak punya hak untuk ini.',
    );
  });

  it('is not offered to an owner without a workspace, nor to an editor', async () => {
    answer = server('owner', { id: 'u-sari', name: 'Bu Sari' });
    await render('?draft=draft-0001');
    expect(buttonNamed('Bagikan')).toBeDefined();
    expect(buttonNamed('Simpan sebagai templat')).toBeUndefined();
    await act(async () => root.unmount());
    container.remove();

    answer = server('editor', SARI_IN_KKG);
    await render('?draft=draft-0001');
    expect(buttonNamed('Simpan sebagai templat')).toBeUndefined();
  });
});
