/**
 * What the server keeps read of a draft's mentoring document while its room is loaded: per entry,
 * the few facts the draft's summary and limits need. Kept up to date from each transaction's
 * touched entries, so a small change costs a small re-read, never a pass over the whole document
 * (observation photos alone may make it megabytes).
 */
import type * as Y from 'yjs';
import type { DraftSummary } from '../model/draft-summary';
import { isSafeId, readPlain } from '../model/plain-data';
import { type TouchedRoot, touchedEntries } from '../model/touched-entries';
import {
  ACTIONS_FIELD,
  actionsMap,
  OBSERVATIONS_FIELD,
  observationsMap,
  readStageMoves,
  STAGE_MOVES_FIELD,
  stageOfMoves,
} from './cycle-doc';
import { FollowUpActionSchema, ObservationSchema, type StageMove } from './cycle-schema';
import type { FeedbackKind, ThreadStatus } from './thread-schema';
import { parseThread, THREADS_FIELD, threadsMap } from './threads';

interface ThreadFacts {
  status: ThreadStatus;
  kind: FeedbackKind;
}
interface ObservationFacts {
  deleted: boolean;
  photoChars: number;
}
interface ActionFacts {
  open: boolean;
  due: string | null;
}

export class MentoringIndex {
  private readonly threads = new Map<string, ThreadFacts>();
  private readonly observations = new Map<string, ObservationFacts>();
  private readonly actions = new Map<string, ActionFacts>();
  private stageMoves: StageMove[] = [];
  private photos = 0;

  constructor(private readonly doc: Y.Doc) {
    for (const key of threadsMap(doc).keys()) this.readThread(key);
    for (const key of observationsMap(doc).keys()) this.readObservation(key);
    for (const key of actionsMap(doc).keys()) this.readAction(key);
    this.stageMoves = readStageMoves(doc);
    doc.on('afterTransaction', this.follow);
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.follow);
  }

  /** Characters of every live observation photo (data URLs), for the per-draft photo limit. */
  get photoChars(): number {
    return this.photos;
  }

  /** The same summary `summarizeMentoringDoc` computes from the whole document. */
  summary(): DraftSummary {
    const threads = [...this.threads.values()].filter((thread) => thread.status === 'open');
    const actions = [...this.actions.values()];
    const open = actions.filter((action) => action.open);
    return {
      stage: stageOfMoves(this.stageMoves),
      stageChangedAt: this.stageMoves.at(-1)?.at ?? null,
      openFeedback: threads.length,
      openStrengths: threads.filter((thread) => thread.kind === 'strength').length,
      openImprovements: threads.filter((thread) => thread.kind === 'improvement').length,
      observations: [...this.observations.values()].filter((note) => !note.deleted).length,
      actionsOpen: open.length,
      actionsDone: actions.length - open.length,
      openActionDueDays: open
        .map((action) => action.due)
        .filter((due): due is string => due !== null)
        .sort(),
    };
  }

  private readonly follow = (transaction: Y.Transaction): void => {
    let touched: Map<string, TouchedRoot>;
    try {
      touched = touchedEntries(transaction);
    } catch {
      // Nothing the checker lets through; re-read everything rather than drift.
      touched = new Map([
        [THREADS_FIELD, { keys: new Set(threadsMap(this.doc).keys()), list: false }],
        [OBSERVATIONS_FIELD, { keys: new Set(observationsMap(this.doc).keys()), list: false }],
        [ACTIONS_FIELD, { keys: new Set(actionsMap(this.doc).keys()), list: false }],
        [STAGE_MOVES_FIELD, { keys: new Set(), list: true }],
      ]);
    }
    for (const key of touched.get(THREADS_FIELD)?.keys ?? []) this.readThread(key);
    for (const key of touched.get(OBSERVATIONS_FIELD)?.keys ?? []) this.readObservation(key);
    for (const key of touched.get(ACTIONS_FIELD)?.keys ?? []) this.readAction(key);
    if (touched.get(STAGE_MOVES_FIELD)?.list) this.stageMoves = readStageMoves(this.doc);
  };

  private readThread(key: string): void {
    const thread = isSafeId(key) ? parseThread(readPlain(threadsMap(this.doc).get(key))) : null;
    if (thread && thread.id === key) this.threads.set(key, { status: thread.status, kind: thread.kind });
    else this.threads.delete(key);
  }

  private readObservation(key: string): void {
    this.photos -= this.observations.get(key)?.photoChars ?? 0;
    const parsed = isSafeId(key) ? ObservationSchema.safeParse(readPlain(observationsMap(this.doc).get(key))) : null;
    if (parsed?.success && parsed.data.id === key) {
      const photoChars = parsed.data.deleted ? 0 : (parsed.data.photo?.length ?? 0);
      this.observations.set(key, { deleted: parsed.data.deleted, photoChars });
      this.photos += photoChars;
    } else {
      this.observations.delete(key);
    }
  }

  private readAction(key: string): void {
    const parsed = isSafeId(key) ? FollowUpActionSchema.safeParse(readPlain(actionsMap(this.doc).get(key))) : null;
    if (parsed?.success && parsed.data.id === key) {
      this.actions.set(key, { open: parsed.data.status === 'open', due: parsed.data.due });
    } else {
      this.actions.delete(key);
    }
  }
}
