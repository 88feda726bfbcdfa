/**
 * A draft's summary for the overviews: computed by the server from the mentoring document
 * (../mentoring/summary.ts) and stored beside the draft, so that listing a few hundred drafts never
 * loads their documents. Overdue is not stored (it changes with the date, not with edits): the open
 * actions' due days are, and the reader compares them with its own today.
 */
import { z } from 'zod';
import { DaySchema } from './calendar-day';
import { FIRST_STAGE, StageSchema } from './stages';

export const DraftSummarySchema = z.object({
  stage: StageSchema,
  /** When the stage last moved; null while the draft is still in its first stage. */
  stageChangedAt: z.iso.datetime().nullable(),
  /** Feedback threads still open. */
  openFeedback: z.number().int().nonnegative(),
  /** Open threads by kind, for "keep" and "fix" at a glance. */
  openStrengths: z.number().int().nonnegative(),
  openImprovements: z.number().int().nonnegative(),
  /** Classroom observation notes (not deleted). */
  observations: z.number().int().nonnegative(),
  actionsOpen: z.number().int().nonnegative(),
  actionsDone: z.number().int().nonnegative(),
  /** Due days of the open actions that have one, earliest first. */
  openActionDueDays: z.array(DaySchema).max(1000),
});
export type DraftSummary = z.infer<typeof DraftSummarySchema>;

export const EMPTY_SUMMARY: DraftSummary = {
  stage: FIRST_STAGE,
  stageChangedAt: null,
  openFeedback: 0,
  openStrengths: 0,
  openImprovements: 0,
  observations: 0,
  actionsOpen: 0,
  actionsDone: 0,
  openActionDueDays: [],
};

/** Open actions past their day, as of `today` (YYYY-MM-DD, the reader's local day). */
export function overdueActions(summary: Pick<DraftSummary, 'openActionDueDays'>, today: string): number {
  return summary.openActionDueDays.filter((due) => due < today).length;
}
