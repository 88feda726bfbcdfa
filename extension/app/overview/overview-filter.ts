/** Filtering the mentor overview: by stage, teacher, workspace, words of the title, and "needs attention". */
import type { Stage } from '../../../shared/model/stages';
import { type OverviewRow, searchKey } from './overview-rows';

/** The workspace filter's value for personal drafts ('~' is not allowed in workspace ids). */
export const PERSONAL_WORKSPACE = '~personal';

export interface OverviewFilter {
  stage: Stage | null;
  teacherId: string | null;
  /** A workspace id, PERSONAL_WORKSPACE, or null for all. */
  workspace: string | null;
  text: string;
  needsAttention: boolean;
}

export const NO_FILTER: OverviewFilter = {
  stage: null,
  teacherId: null,
  workspace: null,
  text: '',
  needsAttention: false,
};

export function isFiltered(filter: OverviewFilter): boolean {
  return (
    filter.stage !== null ||
    filter.teacherId !== null ||
    filter.workspace !== null ||
    filter.text.trim() !== '' ||
    filter.needsAttention
  );
}

/**
 * The rows that pass every filter but those named in `ignore` (the stage chart ignores the stage
 * filter, so it still shows where the other drafts stand). Every word of the text must occur in the title.
 */
export function filterRows(
  rows: readonly OverviewRow[],
  filter: OverviewFilter,
  ignore: readonly (keyof OverviewFilter)[] = [],
): OverviewRow[] {
  const uses = (key: keyof OverviewFilter) => !ignore.includes(key);
  const words = uses('text') ? searchKey(filter.text).split(/\s+/).filter(Boolean) : [];
  const workspace = uses('workspace') ? filter.workspace : null;
  return rows.filter(
    (row) =>
      (!uses('stage') || filter.stage === null || row.stage === filter.stage) &&
      (!uses('teacherId') || filter.teacherId === null || row.teacherId === filter.teacherId) &&
      (workspace === null || (row.workspaceId ?? PERSONAL_WORKSPACE) === workspace) &&
      (!uses('needsAttention') || !filter.needsAttention || row.needsAttention) &&
      words.every((word) => row.titleKey.includes(word)),
  );
}

/** The teachers of the rows, each once, by name. */
export function teacherOptions(rows: readonly OverviewRow[]): { id: string; name: string }[] {
  const byId = new Map<string, string>();
  for (const row of rows) byId.set(row.teacherId, row.teacherName);
  return [...byId]
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'id') || (a.id < b.id ? -1 : 1));
}

/** The workspaces of the rows, each once (PERSONAL_WORKSPACE for personal drafts), in first-seen order. */
export function workspaceOptions(rows: readonly OverviewRow[]): string[] {
  return [...new Set(rows.map((row) => row.workspaceId ?? PERSONAL_WORKSPACE))];
}
