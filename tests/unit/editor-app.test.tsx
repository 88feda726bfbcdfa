// @vitest-environment jsdom

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { offlineCache } from '../../extension/app/common/offline-cache';
import { EditorApp } from '../../extension/app/shell/EditorApp';
import {
  type ApiRequest,
  button,
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
  TOKEN,
  typeInto,
  until,
  untilElement,
  untilText,
} from './support/editor-harness';

const GOOD = TOKEN;
const draft = draftInfo('owner');

/** The server's API as the editor sees it: one good token, one draft, drafts can be created. */
function fakeServer(request: ApiRequest): Response {
  if (request.auth !== `Bearer ${GOOD}`) return failure(401, 'unauthorized', 'no');
  if (request.path === '/api/me') return json(200, { id: 'u-sari', name: 'Bu Sari' });
  if (request.path === '/api/drafts' && request.method === 'POST') {
    const { title } = request.body as { title: string };
    return json(201, { ...draft, id: 'draft-0002', title });
  }
  if (request.path === '/api/drafts') return json(200, { drafts: [draft] });
  return failure(404, 'not-found', 'no');
}

const assign = vi.fn();
const win = pageWindow('', { location: { assign } });
const render = (store = memoryStore({ token: null })) => mount(<EditorApp store={store} win={win} />);
const draftLink = () => untilElement<HTMLAnchorElement>('ul[aria-label="Daftar draf"] a');

beforeEach(() => {
  assign.mockReset();
  freshPage(fakeServer);
});

afterEach(closePage);

describe('signing in and the drafts list', () => {
  it('without a token the form asks for one; a good token shows the name and the drafts', async () => {
    await render();
    await typeInto(await until(() => field<HTMLInputElement>('Token'), 'the sign-in form'), GOOD);
    await click(button('Masuk'));
    const link = await draftLink();
    expect(container.textContent).toContain('Masuk sebagai Bu Sari');
    expect(link?.textContent).toBe('LKPD Fotosintesis');
    expect(link?.getAttribute('href')).toBe('editor.html?draft=draft-0001');
    expect(container.textContent).toContain('oleh Bu Sari');
  });

  it('a wrong token is refused and the form says why', async () => {
    await render();
    await typeInto(await until(() => field<HTMLInputElement>('Token'), 'the sign-in form'), 'salah');
    await click(button('Masuk'));
    await untilElement('[role="alert"]');
    expect(container.querySelector('[role="alert"]')?.textContent).toMatch(/Sesi Anda sudah berakhir/);
    expect(container.textContent).not.toContain('Masuk sebagai');
  });

  it('creating a draft opens it', async () => {
    await render(memoryStore({ token: GOOD }));
    await typeInto(await until(() => field<HTMLInputElement>('Judul draf baru'), 'the create form'), 'Modul ajar baru');
    await click(button('Buat draf'));
    await until(() => assign.mock.calls.length > 0, 'the new draft to be opened');
    expect(assign).toHaveBeenCalledWith('editor.html?draft=draft-0002');
  });

  it('offline, a user seen before stays signed in and the last list is shown with a notice', async () => {
    const cache = offlineCache(localStorage, SERVER);
    cache.saveUser(GOOD, { id: 'u-sari', name: 'Bu Sari' });
    cache.saveDrafts([draft]);
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    await render(memoryStore({ token: GOOD }));
    await untilElement('.notice');
    await draftLink();
    expect(container.textContent).toContain('Masuk sebagai Bu Sari');
    expect(container.querySelector('.notice')?.textContent).toMatch(/Server tidak dapat dihubungi.*daftar terakhir/);
    expect(container.querySelector('ul[aria-label="Daftar draf"] a')?.textContent).toBe('LKPD Fotosintesis');
  });

  it('the language switch turns the whole page into English', async () => {
    await render(memoryStore({ token: GOOD }));
    await untilText('Masuk sebagai Bu Sari');
    await click(button('EN'));
    await untilText('Signed in as Bu Sari');
    expect(container.textContent).toContain('Signed in as Bu Sari');
    expect(field('New draft title')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
  });
});
