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
    // Signed out, the extension's page says first how to connect without copying anything.
    expect(container.textContent).toContain('Buka Dampingi di web lalu pilih "Hubungkan ekstensi"');
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

describe('the home page, in the order a teacher and a mentor use it', () => {
  const headings = () => [...container.querySelectorAll('main h2')].map((heading) => heading.textContent);

  it('her drafts come first and making a new one after them', async () => {
    await mount(<EditorApp store={memoryStore({ token: GOOD })} win={win} />);
    await draftLink();
    const order = headings();
    expect(order.indexOf('Draf Anda')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('Draf Anda')).toBeLessThan(order.indexOf('Buat draf baru'));
  });

  it('with no draft yet, making the first one is on top', async () => {
    freshPage((request) => {
      if (request.path === '/api/me') return json(200, { id: 'u-sari', name: 'Bu Sari' });
      if (request.path === '/api/drafts') return json(200, { drafts: [] });
      return failure(404, 'not-found', 'no');
    });
    await mount(<EditorApp store={memoryStore({ token: GOOD })} win={win} />);
    await untilText('Buat draf baru');
    expect(headings()[0]).toBe('Buat draf baru');
  });

  it('a mentor with only drafts shared with her sees the overview link first and the shared drafts before making one', async () => {
    freshPage((request) => {
      if (request.path === '/api/me') return json(200, { id: 'u-budi', name: 'Pak Budi' });
      if (request.path === '/api/drafts') return json(200, { drafts: [draftInfo('commenter')] });
      return failure(404, 'not-found', 'no');
    });
    await mount(<EditorApp store={memoryStore({ token: GOOD })} win={win} />);
    await untilText('Buat draf baru');
    const main = container.querySelector('main');
    const overview = main?.querySelector('.home-overview-link');
    expect(overview?.compareDocumentPosition(main?.querySelector('h2') as Node)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
    const order = headings();
    expect(order.indexOf('Buat draf baru')).toBeGreaterThan(0);
    expect(order.slice(0, order.indexOf('Buat draf baru'))).not.toContain('Draf Anda');
  });
});
