// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { EditorApp } from '../../extension/editor/components/EditorApp';
import type { AppSettings, AppSettingsStore } from '../../extension/settings/app-settings';
import type { DraftInfo, Member, ShareLink } from '../../shared/protocol/api';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const SERVER = 'http://dampingi.test';
const TOKEN = 'token-bu-sari';
const SECRET = 'abcdefghijklmnopqrstuvwxyz_-0123';
const draftAs = (role: DraftInfo['role']): DraftInfo => ({
  id: 'draft-0001',
  title: 'LKPD Fotosintesis',
  ownerId: 'u-sari',
  ownerName: 'Bu Sari',
  createdAt: '2026-11-23T08:00:00.000Z',
  updatedAt: '2026-11-23T09:00:00.000Z',
  mediaKind: 'blank' as const,
  role,
});
const members: Member[] = [
  {
    userId: 'u-sari',
    name: 'Bu Sari',
    guest: false,
    role: 'owner',
    viaLink: false,
    addedAt: '2026-11-23T08:00:00.000Z',
  },
  {
    userId: 'u-budi',
    name: 'Pak Budi',
    guest: false,
    role: 'editor',
    viaLink: true,
    addedAt: '2026-11-23T08:30:00.000Z',
  },
];
const activeLink: ShareLink = {
  id: 'link-1',
  role: 'editor',
  createdAt: '2026-11-23T08:10:00.000Z',
  expiresAt: null,
  revokedAt: null,
  members: 1,
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const failure = (status: number, code: string) => json(status, { error: { code, message: code } });

interface Request {
  method: string;
  path: string;
  body: unknown;
  auth: string | null;
}
let requests: Request[] = [];
/** Each test sets how the server answers; requests are recorded for the assertions. */
let answer: (request: Request) => Response;

function fakeFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request: Request = {
    method: init?.method ?? 'GET',
    path: new URL(String(input)).pathname,
    body: init?.body ? JSON.parse(String(init.body)) : null,
    auth: new Headers(init?.headers).get('authorization'),
  };
  requests.push(request);
  return Promise.resolve(answer(request));
}

/** A signed-in teacher's server: who she is, the draft with `role`, its members and links. */
function serverWhereRoleIs(role: DraftInfo['role']) {
  return (request: Request): Response => {
    const { method, path } = request;
    if (path === '/api/me') return json(200, { id: 'u-sari', name: 'Bu Sari' });
    if (path === '/api/drafts') return json(200, { drafts: [draftAs(role)] });
    if (path === '/api/drafts/draft-0001') return json(200, draftAs(role));
    if (path.endsWith('/members') && method === 'GET') return json(200, { members });
    if (path.endsWith('/members/u-budi') && method === 'PUT') return json(200, { ...members[1], role: 'viewer' });
    if (path.endsWith('/members/u-budi') && method === 'DELETE') return json(200, { removed: true });
    if (path.endsWith('/links') && method === 'GET') return json(200, { links: [activeLink] });
    if (path.endsWith('/links') && method === 'POST') return json(201, { link: activeLink, secret: SECRET });
    if (path.endsWith('/links/link-1') && method === 'DELETE') return json(200, { ...activeLink, revokedAt: 'x' });
    return failure(404, 'not-found');
  };
}

let root: Root;
let container: HTMLElement;
let store: AppSettingsStore & { current: AppSettings };
const replace = vi.fn();
const confirm = vi.fn(() => true);

function makeWin(search: string): Window {
  const events = new EventTarget();
  return {
    location: { search, href: `${SERVER}/editor.html${search}`, origin: SERVER, assign: vi.fn(), replace },
    localStorage: window.localStorage,
    document: window.document,
    // Offline: the draft opens from IndexedDB and no socket is tried; the API is the fake fetch.
    navigator: { onLine: false, clipboard: { writeText: vi.fn(async () => {}) } },
    addEventListener: events.addEventListener.bind(events),
    removeEventListener: events.removeEventListener.bind(events),
    confirm,
    prompt: vi.fn(),
    alert: vi.fn(),
  } as unknown as Window;
}

function memoryStore(token: string | null): typeof store {
  return {
    serverIsConfigurable: false,
    current: { serverUrl: SERVER, token, language: 'id' },
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

async function render(search: string, token: string | null = TOKEN) {
  store = memoryStore(token);
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root.render(<EditorApp store={store} win={makeWin(search)} />));
  await settle();
}

const buttonNamed = (name: string, scope: ParentNode = container) =>
  [...scope.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name);

function button(name: string, scope?: ParentNode): HTMLButtonElement {
  const found = buttonNamed(name, scope);
  if (!found) throw new Error(`no button ${name}`);
  return found;
}

function field<T extends HTMLElement>(label: string): T {
  const labelElement = [...container.querySelectorAll('label')].find((l) => l.textContent === label);
  const byFor = labelElement && document.getElementById(labelElement.htmlFor);
  const found = byFor ?? container.querySelector(`[aria-label="${label}"]`);
  if (!found) throw new Error(`no field labelled ${label}`);
  return found as T;
}

async function choose(select: HTMLSelectElement, value: string) {
  await act(async () => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
}

async function typeInto(input: HTMLInputElement, value: string) {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function click(element: HTMLElement) {
  await act(async () => element.click());
  await settle();
}

beforeAll(() => {
  // jsdom has no layout; ProseMirror asks for rectangles when scrolling the selection into view.
  Range.prototype.getClientRects = () => [] as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect = () => ({ x: 0, y: 0, width: 0, height: 0 }) as DOMRect;
  document.elementFromPoint = () => null;
});

beforeEach(() => {
  localStorage.clear();
  requests = [];
  replace.mockReset();
  confirm.mockClear();
  vi.stubGlobal('fetch', vi.fn(fakeFetch));
});

afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
  vi.unstubAllGlobals();
});

describe('the draft page by role', () => {
  it('a commenter sees the draft read-only, without toolbar or sharing, and is told why', async () => {
    answer = serverWhereRoleIs('commenter');
    await render('?draft=draft-0001');
    const banner = container.querySelector('[data-testid="read-only-banner"]');
    expect(banner?.textContent).toBe('Anda dapat memberi komentar, tetapi tidak dapat mengubah isi draf ini.');
    const textbox = container.querySelector('[role="textbox"]');
    expect(textbox?.getAttribute('aria-readonly')).toBe('true');
    // Still focusable, so a mentor can put a caret in the text and select with the keyboard to comment
    // (the content itself is locked: extension/editor/read-only-guard.ts).
    expect(textbox?.getAttribute('contenteditable')).toBe('true');
    expect(container.querySelector('[role="toolbar"]')).toBeNull();
    expect(buttonNamed('Bagikan')).toBeUndefined();
  });

  it('a viewer is told they can only view, in English too', async () => {
    answer = serverWhereRoleIs('viewer');
    await render('?draft=draft-0001');
    expect(container.querySelector('[data-testid="read-only-banner"]')?.textContent).toBe(
      'Anda hanya dapat melihat draf ini.',
    );
    await click(button('EN'));
    expect(container.querySelector('[data-testid="read-only-banner"]')?.textContent).toBe(
      'You can view but not edit this draft.',
    );
  });

  it('an editor edits with the toolbar and sees no banner', async () => {
    answer = serverWhereRoleIs('editor');
    await render('?draft=draft-0001');
    expect(container.querySelector('[role="textbox"]')?.getAttribute('contenteditable')).toBe('true');
    expect(container.querySelector('[role="toolbar"]')).not.toBeNull();
    expect(container.querySelector('[data-testid="read-only-banner"]')).toBeNull();
  });

  it('a viewer who opened the draft once still gets it read-only when the server cannot be reached', async () => {
    answer = serverWhereRoleIs('viewer');
    await render('?draft=draft-0001');
    await act(async () => root.unmount());
    container.remove();
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    await render('?draft=draft-0001');
    expect(container.textContent).toContain('Masuk sebagai Bu Sari');
    expect(container.querySelector('[data-testid="read-only-banner"]')?.textContent).toBe(
      'Anda hanya dapat melihat draf ini.',
    );
    expect(container.querySelector('[role="textbox"]')?.getAttribute('aria-readonly')).toBe('true');
  });

  it('the drafts list shows my role on each draft', async () => {
    answer = serverWhereRoleIs('commenter');
    await render('');
    expect(container.querySelector('.draft-list [data-role="commenter"]')?.textContent).toBe('Komentator');
  });
});

describe('the share dialog', () => {
  async function openDialog() {
    answer = serverWhereRoleIs('owner');
    await render('?draft=draft-0001');
    await click(button('Bagikan'));
    const dialog = container.querySelector<HTMLElement>('dialog[aria-labelledby]');
    if (!dialog) throw new Error('no dialog');
    return dialog;
  }

  it('the owner opens it from "Bagikan": members with their roles, and the links', async () => {
    const dialog = await openDialog();
    expect(document.getElementById(dialog.getAttribute('aria-labelledby') ?? '')?.textContent).toBe('Bagikan draf');
    expect(dialog.textContent).toContain('Bu Sari (Anda)');
    expect(dialog.textContent).toContain('Pemilik');
    expect(field<HTMLSelectElement>('Peran Pak Budi').value).toBe('editor');
    expect(buttonNamed('Hapus Bu Sari', dialog)).toBeUndefined();
    expect(dialog.querySelector('[data-link-id="link-1"]')?.textContent).toMatch(
      /tidak kedaluwarsa.*1 orang bergabung/,
    );
  });

  it("changing a member's role and removing (after confirming) go to the server", async () => {
    await openDialog();
    await choose(field<HTMLSelectElement>('Peran Pak Budi'), 'viewer');
    await click(button('Hapus Pak Budi'));
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('Hapus Pak Budi dari draf ini?'));
    const changes = requests.filter((r) => r.method !== 'GET').map((r) => [r.method, r.path, r.body]);
    expect(changes).toEqual([
      ['PUT', '/api/drafts/draft-0001/members/u-budi', { role: 'viewer' }],
      ['DELETE', '/api/drafts/draft-0001/members/u-budi', null],
    ]);
  });

  it('a new commenter link for 7 days shows its address once, with a copy button', async () => {
    await openDialog();
    await choose(field<HTMLSelectElement>('Peran untuk yang bergabung'), 'commenter');
    await choose(field<HTMLSelectElement>('Masa berlaku'), '7');
    await click(button('Buat tautan'));
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ role: 'commenter', expiresInDays: 7 });
    expect(field<HTMLInputElement>('Tautan baru').value).toBe(`${SERVER}/editor.html?join=${SECRET}`);
    expect(container.textContent).toContain('Tautan ini hanya ditampilkan sekali.');
    await click(button('Salin tautan'));
    expect(container.textContent).toContain('Tautan disalin.');
  });

  it('revoking a link asks first, and a refusal by the server is shown in words', async () => {
    const dialog = await openDialog();
    const revoke = [...dialog.querySelectorAll('button')].find((b) => b.textContent === 'Cabut');
    confirm.mockReturnValueOnce(false);
    await click(revoke as HTMLButtonElement);
    expect(requests.some((r) => r.method === 'DELETE')).toBe(false);

    const owner = answer;
    answer = (request) => (request.method === 'DELETE' ? failure(403, 'forbidden') : owner(request));
    await click(revoke as HTMLButtonElement);
    expect(requests.find((r) => r.method === 'DELETE')?.path).toBe('/api/drafts/draft-0001/links/link-1');
    expect(dialog.querySelector('[role="alert"]')?.textContent).toBe('Anda tidak punya hak untuk ini.');
  });

  it('"Tutup" closes it and gives the focus back to "Bagikan"', async () => {
    await openDialog();
    await click(button('Tutup'));
    expect(container.querySelector('dialog')).toBeNull();
    expect(document.activeElement).toBe(button('Bagikan'));
  });
});

describe('joining through a share link', () => {
  const session = { token: 'jwt-bu-ani', expiresAt: '2026-12-23T08:00:00.000Z', user: { id: 'u-ani', name: 'Bu Ani' } };

  it('without an account: asks the name, joins, keeps the new token and opens the draft', async () => {
    // Answers the new account too, so a second (signed-in) join would be seen if the page made one.
    answer = ({ path, auth }) => {
      if (path === '/api/join') return json(200, { draft: draftAs('commenter'), session: auth ? null : session });
      if (path === '/api/me' && auth === 'Bearer jwt-bu-ani') return json(200, session.user);
      return failure(401, 'unauthorized');
    };
    await render(`?join=${SECRET}`, null);
    await typeInto(field<HTMLInputElement>('Nama Anda'), 'Bu Ani');
    await click(button('Gabung'));
    expect(requests.find((r) => r.path === '/api/join')?.body).toEqual({ secret: SECRET, name: 'Bu Ani' });
    expect(store.current.token).toBe('jwt-bu-ani');
    expect(replace).toHaveBeenCalledWith('editor.html?draft=draft-0001');
    expect(requests.filter((r) => r.path === '/api/join')).toHaveLength(1);
  });

  it('signed in: joins at once with the token, without asking anything', async () => {
    answer = (request) =>
      request.path === '/api/join'
        ? json(200, { draft: draftAs('viewer'), session: null })
        : serverWhereRoleIs('viewer')(request);
    await render(`?join=${SECRET}`);
    const join = requests.find((r) => r.path === '/api/join');
    expect(join).toMatchObject({ method: 'POST', body: { secret: SECRET }, auth: `Bearer ${TOKEN}` });
    expect(replace).toHaveBeenCalledWith('editor.html?draft=draft-0001');
    expect(store.current.token).toBe(TOKEN);
  });

  it('a revoked or expired link says so and does not ask for a name again', async () => {
    answer = () => failure(410, 'gone');
    await render(`?join=${SECRET}`, null);
    await typeInto(field<HTMLInputElement>('Nama Anda'), 'Bu Ani');
    await click(button('Gabung'));
    expect(container.querySelector('[role="alert"]')?.textContent).toContain(
      'Tautan ini sudah dicabut atau kedaluwarsa.',
    );
    expect(buttonNamed('Gabung')).toBeUndefined();
    expect(replace).not.toHaveBeenCalled();
  });

  it('too many joins at once: says to wait a few minutes, and the guest may try again', async () => {
    answer = () => failure(429, 'rate-limited');
    await render(`?join=${SECRET}`, null);
    await typeInto(field<HTMLInputElement>('Nama Anda'), 'Bu Ani');
    await click(button('Gabung'));
    expect(container.querySelector('[role="alert"]')?.textContent).toContain(
      'Terlalu banyak percobaan bergabung dalam waktu singkat. Tunggu beberapa menit, lalu coba lagi.',
    );
    expect(buttonNamed('Gabung')).toBeDefined();
  });

  it('a link that takes no more guests says to sign in first, and does not ask for a name again', async () => {
    answer = () => failure(403, 'guest-limit');
    await render(`?join=${SECRET}`, null);
    await typeInto(field<HTMLInputElement>('Nama Anda'), 'Bu Ani');
    await click(button('Gabung'));
    expect(container.querySelector('[role="alert"]')?.textContent).toContain(
      'Tautan ini sudah dipakai banyak tamu dan tidak menerima tamu baru lagi.',
    );
    expect(buttonNamed('Gabung')).toBeUndefined();
  });

  it('an unknown or malformed link is called invalid', async () => {
    answer = (request) =>
      request.path === '/api/join' ? failure(404, 'not-found') : serverWhereRoleIs('owner')(request);
    await render(`?join=${SECRET}`);
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('Tautan undangan ini tidak valid.');
    await act(async () => root.unmount());
    container.remove();
    await render('?join=short');
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('Tautan undangan ini tidak valid.');
  });
});
