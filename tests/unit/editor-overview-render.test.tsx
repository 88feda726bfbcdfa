// @vitest-environment jsdom

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EditorApp } from '../../extension/app/shell/EditorApp';
import { type DraftSummary, EMPTY_SUMMARY } from '../../shared/model/draft-summary';
import type { DraftListItem } from '../../shared/protocol/api';
import {
  type ApiRequest,
  chooseOption,
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
  unmount,
  untilElement,
  untilText,
} from './support/editor-harness';

const TOKEN = 'token-pak-budi';
// Far in the past and far ahead, so "overdue" does not depend on the day the test runs.
const PAST_DAY = '2020-01-10';
const FUTURE_DAY = '2099-01-01';

function item(
  id: string,
  fields: Partial<Omit<DraftListItem, 'summary'>>,
  summary: Partial<DraftSummary> = {},
): DraftListItem {
  const full = { ...EMPTY_SUMMARY, ...summary };
  return {
    id,
    title: `Draf ${id}`,
    ownerId: 'u-sari',
    ownerName: 'Bu Sari',
    createdAt: '2026-11-01T08:00:00.000Z',
    updatedAt: '2026-11-20T08:00:00.000Z',
    role: 'commenter',
    mediaKind: 'blank',
    workspaceId: null,
    openFeedback: full.openFeedback,
    ...fields,
    summary: full,
  };
}

/** Pak Budi mentors three drafts of two teachers, and owns one of his own. */
const mentorList: DraftListItem[] = [
  item(
    'draft-lkpd',
    { title: 'LKPD Fotosintesis', mediaKind: 'lkpd', workspaceId: 'ws-smpn1', updatedAt: '2026-11-24T10:00:00.000Z' },
    { stage: 'follow-up', observations: 3, actionsOpen: 2, openActionDueDays: [PAST_DAY, FUTURE_DAY] },
  ),
  item(
    'draft-modul',
    {
      title: 'Modul ajar Pecahan',
      mediaKind: 'modul-ajar',
      ownerId: 'u-ani',
      ownerName: 'Bu Ani',
      updatedAt: '2026-11-22T10:00:00.000Z',
    },
    { stage: 'design', openFeedback: 2, openImprovements: 2 },
  ),
  item(
    'draft-slide',
    {
      title: 'Presentasi Tata Surya',
      mediaKind: 'presentasi',
      role: 'viewer',
      workspaceId: 'ws-smpn1',
      updatedAt: '2026-11-23T10:00:00.000Z',
    },
    { stage: 'design' },
  ),
  item('draft-own1', { title: 'Draf Pak Budi', role: 'owner', ownerId: 'u-budi', ownerName: 'Pak Budi' }),
];

/** Bu Sari's own drafts in three stages, and one she comments on. */
const teacherList: DraftListItem[] = [
  item('draft-s001', { title: 'LKPD Fotosintesis', role: 'owner', mediaKind: 'lkpd' }, { stage: 'try-out' }),
  item(
    'draft-s002',
    { title: 'Modul ajar Ekosistem', role: 'owner', mediaKind: 'modul-ajar' },
    { stage: 'follow-up', openFeedback: 1, actionsOpen: 3, openActionDueDays: [PAST_DAY, PAST_DAY, FUTURE_DAY] },
  ),
  item('draft-s003', { title: 'Bahan bacaan Air', role: 'owner' }, { stage: 'try-out', openFeedback: 4 }),
  item('draft-s004', { title: 'Slide Pak Dodi', role: 'commenter', ownerName: 'Pak Dodi' }, { stage: 'design' }),
];

let drafts: DraftListItem[] = mentorList;
function fakeServer(request: ApiRequest): Response {
  if (request.auth !== `Bearer ${TOKEN}`) return failure(401, 'unauthorized', 'no');
  if (request.path === '/api/me') {
    return json(200, { id: 'u-budi', name: 'Pak Budi', workspaces: [{ id: 'ws-smpn1', name: 'KKG SMPN 1' }] });
  }
  if (request.path === '/api/drafts') return json(200, { drafts });
  if (request.path === '/api/templates') return json(200, { templates: [] });
  return failure(404, 'not-found', 'no');
}

const render = (search: string) => mount(<EditorApp store={memoryStore({ token: TOKEN })} win={pageWindow(search)} />);

const rowIds = () => [...container.querySelectorAll('tbody tr')].map((row) => row.getAttribute('data-draft-id'));
const row = (id: string) => container.querySelector<HTMLTableRowElement>(`tr[data-draft-id="${id}"]`);
const cell = (id: string, column: string) => row(id)?.querySelector(`[data-column="${column}"]`)?.textContent;
const header = (name: string) =>
  [...container.querySelectorAll('thead th')].find((th) => th.textContent === name) as HTMLElement;
const chart = () =>
  Object.fromEntries(
    [...container.querySelectorAll('.stage-chart li')].map((li) => [
      li.querySelector('.stage-chart-label')?.textContent,
      Number(li.querySelector('.stage-chart-count')?.textContent),
    ]),
  );

const choose = (label: string, optionText: string) => chooseOption(field<HTMLSelectElement>(label), optionText);
const type = (label: string, text: string) => typeInto(field<HTMLInputElement>(label), text);

beforeEach(() => {
  drafts = mentorList;
  freshPage(fakeServer);
});

afterEach(closePage);

describe('the mentor overview', () => {
  it('lists every draft I mentor with teacher, media kind, stage and counts, and not my own drafts', async () => {
    await render('?view=overview');
    await untilElement('tbody tr');
    expect(container.querySelector('h1')?.textContent).toBe('Ikhtisar pendampingan');
    expect([...container.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual([
      'Guru',
      'Judul',
      'Jenis media',
      'Tahap',
      'Aktivitas terakhir',
      'Masukan terbuka',
      'Catatan pengamatan',
      'Tindak lanjut',
    ]);
    // Latest activity first.
    expect(rowIds()).toEqual(['draft-lkpd', 'draft-slide', 'draft-modul']);
    expect(row('draft-lkpd')?.querySelector('a')?.getAttribute('href')).toBe('editor.html?draft=draft-lkpd');
    expect(cell('draft-lkpd', 'teacher')).toBe('Bu Sari');
    expect(cell('draft-lkpd', 'title')).toBe('LKPD Fotosintesis');
    expect(cell('draft-lkpd', 'mediaKind')).toBe('LKPD');
    expect(cell('draft-lkpd', 'stage')).toBe('Tindak lanjut');
    expect(cell('draft-lkpd', 'observations')).toBe('3');
    expect(cell('draft-lkpd', 'actions')).toBe('2 terbuka1 terlambat');
    expect(row('draft-lkpd')?.dataset).toMatchObject({ actionsOpen: '2', actionsOverdue: '1', observations: '3' });
    expect(cell('draft-modul', 'openFeedback')).toBe('2');
    expect(cell('draft-modul', 'stage')).toBe('Rancangan & pengembangan');
    expect(cell('draft-slide', 'actions')).toBe('0 terbuka');
    expect(row('draft-own1')).toBeNull();
    expect(container.textContent).toContain('Menampilkan 3 dari 3 draf.');
  });

  it('shows a chart of drafts per stage with the numbers', async () => {
    await render('?view=overview');
    await untilElement('tbody tr');
    expect(container.querySelector('.stage-chart figcaption')?.textContent).toBe('Draf per tahap');
    expect(chart()).toEqual({
      'Analisis kebutuhan': 0,
      'Rancangan & pengembangan': 2,
      'Uji coba terbatas': 0,
      Refleksi: 0,
      'Tindak lanjut': 1,
    });
  });

  it('sorts by a column header and says the order with aria-sort; a second click turns it around', async () => {
    await render('?view=overview');
    await untilElement('tbody tr');
    expect(header('Aktivitas terakhir').getAttribute('aria-sort')).toBe('descending');
    await click(header('Guru').querySelector('button'));
    expect(header('Guru').getAttribute('aria-sort')).toBe('ascending');
    expect(header('Aktivitas terakhir').getAttribute('aria-sort')).toBe('none');
    expect(rowIds()).toEqual(['draft-modul', 'draft-lkpd', 'draft-slide']);
    await click(header('Guru').querySelector('button'));
    expect(header('Guru').getAttribute('aria-sort')).toBe('descending');
    expect(rowIds()).toEqual(['draft-lkpd', 'draft-slide', 'draft-modul']);
    await click(header('Tindak lanjut').querySelector('button'));
    expect(rowIds()[0]).toBe('draft-lkpd');
    await click(header('Tahap').querySelector('button'));
    expect(rowIds()).toEqual(['draft-slide', 'draft-modul', 'draft-lkpd']);
  });

  it('filters by stage, teacher, workspace, title and "needs attention"; the chart keeps every stage', async () => {
    await render('?view=overview');
    await untilElement('tbody tr');
    await choose('Tahap', 'Rancangan & pengembangan');
    expect(rowIds()).toEqual(['draft-slide', 'draft-modul']);
    expect(container.textContent).toContain('Menampilkan 2 dari 3 draf.');
    expect(chart()['Tindak lanjut']).toBe(1);

    await choose('Guru', 'Bu Sari');
    expect(rowIds()).toEqual(['draft-slide']);
    expect(chart()).toMatchObject({ 'Rancangan & pengembangan': 1, 'Tindak lanjut': 1 });

    await click(
      [...container.querySelectorAll('button')].find((b) => b.textContent === 'Hapus filter') as HTMLButtonElement,
    );
    expect(rowIds()).toHaveLength(3);

    await choose('Ruang kerja', 'KKG SMPN 1');
    expect(rowIds()).toEqual(['draft-lkpd', 'draft-slide']);
    await choose('Ruang kerja', 'Pribadi (tanpa ruang kerja)');
    expect(rowIds()).toEqual(['draft-modul']);
    await choose('Ruang kerja', 'Semua ruang kerja');

    await type('Cari judul', 'tata surya');
    expect(rowIds()).toEqual(['draft-slide']);
    await type('Cari judul', 'tidak ada');
    expect(container.textContent).toContain('Tidak ada draf yang cocok dengan filter ini.');
    await type('Cari judul', '');

    await click(field('Hanya yang perlu perhatian (masukan terbuka atau tindakan terlambat)'));
    expect(rowIds()).toEqual(['draft-lkpd', 'draft-modul']);
  });

  it('offline, shows the last known list with its counts and says from when', async () => {
    await render('?view=overview');
    await untilElement('tbody tr');
    await unmount();
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    await render('?view=overview');
    await untilElement('[data-testid="overview-stale"]');
    expect(container.querySelector('[data-testid="overview-stale"]')?.textContent).toMatch(
      /Server tidak dapat dihubungi.*Ini keadaan terakhir yang diketahui, per \d/,
    );
    expect(rowIds()).toEqual(['draft-lkpd', 'draft-slide', 'draft-modul']);
    expect(cell('draft-lkpd', 'stage')).toBe('Tindak lanjut');
    expect(cell('draft-lkpd', 'actions')).toBe('2 terbuka1 terlambat');
    expect(cell('draft-modul', 'openFeedback')).toBe('2');
  });

  it('shows a few hundred drafts at once, and filters them', async () => {
    drafts = Array.from({ length: 300 }, (_, i) =>
      item(
        `draft-${String(i).padStart(4, '0')}`,
        { title: `LKPD ${i}`, ownerId: `u-${i % 12}`, ownerName: `Guru ${i % 12}` },
        { stage: (['design', 'try-out', 'follow-up'] as const)[i % 3], openFeedback: i % 24 === 3 ? 1 : 0 },
      ),
    );
    await render('?view=overview');
    await untilElement('tbody tr');
    expect(container.querySelectorAll('tbody tr')).toHaveLength(300);
    expect(chart()).toMatchObject({ 'Rancangan & pengembangan': 100, 'Uji coba terbatas': 100, 'Tindak lanjut': 100 });
    await choose('Guru', 'Guru 3');
    expect(container.textContent).toContain('Menampilkan 25 dari 300 draf.');
    await click(field('Hanya yang perlu perhatian (masukan terbuka atau tindakan terlambat)'));
    expect(container.textContent).toContain('Menampilkan 13 dari 300 draf.');
  });

  it('tells a user who mentors nothing what will appear here', async () => {
    drafts = teacherList.filter((draft) => draft.role === 'owner');
    await render('?view=overview');
    await untilText('Belum ada draf yang Anda dampingi.');
    expect(container.textContent).toContain('Belum ada draf yang Anda dampingi.');
    expect(container.querySelector('table')).toBeNull();
  });
});

describe('the teacher home', () => {
  beforeEach(() => {
    drafts = teacherList;
  });

  it('groups my own drafts by stage, in cycle order, with a count for each (0 for empty stages)', async () => {
    await render('');
    await untilElement('li[data-stage="try-out"] a');
    const groups = [...container.querySelectorAll('ul[aria-label="Daftar draf"] > li')].map((li) => [
      li.getAttribute('data-stage'),
      li.querySelector('.stage-group-count')?.textContent,
      [...li.querySelectorAll('a')].map((a) => a.textContent),
    ]);
    expect(groups).toEqual([
      ['needs-analysis', '0 draf', []],
      ['design', '0 draf', []],
      ['try-out', '2 draf', ['LKPD Fotosintesis', 'Bahan bacaan Air']],
      ['reflection', '0 draf', []],
      ['follow-up', '1 draf', ['Modul ajar Ekosistem']],
    ]);
    expect(container.querySelector('li[data-stage="try-out"] h3')?.textContent).toContain('Uji coba terbatas');
  });

  it('says what is waiting for me: open feedback and overdue actions, each with its count', async () => {
    await render('');
    await untilElement('section.waiting-for-you li[data-overdue]');
    const section = container.querySelector('section.waiting-for-you');
    expect(section?.querySelector('h2')?.textContent).toBe('Menunggu Anda');
    const feedback = section?.querySelector('ul[aria-labelledby$="-feedback"]');
    expect([...(feedback?.querySelectorAll('li') ?? [])].map((li) => li.textContent)).toEqual([
      'Bahan bacaan Air 4 masukan terbuka',
      'Modul ajar Ekosistem 1 masukan terbuka',
    ]);
    const overdue = section?.querySelector('li[data-overdue]');
    expect(overdue?.textContent).toBe('Modul ajar Ekosistem 2 tindakan terlambat');
    expect(overdue?.querySelector('a')?.getAttribute('href')).toBe('editor.html?draft=draft-s002&view=plan');
    // A draft I only comment on is not waiting for me here.
    expect(section?.textContent).not.toContain('Slide Pak Dodi');
  });

  it('links to the mentor overview when I mentor a draft, and lists the drafts shared with me', async () => {
    await render('');
    await untilElement('ul[aria-label="Draf yang dibagikan kepada Anda"] li');
    const link = [...container.querySelectorAll('a')].find((a) => a.textContent === 'Buka ikhtisar pendampingan');
    expect(link?.getAttribute('href')).toBe('editor.html?view=overview');
    expect(container.textContent).toContain('1 draf guru lain dibagikan kepada Anda.');
    const shared = container.querySelector('ul[aria-label="Draf yang dibagikan kepada Anda"]');
    expect(shared?.querySelector('li[data-draft-id="draft-s004"]')?.textContent).toContain('Rancangan & pengembangan');
    // What is waiting and the lists come first; making a new draft after them.
    const titleField = field('Judul draf baru');
    const waiting = container.querySelector('section.waiting-for-you') as Node;
    expect(titleField.compareDocumentPosition(waiting) & Node.DOCUMENT_POSITION_PRECEDING).toBeTruthy();
  });

  it('without mentored drafts and with nothing waiting, says so and offers no overview link', async () => {
    drafts = [teacherList[0] as DraftListItem];
    await render('');
    await untilElement('ul[aria-label="Daftar draf"] a');
    await untilText('Tidak ada yang menunggu Anda saat ini.');
    expect(container.textContent).toContain('Tidak ada yang menunggu Anda saat ini.');
    expect([...container.querySelectorAll('a')].some((a) => a.textContent === 'Buka ikhtisar pendampingan')).toBe(
      false,
    );
  });
});
