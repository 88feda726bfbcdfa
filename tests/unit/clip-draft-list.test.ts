import { describe, expect, it } from 'vitest';
import {
  changedAgo,
  draftOpenAt,
  matchingDrafts,
  preselectedDraft,
  recentFirst,
} from '../../extension/clip/draft-list';

const drafts = [
  { id: 'draft-0001', title: 'LKPD Pecahan', ownerName: 'Bu Sari', updatedAt: '2026-03-01T08:00:00.000Z' },
  {
    id: 'draft-0002',
    title: 'Modul Ajar Fotosintesis',
    ownerName: 'Pak Andi',
    workspaceName: 'SMP Negeri 3 Ambon',
    updatedAt: '2026-03-05T08:00:00.000Z',
  },
  { id: 'draft-0003', title: 'LKPD Pecahan', ownerName: 'Bu Dewi Ayuningtyas', updatedAt: '2026-03-03T08:00:00.000Z' },
  // An older cached list had no time: it goes last.
  { id: 'draft-0004', title: 'Catatan lama' },
];

describe('the panel lists drafts the way a teacher looks for them', () => {
  it('lists the most recently changed draft first, undated ones last', () => {
    expect(recentFirst(drafts).map((draft) => draft.id)).toEqual([
      'draft-0002',
      'draft-0003',
      'draft-0001',
      'draft-0004',
    ]);
  });

  it('finds drafts by title ignoring case and accents: "Pecahan" and "pécahan" find "LKPD Pecahan"', () => {
    expect(matchingDrafts(drafts, 'pecahan').map((draft) => draft.id)).toEqual(['draft-0001', 'draft-0003']);
    expect(matchingDrafts(drafts, 'PÉCAHAN').map((draft) => draft.id)).toEqual(['draft-0001', 'draft-0003']);
  });

  it('finds drafts by owner and by workspace, every typed word counting', () => {
    expect(matchingDrafts(drafts, 'dewi').map((draft) => draft.id)).toEqual(['draft-0003']);
    expect(matchingDrafts(drafts, 'ambon').map((draft) => draft.id)).toEqual(['draft-0002']);
    expect(matchingDrafts(drafts, 'pecahan sari').map((draft) => draft.id)).toEqual(['draft-0001']);
    expect(matchingDrafts(drafts, 'pecahan ambon')).toEqual([]);
  });

  it('an empty search keeps the whole list', () => {
    expect(matchingDrafts(drafts, '   ')).toHaveLength(4);
  });
});

describe('which draft the panel chooses first', () => {
  const origins = ['chrome-extension://abcdefgh', 'https://dampingi.sekolah.id'];

  it('reads the draft from an editor page of the extension or of its server', () => {
    expect(draftOpenAt('chrome-extension://abcdefgh/editor.html?draft=draft-0003', origins)).toBe('draft-0003');
    expect(draftOpenAt('https://dampingi.sekolah.id/editor.html?draft=draft-0002&view=observe', origins)).toBe(
      'draft-0002',
    );
  });

  it('ignores other sites, other pages and the home list', () => {
    expect(draftOpenAt('https://evil.example/editor.html?draft=draft-0003', origins)).toBeNull();
    expect(draftOpenAt('https://dampingi.sekolah.id/join.html?draft=draft-0003', origins)).toBeNull();
    expect(draftOpenAt('https://dampingi.sekolah.id/editor.html', origins)).toBeNull();
    expect(draftOpenAt('not a url', origins)).toBeNull();
    expect(draftOpenAt(null, origins)).toBeNull();
  });

  it('prefers the draft open in the tab, then the last chosen, then the most recent', () => {
    expect(preselectedDraft(drafts, { openDraftId: 'draft-0003', lastDraftId: 'draft-0001' })).toBe('draft-0003');
    expect(preselectedDraft(drafts, { openDraftId: null, lastDraftId: 'draft-0001' })).toBe('draft-0001');
    // A draft open in the tab that the user may not clip into (not offered) is passed over.
    expect(preselectedDraft(drafts, { openDraftId: 'draft-9999', lastDraftId: 'draft-9998' })).toBe('draft-0002');
    expect(preselectedDraft([], { openDraftId: null, lastDraftId: null })).toBeNull();
  });
});

describe('"diubah 3 hari lalu": how long ago a draft changed', () => {
  const now = Date.parse('2026-03-08T08:00:00.000Z');

  it('counts in the largest whole unit', () => {
    expect(changedAgo('2026-03-08T07:59:30.000Z', now)).toBe('now');
    expect(changedAgo('2026-03-08T07:15:00.000Z', now)).toEqual({ unit: 'minute', count: 45 });
    expect(changedAgo('2026-03-08T03:00:00.000Z', now)).toEqual({ unit: 'hour', count: 5 });
    expect(changedAgo('2026-03-05T08:00:00.000Z', now)).toEqual({ unit: 'day', count: 3 });
    expect(changedAgo('2025-12-01T08:00:00.000Z', now)).toEqual({ unit: 'month', count: 3 });
    expect(changedAgo('2024-01-01T08:00:00.000Z', now)).toEqual({ unit: 'year', count: 2 });
  });
});
