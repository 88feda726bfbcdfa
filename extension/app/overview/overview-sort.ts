/** Sorting the mentor overview by any of its columns; ties fall back to the latest activity, then the id. */

import { stageIndex } from '../../../shared/mentoring/stage-moves';
import { mediaKinds } from '../../../shared/model/media-kinds';
import type { OverviewRow } from './overview-rows';

export const sortColumns = [
  'teacher',
  'title',
  'mediaKind',
  'stage',
  'updatedAt',
  'openFeedback',
  'observations',
  'actions',
] as const;
export type SortColumn = (typeof sortColumns)[number];
/** The values of `aria-sort`, so the table header says the order as it is. */
export type SortDirection = 'ascending' | 'descending';
export interface SortOrder {
  column: SortColumn;
  direction: SortDirection;
}

/** Latest activity first: what a mentor opens the overview for. */
export const DEFAULT_SORT: SortOrder = { column: 'updatedAt', direction: 'descending' };

const textColumns: readonly SortColumn[] = ['teacher', 'title', 'mediaKind', 'stage'];

/** Where a column starts when first chosen: names and stages from the start, dates and counts most first. */
export function firstDirection(column: SortColumn): SortDirection {
  return textColumns.includes(column) ? 'ascending' : 'descending';
}

/** A header clicked: the same column turns around, another one starts in its own first direction. */
export function nextSort(current: SortOrder, column: SortColumn): SortOrder {
  if (current.column === column) {
    return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  return { column, direction: firstDirection(column) };
}

// Indonesian collation is fine for English titles too; numeric so "LKPD 2" comes before "LKPD 10".
const collator = new Intl.Collator('id', { sensitivity: 'base', numeric: true });

const compareBy: Record<SortColumn, (a: OverviewRow, b: OverviewRow) => number> = {
  teacher: (a, b) => collator.compare(a.teacherName, b.teacherName),
  title: (a, b) => collator.compare(a.title, b.title),
  // Media kinds in the order the templates are offered (modul ajar, LKPD, …, blank last).
  mediaKind: (a, b) => mediaKinds.indexOf(a.mediaKind) - mediaKinds.indexOf(b.mediaKind),
  // Stages in cycle order, not alphabetically.
  stage: (a, b) => stageIndex(a.stage) - stageIndex(b.stage),
  updatedAt: (a, b) => a.updatedMs - b.updatedMs,
  openFeedback: (a, b) => a.openFeedback - b.openFeedback,
  observations: (a, b) => a.observations - b.observations,
  // Overdue weighs first (it is what needs doing), then all open actions.
  actions: (a, b) => a.actionsOverdue - b.actionsOverdue || a.actionsOpen - b.actionsOpen,
};

/** A sorted copy; equal rows keep a fixed order (latest activity, then id) in either direction. */
export function sortRows(rows: readonly OverviewRow[], order: SortOrder): OverviewRow[] {
  const compare = compareBy[order.column];
  const sign = order.direction === 'ascending' ? 1 : -1;
  return [...rows].sort(
    (a, b) => sign * compare(a, b) || b.updatedMs - a.updatedMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
