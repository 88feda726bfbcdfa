// @vitest-environment jsdom
/**
 * The admin page as an administrator sees it — users (invite, suspend, sign out, administrator),
 * workspaces and members, mentoring pairs, storage per draft — with each state in plain words; and
 * the plain refusal anyone else gets.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EditorApp } from '../../extension/app/shell/EditorApp';
import type { AdminUser, AdminWorkspace, Assignment, DraftStorage } from '../../shared/protocol/admin-api';
import type { MeResponse } from '../../shared/protocol/api';
import {
  type ApiRequest,
  api,
  button,
  buttonNamed,
  choose,
  click,
  closePage,
  container,
  failure,
  field,
  freshPage,
  json,
  memoryStore,
  mount,
  pageWindow,
  typeInto,
  until,
  untilText,
} from './support/editor-harness';

const admin: MeResponse = { id: 'u-admin', name: 'Pak Kepala', email: 'kepala@sekolah.sch.id', isAdmin: true };
const user = (id: string, name: string, more: Partial<AdminUser> = {}): AdminUser => ({
  id,
  name,
  email: `${id.slice(2)}@sekolah.sch.id`,
  guest: false,
  isAdmin: false,
  suspendedAt: null,
  createdAt: '2026-11-01T08:00:00.000Z',
  ...more,
});

let users: AdminUser[];
let workspaces: AdminWorkspace[];
let assignments: Assignment[];
let drafts: DraftStorage[];
/** Paths answered with this failure instead (to show a refused section). */
let refused: Record<string, Response> = {};

function adminServer(who: MeResponse = admin) {
  return (request: ApiRequest): Response => {
    const { method, path } = request;
    const body = request.body as Record<string, unknown>;
    const failed = refused[`${method} ${path}`];
    if (failed) return failed.clone();
    if (path === '/api/me') return json(200, who);
    if (path === '/api/admin/users' && method === 'GET') return json(200, { users });
    if (path === '/api/admin/users' && method === 'POST') {
      const made = user('u-ani', String(body.name), { email: String(body.email) });
      users = [...users, made];
      return json(201, { user: made, sent: true });
    }
    const suspend = /^\/api\/admin\/users\/([^/]+)\/suspend$/.exec(path);
    if (suspend) {
      users = users.map((each) =>
        each.id === suspend[1] ? { ...each, suspendedAt: body.suspended ? '2026-12-06T09:00:00.000Z' : null } : each,
      );
      return json(
        200,
        users.find((each) => each.id === suspend[1]),
      );
    }
    if (/\/sign-out-everywhere$/.test(path)) return json(200, { signedOut: true });
    const setAdmin = /^\/api\/admin\/users\/([^/]+)\/admin$/.exec(path);
    if (setAdmin) {
      users = users.map((each) => (each.id === setAdmin[1] ? { ...each, isAdmin: Boolean(body.isAdmin) } : each));
      return json(
        200,
        users.find((each) => each.id === setAdmin[1]),
      );
    }
    if (path === '/api/admin/workspaces' && method === 'GET') return json(200, { workspaces });
    if (path === '/api/admin/workspaces' && method === 'POST') {
      const made = { id: 'w-new', name: String(body.name), members: [] };
      workspaces = [...workspaces, made];
      return json(201, made);
    }
    const member = /^\/api\/admin\/workspaces\/([^/]+)\/members\/([^/]+)$/.exec(path);
    if (member) {
      const [, workspaceId, userId] = member;
      const name = users.find((each) => each.id === userId)?.name ?? '?';
      workspaces = workspaces.map((each) =>
        each.id !== workspaceId
          ? each
          : {
              ...each,
              members:
                method === 'PUT'
                  ? [...each.members, { id: userId ?? '', name }]
                  : each.members.filter((m) => m.id !== userId),
            },
      );
      return json(200, method === 'PUT' ? { added: true } : { removed: true });
    }
    if (path === '/api/admin/assignments' && method === 'GET') return json(200, { assignments });
    if (path === '/api/admin/assignments' && method === 'POST') {
      const name = (id: unknown) => users.find((each) => each.id === id)?.name ?? '?';
      const made = {
        mentorId: String(body.mentorId),
        mentorName: name(body.mentorId),
        teacherId: String(body.teacherId),
        teacherName: name(body.teacherId),
        createdAt: '2026-12-06T09:00:00.000Z',
      };
      assignments = [...assignments, made];
      return json(201, made);
    }
    const pair = /^\/api\/admin\/assignments\/([^/]+)\/([^/]+)$/.exec(path);
    if (pair && method === 'DELETE') {
      assignments = assignments.filter((each) => !(each.mentorId === pair[1] && each.teacherId === pair[2]));
      return json(200, { removed: true });
    }
    if (path === '/api/admin/storage') {
      return json(200, { drafts, totalBytes: drafts.reduce((total, draft) => total + draft.bytes, 0) });
    }
    return failure(404, 'not-found');
  };
}

const confirm = vi.fn(() => true);
const render = () =>
  mount(<EditorApp store={memoryStore()} win={pageWindow('?view=admin', { offline: true, confirm })} />);
const sentBody = (method: string, path: string) =>
  until(() => api.requests.find((r) => r.method === method && r.path === path), `${method} ${path}`).then(
    (request) => request.body,
  );
const section = (heading: string) =>
  until(
    () => [...container.querySelectorAll('section')].find((each) => each.querySelector('h2')?.textContent === heading),
    `the section "${heading}"`,
  );

beforeEach(() => {
  users = [user('u-admin', 'Pak Kepala', { isAdmin: true }), user('u-sari', 'Bu Sari'), user('u-budi', 'Pak Budi')];
  workspaces = [{ id: 'w-sd', name: 'Guru SD Melati', members: [{ id: 'u-sari', name: 'Bu Sari' }] }];
  assignments = [];
  drafts = [
    { draftId: 'd-1', title: 'Modul kecil', ownerName: 'Bu Sari', bytes: 820 },
    { draftId: 'd-2', title: 'LKPD dengan foto', ownerName: 'Bu Sari', bytes: 2_450_000 },
    { draftId: 'd-3', title: 'RPP pecahan', ownerName: 'Pak Budi', bytes: 12_345 },
  ];
  refused = {};
  confirm.mockReset().mockReturnValue(true);
  freshPage(adminServer());
});
afterEach(closePage);

describe('the admin page', () => {
  it('someone who is not an administrator gets a plain refusal and nothing is asked of the server', async () => {
    freshPage(adminServer({ id: 'u-sari', name: 'Bu Sari' }));
    await render();
    await untilText('Halaman ini hanya untuk pengelola Dampingi');
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('hubungi pengelola');
    expect(api.requests.some((r) => r.path.startsWith('/api/admin'))).toBe(false);
  });

  it('lists the users with their state; it says "Memuat…" until they come', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        if (String(input).endsWith('/api/admin/users')) await held;
        return api.fetch(input, init);
      }),
    );
    await render();
    const usersSection = await section('Pengguna');
    await untilText('Memuat…', () => usersSection);
    release();
    await until(() => usersSection.querySelector('tr[data-user-id="u-budi"]'), 'Pak Budi in the list');
    expect(usersSection.textContent).not.toContain('Memuat…');
    const users = usersSection;
    expect(users.querySelector('tr[data-user-id="u-admin"]')?.textContent).toContain('(Anda)');
    expect(users.querySelector('tr[data-user-id="u-admin"]')?.textContent).toContain('Pengelola');
    // No one suspends or demotes themselves here.
    expect(buttonNamed('Tangguhkan Pak Kepala')).toBeUndefined();
    expect(users.querySelector('tr[data-user-id="u-sari"]')?.textContent).toContain('Aktif');
  });

  it('inviting by email sends name and address and says the mail went; an address with an account is explained', async () => {
    await render();
    await until(() => container.querySelector('tr[data-user-id="u-budi"]'), 'the users');
    await typeInto(field<HTMLInputElement>('Nama lengkap'), 'Bu Ani');
    await typeInto(field<HTMLInputElement>('Alamat email'), 'ani@sekolah.sch.id');
    await click(button('Kirim undangan'));
    expect(await sentBody('POST', '/api/admin/users')).toEqual({
      name: 'Bu Ani',
      email: 'ani@sekolah.sch.id',
      isAdmin: false,
      language: 'id',
    });
    await untilText('Undangan terkirim ke ani@sekolah.sch.id. Bu Ani dapat masuk lewat tautan di email itu.');
    await until(() => container.querySelector('tr[data-user-id="u-ani"]'), 'Bu Ani in the list');

    refused = { 'POST /api/admin/users': failure(409, 'conflict') };
    await typeInto(field<HTMLInputElement>('Nama lengkap'), 'Bu Ani');
    await typeInto(field<HTMLInputElement>('Alamat email'), 'ani@sekolah.sch.id');
    await click(button('Kirim undangan'));
    await untilText('Alamat ini sudah punya akun.');
  });

  it('an invitation the server could not mail says the account is made but no mail went', async () => {
    refused = {
      'POST /api/admin/users': new Response(JSON.stringify({ user: user('u-ani', 'Bu Ani'), sent: false }), {
        status: 201,
        headers: { 'content-type': 'application/json' },
      }),
    };
    await render();
    await until(() => container.querySelector('tr[data-user-id="u-budi"]'), 'the users');
    await typeInto(field<HTMLInputElement>('Nama lengkap'), 'Bu Ani');
    await typeInto(field<HTMLInputElement>('Alamat email'), 'ani@sekolah.sch.id');
    await click(button('Kirim undangan'));
    await untilText('Akun Bu Ani sudah dibuat, tetapi email tidak terkirim');
  });

  it('suspending asks first, then says she is signed out everywhere; she can be reactivated', async () => {
    await render();
    await until(() => container.querySelector('tr[data-user-id="u-budi"]'), 'the users');
    confirm.mockReturnValueOnce(false);
    await click(button('Tangguhkan Bu Sari'));
    expect(api.requests.some((r) => r.path.endsWith('/suspend'))).toBe(false);

    await click(button('Tangguhkan Bu Sari'));
    expect(await sentBody('POST', '/api/admin/users/u-sari/suspend')).toEqual({ suspended: true });
    await untilText('Bu Sari ditangguhkan dan sudah dikeluarkan dari semua perangkat.');
    await untilText('Ditangguhkan sejak');
    await click(button('Aktifkan lagi Bu Sari'));
    await untilText('Bu Sari dapat masuk lagi.');
  });

  it('signs a user out everywhere and makes one an administrator', async () => {
    await render();
    await until(() => container.querySelector('tr[data-user-id="u-budi"]'), 'the users');
    await click(button('Keluarkan dari semua perangkat: Pak Budi'));
    await untilText('Pak Budi sudah dikeluarkan dari semua perangkat.');
    await click(button('Jadikan pengelola: Pak Budi'));
    expect(await sentBody('POST', '/api/admin/users/u-budi/admin')).toEqual({ isAdmin: true });
    await until(() => buttonNamed('Cabut hak pengelola: Pak Budi'), 'the right to take back');
  });

  it('a refused action says why in plain words', async () => {
    refused = { 'POST /api/admin/users/u-budi/sign-out-everywhere': failure(503, 'unavailable') };
    freshPage(adminServer());
    await render();
    await until(() => container.querySelector('tr[data-user-id="u-budi"]'), 'the users');
    await click(button('Keluarkan dari semua perangkat: Pak Budi'));
    await untilText('Tidak berhasil. Server ini tidak menyediakan fitur tersebut.');
  });

  it('workspaces: members shown, one added and one removed, a new workspace made', async () => {
    await render();
    const workspacesSection = await section('Ruang kerja dan anggotanya');
    await untilText('Guru SD Melati', () => workspacesSection);
    await choose(field<HTMLSelectElement>('Tambah anggota ke Guru SD Melati'), 'u-budi');
    await click(button('Tambahkan', workspacesSection));
    await untilText('Pak Budi ditambahkan ke Guru SD Melati.');
    await click(button('Keluarkan Bu Sari dari Guru SD Melati'));
    await untilText('Bu Sari dikeluarkan dari Guru SD Melati.');
    expect(
      api.requests.some((r) => r.method === 'DELETE' && r.path === '/api/admin/workspaces/w-sd/members/u-sari'),
    ).toBe(true);
    await typeInto(field<HTMLInputElement>('Nama ruang kerja baru'), 'Pendamping Gugus 3');
    await click(button('Buat ruang kerja'));
    await untilText('Ruang kerja Pendamping Gugus 3 dibuat.');
    await untilText('Belum ada anggota.');
  });

  it('mentoring: empty at first, a pair assigned and removed', async () => {
    await render();
    const mentoring = await section('Pendampingan');
    await untilText('Belum ada pendampingan.', () => mentoring);
    await choose(field<HTMLSelectElement>('Pendamping'), 'u-budi');
    await choose(field<HTMLSelectElement>('Guru yang didampingi'), 'u-sari');
    await click(button('Tetapkan pendampingan'));
    expect(await sentBody('POST', '/api/admin/assignments')).toEqual({ mentorId: 'u-budi', teacherId: 'u-sari' });
    await untilText('Pak Budi sekarang mendampingi Bu Sari.');
    await untilText('Pak Budi mendampingi Bu Sari', () => mentoring.querySelector('ul'));
    await click(button('Hapus pendampingan Pak Budi untuk Bu Sari'));
    await untilText('Pak Budi tidak lagi tercatat mendampingi Bu Sari.');
    await untilText('Belum ada pendampingan.', () => mentoring);
  });

  it('storage: largest draft first, in human units, with the total', async () => {
    await render();
    const storage = await section('Penyimpanan per draf');
    await untilText('Total:', () => storage);
    const rows = [...storage.querySelectorAll('tbody tr')].map((row) =>
      [...row.children].map((cell) => cell.textContent),
    );
    expect(rows).toEqual([
      ['LKPD dengan foto', 'Bu Sari', '2,5 MB'],
      ['RPP pecahan', 'Pak Budi', '12,3 KB'],
      ['Modul kecil', 'Bu Sari', '820 B'],
    ]);
    expect(storage.textContent).toContain('Total: 2,5 MB untuk 3 draf');
  });

  it('a section that could not load says so and can ask again; empty ones say they are empty', async () => {
    drafts = [];
    workspaces = [];
    refused = { 'GET /api/admin/assignments': failure(500, 'internal') };
    await render();
    const mentoring = await section('Pendampingan');
    await untilText('Data tidak dapat dimuat. Terjadi kesalahan di server.', () => mentoring);
    await untilText('Belum ada draf.');
    await untilText('Belum ada ruang kerja.');
    refused = {};
    await click(button('Coba lagi', mentoring));
    await untilText('Belum ada pendampingan.', () => mentoring);
  });
});
