// @vitest-environment jsdom
/**
 * "Undang lewat email" in the share dialog: the address and role go to the server and the owner is
 * told the mail went; a server without email, or a wrong address, is explained; a guest is told why not.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EditorApp } from '../../extension/app/shell/EditorApp';
import type { MeResponse } from '../../shared/protocol/api';
import {
  type ApiRequest,
  api,
  button,
  buttonNamed,
  choose,
  click,
  closePage,
  draftInfo,
  failure,
  field,
  freshPage,
  json,
  memoryStore,
  mount,
  pageWindow,
  stubLayout,
  typeInto,
  until,
  untilDraftOpen,
  untilElement,
  untilText,
} from './support/editor-harness';

const INVITE_PATH = '/api/drafts/draft-0001/invitations';
let inviteAnswer: (request: ApiRequest) => Response;

function ownerServer(me: MeResponse) {
  return (request: ApiRequest): Response => {
    const { method, path } = request;
    if (path === '/api/me') return json(200, me);
    if (path === '/api/drafts/draft-0001') return json(200, draftInfo('owner'));
    if (path.endsWith('/members') && method === 'GET') return json(200, { members: [] });
    if (path.endsWith('/links') && method === 'GET') return json(200, { links: [] });
    if (path === INVITE_PATH && method === 'POST') return inviteAnswer(request);
    return failure(404, 'not-found');
  };
}

async function openDialog(me: MeResponse = { id: 'u-sari', name: 'Bu Sari', email: 'sari@sekolah.sch.id' }) {
  freshPage(ownerServer(me));
  await mount(<EditorApp store={memoryStore()} win={pageWindow('?draft=draft-0001', { offline: true })} />);
  await untilDraftOpen();
  await click(await until(() => buttonNamed('Bagikan'), 'the button "Bagikan"'));
  const dialog = await untilElement('dialog[aria-labelledby]');
  await untilText('Undang lewat email', () => dialog);
  return dialog;
}

beforeAll(stubLayout);
beforeEach(() => {
  inviteAnswer = (request) => json(201, { sent: true, email: (request.body as { email: string }).email });
});
afterEach(closePage);

describe('"Undang lewat email" in the share dialog', () => {
  it('sends the address and the role, says the invitation went, empties the field and asks the members again', async () => {
    await openDialog();
    const memberLoads = () => api.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/members')).length;
    const before = memberLoads();
    await typeInto(field<HTMLInputElement>('Alamat email yang diundang'), 'budi@sekolah.sch.id');
    await choose(field<HTMLSelectElement>('Peran orang yang diundang'), 'commenter');
    await click(button('Kirim undangan'));
    await untilText('Undangan terkirim ke budi@sekolah.sch.id.');
    expect(api.requests.find((r) => r.path === INVITE_PATH)?.body).toEqual({
      email: 'budi@sekolah.sch.id',
      role: 'commenter',
      language: 'id',
    });
    expect(field<HTMLInputElement>('Alamat email yang diundang').value).toBe('');
    // Someone who already has an account is a member at once: the list shows them.
    await until(() => memberLoads() > before, 'the members to be asked again');
  });

  it('a server without email says so and points to share links', async () => {
    inviteAnswer = () => failure(503, 'unavailable');
    const dialog = await openDialog();
    await typeInto(field<HTMLInputElement>('Alamat email yang diundang'), 'budi@sekolah.sch.id');
    await click(button('Kirim undangan'));
    await untilText('Server ini belum mengatur email', () => dialog.querySelector('[role="alert"]'));
    expect(dialog.querySelector('[role="alert"]')?.textContent).toContain('Pakai tautan berbagi di bawah.');
  });

  it('an address the server refuses is explained', async () => {
    inviteAnswer = () => failure(400, 'bad-request', 'email: that is your own address');
    await openDialog();
    await typeInto(field<HTMLInputElement>('Alamat email yang diundang'), 'sari@sekolah.sch.id');
    await click(button('Kirim undangan'));
    await untilText('Periksa alamat email itu.');
  });

  it('a guest owner sees why she cannot invite by email, and how to sign in, instead of the form', async () => {
    const dialog = await openDialog({ id: 'u-tamu', name: 'Bu Tamu', guest: true });
    expect(dialog.textContent).toContain('Tamu tidak dapat mengundang lewat email.');
    expect(dialog.querySelector('a[href="editor.html?view=sign-in"]')).not.toBeNull();
    expect(buttonNamed('Kirim undangan', dialog)).toBeUndefined();
  });
});
