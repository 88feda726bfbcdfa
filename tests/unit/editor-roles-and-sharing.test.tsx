// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { EditorApp } from '../../extension/app/shell/EditorApp';
import type { DraftInfo, Member, ShareLink } from '../../shared/protocol/api';
import {
  type ApiRequest,
  api,
  button,
  buttonNamed,
  choose,
  click,
  closePage,
  container,
  draftInfo,
  failure,
  field,
  freshPage,
  json,
  memoryStore,
  mount,
  pageWindow,
  SERVER,
  stubLayout,
  TOKEN,
  typeInto,
  unmount,
  until,
  untilDraftOpen,
  untilElement,
  untilText,
} from './support/editor-harness';

const SECRET = 'abcdefghijklmnopqrstuvwxyz_-0123';
const draftAs = (role: DraftInfo['role']) => draftInfo(role);
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

/** A signed-in teacher's server: who she is, the draft with `role`, its members and links. */
function serverWhereRoleIs(role: DraftInfo['role']) {
  return (request: ApiRequest): Response => {
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

let store: ReturnType<typeof memoryStore>;
const replace = vi.fn();
const confirm = vi.fn(() => true);

function render(search: string, token: string | null = TOKEN) {
  store = memoryStore({ token });
  // Offline: the draft opens from IndexedDB and no socket is tried; the API is the fake fetch.
  return mount(<EditorApp store={store} win={pageWindow(search, { offline: true, location: { replace }, confirm })} />);
}

const readOnlyBanner = () => container.querySelector('[data-testid="read-only-banner"]');
const sent = (method: string, path: string) =>
  until(() => api.requests.some((r) => r.method === method && r.path === path), `${method} ${path}`);

beforeAll(stubLayout);

beforeEach(() => {
  replace.mockReset();
  confirm.mockClear();
  freshPage(serverWhereRoleIs('owner'));
});

afterEach(closePage);

describe('the draft page by role', () => {
  it('a commenter sees the draft read-only, without toolbar or sharing, and is told why', async () => {
    api.answer = serverWhereRoleIs('commenter');
    await render('?draft=draft-0001');
    await untilDraftOpen();
    await until(readOnlyBanner, 'the read-only banner');
    const banner = container.querySelector('[data-testid="read-only-banner"]');
    expect(banner?.textContent).toBe('Anda dapat memberi komentar, tetapi tidak dapat mengubah isi draf ini.');
    const textbox = container.querySelector('[role="textbox"]');
    expect(textbox?.getAttribute('aria-readonly')).toBe('true');
    // Still focusable, so a mentor can put a caret in the text and select with the keyboard to comment
    // (the content itself is locked: extension/app/editor-core/read-only-guard.ts).
    expect(textbox?.getAttribute('contenteditable')).toBe('true');
    expect(container.querySelector('[role="toolbar"]')).toBeNull();
    expect(buttonNamed('Bagikan')).toBeUndefined();
  });

  it('a viewer is told they can only view, in English too', async () => {
    api.answer = serverWhereRoleIs('viewer');
    await render('?draft=draft-0001');
    await untilDraftOpen();
    await until(readOnlyBanner, 'the read-only banner');
    expect(container.querySelector('[data-testid="read-only-banner"]')?.textContent).toBe(
      'Anda hanya dapat melihat draf ini.',
    );
    await click(button('EN'));
    await untilText('You can view', readOnlyBanner);
    expect(container.querySelector('[data-testid="read-only-banner"]')?.textContent).toBe(
      'You can view but not edit this draft.',
    );
  });

  it('an editor edits with the toolbar and sees no banner', async () => {
    api.answer = serverWhereRoleIs('editor');
    await render('?draft=draft-0001');
    await untilDraftOpen();
    await untilElement('[role="toolbar"]');
    expect(container.querySelector('[role="textbox"]')?.getAttribute('contenteditable')).toBe('true');
    expect(container.querySelector('[role="toolbar"]')).not.toBeNull();
    expect(container.querySelector('[data-testid="read-only-banner"]')).toBeNull();
  });

  it('a viewer who opened the draft once still gets it read-only when the server cannot be reached', async () => {
    api.answer = serverWhereRoleIs('viewer');
    await render('?draft=draft-0001');
    await untilDraftOpen();
    await unmount();
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    await render('?draft=draft-0001');
    await untilDraftOpen();
    await until(readOnlyBanner, 'the read-only banner');
    expect(container.textContent).toContain('Masuk sebagai Bu Sari');
    expect(container.querySelector('[data-testid="read-only-banner"]')?.textContent).toBe(
      'Anda hanya dapat melihat draf ini.',
    );
    expect(container.querySelector('[role="textbox"]')?.getAttribute('aria-readonly')).toBe('true');
  });

  it('the drafts list shows my role on each draft', async () => {
    api.answer = serverWhereRoleIs('commenter');
    await render('');
    await untilElement('.draft-list [data-role="commenter"]');
    expect(container.querySelector('.draft-list [data-role="commenter"]')?.textContent).toBe('Komentator');
  });
});

describe('the share dialog', () => {
  async function openDialog() {
    api.answer = serverWhereRoleIs('owner');
    await render('?draft=draft-0001');
    await untilDraftOpen();
    await click(await until(() => buttonNamed('Bagikan'), 'the button "Bagikan"'));
    const dialog = await untilElement('dialog[aria-labelledby]');
    // Its members and its links, each from their own request.
    await untilElement('[data-link-id="link-1"]', dialog);
    await until(() => buttonNamed('Hapus Pak Budi', dialog), 'the members');
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
    await sent('PUT', '/api/drafts/draft-0001/members/u-budi');
    await click(button('Hapus Pak Budi'));
    await sent('DELETE', '/api/drafts/draft-0001/members/u-budi');
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('Hapus Pak Budi dari draf ini?'));
    const changes = api.requests.filter((r) => r.method !== 'GET').map((r) => [r.method, r.path, r.body]);
    expect(changes).toEqual([
      ['PUT', '/api/drafts/draft-0001/members/u-budi', { role: 'viewer' }],
      ['DELETE', '/api/drafts/draft-0001/members/u-budi', null],
    ]);
  });

  it('a new link is for commenting unless the owner chooses more: a mentor comments, she does not rewrite', async () => {
    await openDialog();
    expect(field<HTMLSelectElement>('Peran untuk yang bergabung').value).toBe('commenter');
  });

  it('a new commenter link for 7 days shows its address once, with a copy button', async () => {
    await openDialog();
    await choose(field<HTMLSelectElement>('Peran untuk yang bergabung'), 'commenter');
    await choose(field<HTMLSelectElement>('Masa berlaku'), '7');
    await click(button('Buat tautan'));
    await until(() => field<HTMLInputElement>('Tautan baru').value, 'the new link');
    expect(api.requests.find((r) => r.method === 'POST')?.body).toEqual({ role: 'commenter', expiresInDays: 7 });
    expect(field<HTMLInputElement>('Tautan baru').value).toBe(`${SERVER}/editor.html?join=${SECRET}`);
    expect(container.textContent).toContain('Tautan ini hanya ditampilkan sekali.');
    await click(button('Salin tautan'));
    await untilText('Tautan disalin.');
    expect(container.textContent).toContain('Tautan disalin.');
  });

  it('revoking a link asks first, and a refusal by the server is shown in words', async () => {
    const dialog = await openDialog();
    const revoke = [...dialog.querySelectorAll('button')].find((b) => b.textContent === 'Cabut');
    confirm.mockReturnValueOnce(false);
    await click(revoke as HTMLButtonElement);
    // The request would go out in the same click, right after the question.
    await until(() => confirm.mock.calls.length > 0, 'the question');
    expect(api.requests.some((r) => r.method === 'DELETE')).toBe(false);

    const owner = api.answer;
    api.answer = (request) => (request.method === 'DELETE' ? failure(403, 'forbidden') : owner(request));
    await click(revoke as HTMLButtonElement);
    await untilElement('[role="alert"]', dialog);
    expect(api.requests.find((r) => r.method === 'DELETE')?.path).toBe('/api/drafts/draft-0001/links/link-1');
    expect(dialog.querySelector('[role="alert"]')?.textContent).toBe('Anda tidak punya hak untuk ini.');
  });

  it('"Tutup" closes it and gives the focus back to "Bagikan"', async () => {
    await openDialog();
    await click(button('Tutup'));
    await until(() => !container.querySelector('dialog'), 'the dialog to close');
    expect(container.querySelector('dialog')).toBeNull();
    expect(document.activeElement).toBe(button('Bagikan'));
  });
});

describe('joining through a share link', () => {
  const session = { token: 'jwt-bu-ani', expiresAt: '2026-12-23T08:00:00.000Z', user: { id: 'u-ani', name: 'Bu Ani' } };

  it('without an account: asks the name, joins, keeps the new token and opens the draft', async () => {
    // Answers the new account too, so a second (signed-in) join would be seen if the page made one.
    api.answer = ({ path, auth }) => {
      if (path === '/api/join') return json(200, { draft: draftAs('commenter'), session: auth ? null : session });
      if (path === '/api/me' && auth === 'Bearer jwt-bu-ani') return json(200, session.user);
      return failure(401, 'unauthorized');
    };
    await render(`?join=${SECRET}`, null);
    await typeInto(await until(() => field<HTMLInputElement>('Nama Anda'), 'the name field'), 'Bu Ani');
    await click(button('Gabung'));
    await until(() => replace.mock.calls.length > 0, 'the draft to be opened');
    await untilText('Bergabung ke draf…');
    // An extension page keeps the guest's token itself; the web app would get a cookie ('web').
    expect(api.requests.find((r) => r.path === '/api/join')?.body).toEqual({
      secret: SECRET,
      name: 'Bu Ani',
      client: 'extension',
    });
    expect(store.current.token).toBe('jwt-bu-ani');
    expect(replace).toHaveBeenCalledWith('editor.html?draft=draft-0001');
    expect(api.requests.filter((r) => r.path === '/api/join')).toHaveLength(1);
  });

  it('signed in: joins at once with the token, without asking anything', async () => {
    api.answer = (request) =>
      request.path === '/api/join'
        ? json(200, { draft: draftAs('viewer'), session: null })
        : serverWhereRoleIs('viewer')(request);
    await render(`?join=${SECRET}`);
    await until(() => replace.mock.calls.length > 0, 'the draft to be opened');
    const join = api.requests.find((r) => r.path === '/api/join');
    expect(join).toMatchObject({ method: 'POST', body: { secret: SECRET }, auth: `Bearer ${TOKEN}` });
    expect(replace).toHaveBeenCalledWith('editor.html?draft=draft-0001');
    expect(store.current.token).toBe(TOKEN);
  });

  it('a revoked or expired link says so and does not ask for a name again', async () => {
    api.answer = () => failure(410, 'gone');
    await render(`?join=${SECRET}`, null);
    await typeInto(await until(() => field<HTMLInputElement>('Nama Anda'), 'the name field'), 'Bu Ani');
    await click(button('Gabung'));
    await untilElement('[role="alert"]');
    expect(container.querySelector('[role="alert"]')?.textContent).toContain(
      'Tautan ini sudah dicabut atau kedaluwarsa.',
    );
    expect(buttonNamed('Gabung')).toBeUndefined();
    expect(replace).not.toHaveBeenCalled();
  });

  it('too many joins at once: says to wait a few minutes, and the guest may try again', async () => {
    api.answer = () => failure(429, 'rate-limited');
    await render(`?join=${SECRET}`, null);
    await typeInto(await until(() => field<HTMLInputElement>('Nama Anda'), 'the name field'), 'Bu Ani');
    await click(button('Gabung'));
    await untilElement('[role="alert"]');
    expect(container.querySelector('[role="alert"]')?.textContent).toContain(
      'Terlalu banyak percobaan bergabung dalam waktu singkat. Tunggu beberapa menit, lalu coba lagi.',
    );
    expect(buttonNamed('Gabung')).toBeDefined();
  });

  it('a link that takes no more guests says to sign in first, and does not ask for a name again', async () => {
    api.answer = () => failure(403, 'guest-limit');
    await render(`?join=${SECRET}`, null);
    await typeInto(await until(() => field<HTMLInputElement>('Nama Anda'), 'the name field'), 'Bu Ani');
    await click(button('Gabung'));
    await untilElement('[role="alert"]');
    expect(container.querySelector('[role="alert"]')?.textContent).toContain(
      'Tautan ini sudah dipakai banyak tamu dan tidak menerima tamu baru lagi.',
    );
    expect(buttonNamed('Gabung')).toBeUndefined();
  });

  it('an unknown or malformed link is called invalid', async () => {
    api.answer = (request) =>
      request.path === '/api/join' ? failure(404, 'not-found') : serverWhereRoleIs('owner')(request);
    await render(`?join=${SECRET}`);
    await untilElement('[role="alert"]');
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('Tautan undangan ini tidak valid.');
    await unmount();
    await render('?join=short');
    await untilElement('[role="alert"]');
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('Tautan undangan ini tidak valid.');
  });
});
