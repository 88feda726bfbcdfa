// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { offlineCache } from '../../extension/app/common/offline-cache';
import { activityTime } from '../../extension/app/overview/activity-time';
import {
  filterRows,
  isFiltered,
  NO_FILTER,
  PERSONAL_WORKSPACE,
  teacherOptions,
  workspaceOptions,
} from '../../extension/app/overview/overview-filter';
import { mentoredRows, type OverviewRow, overviewRow } from '../../extension/app/overview/overview-rows';
import { DEFAULT_SORT, nextSort, type SortColumn, sortRows } from '../../extension/app/overview/overview-sort';
import { countByStage, groupByStage } from '../../extension/app/overview/stage-groups';
import { waitingForYou } from '../../extension/app/overview/waiting-for-you';
import * as overviewStrings from '../../shared/i18n/catalogs/overview';
import { type DraftSummary, EMPTY_SUMMARY } from '../../shared/model/draft-summary';
import { stages } from '../../shared/model/stages';
import { type DraftListItem, DraftListItemSchema } from '../../shared/protocol/api';

const TODAY = '2026-11-25';

function item(
  id: string,
  fields: Partial<Omit<DraftListItem, 'summary'>> = {},
  summary: Partial<DraftSummary> = {},
): DraftListItem {
  return DraftListItemSchema.parse({
    id,
    title: `Draf ${id}`,
    ownerId: 'u-sari',
    ownerName: 'Bu Sari',
    createdAt: '2026-11-01T08:00:00.000Z',
    updatedAt: '2026-11-20T08:00:00.000Z',
    role: 'commenter',
    ...fields,
    summary: { ...EMPTY_SUMMARY, ...summary },
  });
}

const drafts: DraftListItem[] = [
  item(
    'draft-aaaa',
    {
      title: 'LKPD Fotosintesis',
      mediaKind: 'lkpd',
      workspaceId: 'ws-smpn1',
      updatedAt: '2026-11-24T10:00:00.000Z',
    },
    {
      stage: 'follow-up',
      openFeedback: 2,
      observations: 3,
      actionsOpen: 2,
      openActionDueDays: ['2026-11-20', '2026-12-01'],
    },
  ),
  item(
    'draft-bbbb',
    {
      title: 'Modul ajar Pecahan',
      mediaKind: 'modul-ajar',
      ownerId: 'u-budi',
      ownerName: 'Pak Budi',
      updatedAt: '2026-11-22T10:00:00.000Z',
    },
    { stage: 'design', observations: 0 },
  ),
  item(
    'draft-cccc',
    {
      title: 'Bahan bacaan Ekosistem',
      mediaKind: 'bahan-bacaan',
      ownerId: 'u-ani',
      ownerName: 'Bu Ani',
      workspaceId: 'ws-smpn1',
      updatedAt: '2026-11-23T10:00:00.000Z',
    },
    { stage: 'try-out', observations: 7, actionsOpen: 1, openActionDueDays: ['2026-11-24'] },
  ),
  item('draft-mine', { title: 'Draf saya', role: 'owner', updatedAt: '2026-11-25T07:00:00.000Z' }),
];
const rows = mentoredRows(drafts, TODAY);
const ids = (list: OverviewRow[]) => list.map((row) => row.id);

describe('overview rows', () => {
  it('take only the drafts I do not own, with their counts and overdue actions as of today', () => {
    expect(ids(rows)).toEqual(['draft-aaaa', 'draft-bbbb', 'draft-cccc']);
    const first = rows[0];
    expect(first).toMatchObject({
      teacherName: 'Bu Sari',
      mediaKind: 'lkpd',
      stage: 'follow-up',
      openFeedback: 2,
      observations: 3,
      actionsOpen: 2,
      actionsOverdue: 1,
      needsAttention: true,
      workspaceId: 'ws-smpn1',
    });
    expect(rows[1]?.needsAttention).toBe(false);
  });

  it('count overdue against the given day: a due day becomes overdue only after it has passed', () => {
    const draft = drafts[2] as DraftListItem;
    expect(overviewRow(draft, '2026-11-24').actionsOverdue).toBe(0);
    expect(overviewRow(draft, '2026-11-25').actionsOverdue).toBe(1);
    expect(overviewRow(drafts[0] as DraftListItem, '2026-12-02').actionsOverdue).toBe(2);
  });

  it('take the open feedback from an older server that sends only the top-level count', () => {
    const old = DraftListItemSchema.parse({ ...drafts[1], summary: undefined, openFeedback: 4 });
    expect(overviewRow(old, TODAY).openFeedback).toBe(4);
    expect(overviewRow(old, TODAY).needsAttention).toBe(true);
  });
});

describe('sorting the overview', () => {
  const cases: [SortColumn, string[]][] = [
    ['teacher', ['draft-cccc', 'draft-aaaa', 'draft-bbbb']], // Bu Ani, Bu Sari, Pak Budi
    ['title', ['draft-cccc', 'draft-aaaa', 'draft-bbbb']], // Bahan…, LKPD…, Modul…
    ['mediaKind', ['draft-bbbb', 'draft-aaaa', 'draft-cccc']], // modul ajar, LKPD, bahan bacaan
    ['stage', ['draft-bbbb', 'draft-cccc', 'draft-aaaa']], // design, try-out, follow-up
    ['updatedAt', ['draft-bbbb', 'draft-cccc', 'draft-aaaa']],
    ['openFeedback', ['draft-cccc', 'draft-bbbb', 'draft-aaaa']], // 0, 0 (ties: latest first), 2
    ['observations', ['draft-bbbb', 'draft-aaaa', 'draft-cccc']],
    ['actions', ['draft-bbbb', 'draft-cccc', 'draft-aaaa']], // overdue 0; 1 overdue + 1 open; 1 overdue + 2 open
  ];
  for (const [column, ascending] of cases) {
    it(`by ${column}, both ways`, () => {
      expect(ids(sortRows(rows, { column, direction: 'ascending' }))).toEqual(ascending);
      const descending = ids(sortRows(rows, { column, direction: 'descending' }));
      if (column === 'openFeedback') expect(descending).toEqual(['draft-aaaa', 'draft-cccc', 'draft-bbbb']);
      else expect(descending).toEqual([...ascending].reverse());
    });
  }

  it('starts with the latest activity; names start A→Z, counts most first; a second click turns around', () => {
    expect(ids(sortRows(rows, DEFAULT_SORT))).toEqual(['draft-aaaa', 'draft-cccc', 'draft-bbbb']);
    expect(nextSort(DEFAULT_SORT, 'teacher')).toEqual({ column: 'teacher', direction: 'ascending' });
    expect(nextSort(DEFAULT_SORT, 'openFeedback')).toEqual({ column: 'openFeedback', direction: 'descending' });
    expect(nextSort({ column: 'teacher', direction: 'ascending' }, 'teacher')).toEqual({
      column: 'teacher',
      direction: 'descending',
    });
  });

  it('does not change the list it is given', () => {
    const before = ids(rows);
    sortRows(rows, { column: 'title', direction: 'descending' });
    expect(ids(rows)).toEqual(before);
  });
});

describe('filtering the overview', () => {
  it('by stage, teacher, workspace (personal drafts too) and needs-attention', () => {
    expect(ids(filterRows(rows, { ...NO_FILTER, stage: 'try-out' }))).toEqual(['draft-cccc']);
    expect(ids(filterRows(rows, { ...NO_FILTER, teacherId: 'u-budi' }))).toEqual(['draft-bbbb']);
    expect(ids(filterRows(rows, { ...NO_FILTER, workspace: 'ws-smpn1' }))).toEqual(['draft-aaaa', 'draft-cccc']);
    expect(ids(filterRows(rows, { ...NO_FILTER, workspace: PERSONAL_WORKSPACE }))).toEqual(['draft-bbbb']);
    expect(ids(filterRows(rows, { ...NO_FILTER, needsAttention: true }))).toEqual(['draft-aaaa', 'draft-cccc']);
    expect(ids(filterRows(rows, { ...NO_FILTER, workspace: 'ws-smpn1', stage: 'design' }))).toEqual([]);
  });

  it('by every word of the title, ignoring case and accents', () => {
    expect(ids(filterRows(rows, { ...NO_FILTER, text: 'lkpd' }))).toEqual(['draft-aaaa']);
    expect(ids(filterRows(rows, { ...NO_FILTER, text: '  ékosistem  bacaan ' }))).toEqual(['draft-cccc']);
    expect(ids(filterRows(rows, { ...NO_FILTER, text: 'lkpd pecahan' }))).toEqual([]);
    expect(filterRows(rows, { ...NO_FILTER, text: '   ' })).toHaveLength(3);
  });

  it('can leave one filter out (the chart ignores the stage filter)', () => {
    const filter = { ...NO_FILTER, stage: 'design' as const, workspace: 'ws-smpn1' };
    expect(ids(filterRows(rows, filter, ['stage']))).toEqual(['draft-aaaa', 'draft-cccc']);
    expect(isFiltered(NO_FILTER)).toBe(false);
    expect(isFiltered(filter)).toBe(true);
  });

  it('offers each teacher once by name, and each workspace once', () => {
    expect(teacherOptions(rows)).toEqual([
      { id: 'u-ani', name: 'Bu Ani' },
      { id: 'u-sari', name: 'Bu Sari' },
      { id: 'u-budi', name: 'Pak Budi' },
    ]);
    expect(workspaceOptions(rows)).toEqual(['ws-smpn1', PERSONAL_WORKSPACE]);
  });
});

describe('stages and what is waiting', () => {
  it('groups into all five stages in cycle order, empty ones included', () => {
    const groups = groupByStage(rows, (row) => row.stage);
    expect(groups.map((group) => group.stage)).toEqual([...stages]);
    expect(groups.map((group) => ids(group.items))).toEqual([[], ['draft-bbbb'], ['draft-cccc'], [], ['draft-aaaa']]);
    expect(countByStage(rows, (row) => row.stage)).toEqual({
      'needs-analysis': 0,
      design: 1,
      'try-out': 1,
      reflection: 0,
      'follow-up': 1,
    });
  });

  it('lists drafts with open feedback and with overdue actions, the most waiting first', () => {
    const waiting = waitingForYou(drafts, TODAY);
    expect(waiting.feedback.map(({ draft, count }) => [draft.id, count])).toEqual([['draft-aaaa', 2]]);
    expect(waiting.overdue.map(({ draft, count }) => [draft.id, count])).toEqual([
      ['draft-aaaa', 1],
      ['draft-cccc', 1],
    ]);
    expect(waitingForYou(drafts, '2026-11-01').overdue).toEqual([]);
  });
});

describe('last activity', () => {
  const now = Date.parse('2026-11-25T12:00:00.000Z');
  it('is relative within a week and a date before, in both languages', () => {
    expect(activityTime('2026-11-25T09:00:00.000Z', now, 'id')).toBe('3 jam yang lalu');
    expect(activityTime('2026-11-25T09:00:00.000Z', now, 'en')).toBe('3 hours ago');
    expect(activityTime('2026-11-24T11:00:00.000Z', now, 'id')).toBe('kemarin');
    expect(activityTime('2026-11-01T11:00:00.000Z', now, 'id')).toBe('1 Nov 2026');
  });
});

describe('the offline cache keeps what the overviews need', () => {
  it('keeps each draft summary and says when the list was saved', () => {
    localStorage.clear();
    const cache = offlineCache(localStorage, 'http://localhost:8787');
    expect(cache.loadDraftsSavedAt()).toBeNull();
    const before = Date.now();
    cache.saveDrafts(drafts);
    expect(cache.loadDrafts()).toEqual(drafts);
    const savedAt = Date.parse(cache.loadDraftsSavedAt() ?? '');
    expect(savedAt).toBeGreaterThanOrEqual(before);
    expect(savedAt).toBeLessThanOrEqual(Date.now());
  });
});

describe('the overview strings', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
  it('exist in Bahasa Indonesia and English with the same placeholders', () => {
    const id: Record<string, string> = overviewStrings.id;
    const en: Record<string, string> = overviewStrings.en;
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
    for (const key of Object.keys(id)) {
      expect(id[key]?.trim(), key).not.toBe('');
      expect(en[key]?.trim(), key).not.toBe('');
      expect(placeholders(en[key] ?? ''), key).toEqual(placeholders(id[key] ?? ''));
    }
  });
});
