/**
 * The overviews' rows: each draft of the list flattened once (counts, today's overdue actions, a
 * search key for its title), so that sorting and filtering a few hundred drafts never re-reads a
 * summary or normalises a title again.
 */
import type { Role } from '../../../shared/auth/roles';
import { overdueActions } from '../../../shared/model/draft-summary';
import type { MediaKind } from '../../../shared/model/media-kinds';
import type { Stage } from '../../../shared/model/stages';
import type { DraftListItem } from '../../../shared/protocol/api';

export interface OverviewRow {
  id: string;
  title: string;
  /** The title lower-cased and without diacritics, what the search compares against. */
  titleKey: string;
  teacherId: string;
  teacherName: string;
  /** Null for a personal draft. */
  workspaceId: string | null;
  role: Role;
  mediaKind: MediaKind;
  stage: Stage;
  updatedAt: string;
  updatedMs: number;
  openFeedback: number;
  observations: number;
  actionsOpen: number;
  actionsOverdue: number;
  /** Overdue actions or open feedback: what a mentor should look at first. */
  needsAttention: boolean;
}

/** Lower case without accents, so "analisis" finds "Análisis" and "LKPD" finds "lkpd". */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();
}

/**
 * Open feedback of a list item. Servers before the summary sent only the top-level count (and the
 * summary then reads as empty); newer ones send both, equal.
 */
export function openFeedbackOf(draft: Pick<DraftListItem, 'openFeedback' | 'summary'>): number {
  return Math.max(draft.openFeedback, draft.summary.openFeedback);
}

/** `today`: the reader's local day (YYYY-MM-DD), which overdue is measured against. */
export function overviewRow(draft: DraftListItem, today: string): OverviewRow {
  const { summary } = draft;
  const openFeedback = openFeedbackOf(draft);
  const actionsOverdue = overdueActions(summary, today);
  const updatedMs = Date.parse(draft.updatedAt);
  return {
    id: draft.id,
    title: draft.title,
    titleKey: searchKey(draft.title),
    teacherId: draft.ownerId,
    teacherName: draft.ownerName,
    workspaceId: draft.workspaceId ?? null,
    role: draft.role,
    mediaKind: draft.mediaKind,
    stage: summary.stage,
    updatedAt: draft.updatedAt,
    updatedMs: Number.isNaN(updatedMs) ? 0 : updatedMs,
    openFeedback,
    observations: summary.observations,
    actionsOpen: summary.actionsOpen,
    actionsOverdue,
    needsAttention: actionsOverdue > 0 || openFeedback > 0,
  };
}

/** Drafts I take part in without owning them: those I mentor (commenter), co-edit or view. */
export function isMentored(draft: Pick<DraftListItem, 'role'>): boolean {
  return draft.role !== 'owner';
}

export function mentoredRows(drafts: readonly DraftListItem[], today: string): OverviewRow[] {
  return drafts.filter(isMentored).map((draft) => overviewRow(draft, today));
}
