/**
 * A draft's summary (../model/draft-summary.ts) computed from its whole mentoring document: for
 * drafts whose room is not loaded. A loaded room keeps it up to date as updates arrive instead
 * (./mentoring-index.ts).
 */
import type * as Y from 'yjs';
import type { DraftSummary } from '../model/draft-summary';
import { readActions, readObservations, readStageMoves, stageOfMoves } from './cycle-doc';
import { readThreads } from './threads';

/** The summary of a draft's mentoring document as it is now. */
export function summarizeMentoringDoc(doc: Y.Doc): DraftSummary {
  const open = readThreads(doc).threads.filter((thread) => thread.status === 'open');
  const moves = readStageMoves(doc);
  const actions = readActions(doc);
  const openActions = actions.filter((action) => action.status === 'open');
  return {
    stage: stageOfMoves(moves),
    stageChangedAt: moves.at(-1)?.at ?? null,
    openFeedback: open.length,
    openStrengths: open.filter((thread) => thread.kind === 'strength').length,
    openImprovements: open.filter((thread) => thread.kind === 'improvement').length,
    observations: readObservations(doc).length,
    actionsOpen: openActions.length,
    actionsDone: actions.length - openActions.length,
    openActionDueDays: openActions
      .map((action) => action.due)
      .filter((due): due is string => due !== null)
      .sort(),
  };
}
