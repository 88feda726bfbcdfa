/**
 * Checks every update to a draft's mentoring document (threads, stage history, observations,
 * reflections, plan) before the server stores it, at a cost that grows with the update, not with
 * the document. A mirror of the document takes the update first; the transaction says which
 * entries it touched, and only those are read — before from the document, after from the mirror —
 * and judged by the rules (../feedback/feedback-rules.ts, ../cycle/cycle-rules.ts). A refused
 * update leaves the mirror ahead of the document, so the mirror is rebuilt then (rare: honest
 * clients follow the same rules).
 */
import * as Y from 'yjs';
import { ACTIONS_FIELD, OBSERVATIONS_FIELD, REFLECTIONS_FIELD, STAGE_MOVES_FIELD } from '../cycle/cycle-doc';
import {
  checkActionChanges,
  checkObservationChanges,
  checkReflectionChanges,
  checkStageMoves,
} from '../cycle/cycle-rules';
import { ItemRefSchema, OVERALL_REFLECTION_KEY } from '../cycle/cycle-schema';
import { THREADS_FIELD } from '../feedback/feedback-doc';
import {
  checkThreadChanges,
  type EntryChange,
  type FeedbackActor,
  type FeedbackCheck,
  OK,
  refuse,
} from '../feedback/feedback-rules';
import { isSafeId, NOT_PLAIN, type PlainValue, readPlain } from '../model/plain-data';
import { type TouchedRoot, touchedEntries } from '../model/touched-entries';
import { MentoringIndex } from './mentoring-index';

export interface MentoringLimits {
  /** The document's encoded size; deletions count until it is next loaded (an estimate that errs high). */
  maxDocumentBytes: number;
  /** Every live observation photo of the draft together, in data-URL characters. */
  maxPhotoChars: number;
}

/** The map parts of the document and what their keys look like; `stageMoves` is its one list. */
const mapRoots: ReadonlyMap<string, (key: string) => boolean> = new Map([
  [THREADS_FIELD, isSafeId],
  [OBSERVATIONS_FIELD, isSafeId],
  [ACTIONS_FIELD, isSafeId],
  [REFLECTIONS_FIELD, (key: string) => key === OVERALL_REFLECTION_KEY || ItemRefSchema.safeParse(key).success],
]);

export class MentoringChecker {
  private mirror: Y.Doc;
  private documentBytes: number;

  constructor(
    private readonly doc: Y.Doc,
    private readonly index: MentoringIndex,
    private readonly limits: MentoringLimits,
  ) {
    const state = Y.encodeStateAsUpdate(doc);
    this.documentBytes = state.byteLength;
    this.mirror = documentFrom(state);
    doc.on('update', this.follow);
  }

  destroy(): void {
    this.doc.off('update', this.follow);
    this.mirror.destroy();
  }

  /** Whether `actor` may make `update`; the document is not changed either way. */
  check(update: Uint8Array, actor: FeedbackActor): FeedbackCheck {
    if (this.documentBytes + update.byteLength > this.limits.maxDocumentBytes) {
      return refuse('document-full', `the document would exceed ${this.limits.maxDocumentBytes} bytes`);
    }
    const result = this.judge(update, actor);
    if (!result.ok) this.rebuildMirror();
    return result;
  }

  /** Everything the document takes (accepted here, loaded, or from another process) the mirror takes too. */
  private readonly follow = (update: Uint8Array): void => {
    this.documentBytes += update.byteLength;
    // Mostly an update the mirror already has from `check`: Yjs skips what it knows, at the update's cost.
    Y.applyUpdate(this.mirror, update);
  };

  private rebuildMirror(): void {
    this.mirror.destroy();
    this.mirror = documentFrom(Y.encodeStateAsUpdate(this.doc));
  }

  private judge(update: Uint8Array, actor: FeedbackActor): FeedbackCheck {
    const touched = new Map<string, TouchedRoot>();
    let unplaceable = false;
    const collect = (transaction: Y.Transaction) => {
      try {
        for (const [name, part] of touchedEntries(transaction)) {
          const entry = touched.get(name) ?? { keys: new Set<string>(), list: false };
          for (const key of part.keys) entry.keys.add(key);
          entry.list ||= part.list;
          touched.set(name, entry);
        }
      } catch {
        unplaceable = true;
      }
    };
    this.mirror.on('afterTransaction', collect);
    try {
      Y.applyUpdate(this.mirror, update);
    } catch (error) {
      return refuse('malformed', error instanceof Error ? error.message : String(error));
    } finally {
      this.mirror.off('afterTransaction', collect);
    }
    if (unplaceable) return refuse('malformed', 'a change under an unknown parent');
    // Parts whose dependencies are missing would be applied later, unchecked: refuse them now.
    if (this.mirror.store.pendingStructs !== null || this.mirror.store.pendingDs !== null) {
      return refuse('malformed', 'update depends on changes the server does not have');
    }
    return this.judgeTouched(touched, actor);
  }

  private judgeTouched(touched: ReadonlyMap<string, TouchedRoot>, actor: FeedbackActor): FeedbackCheck {
    const changes = new Map<string, EntryChange[]>();
    for (const [name, part] of touched) {
      if (name === STAGE_MOVES_FIELD) {
        if (part.keys.size > 0) return refuse('malformed', `keys set on the list ${name}`);
        continue;
      }
      const isKey = mapRoots.get(name);
      if (!isKey) return refuse('malformed', `change outside the mentoring document's parts: ${name}`);
      if (part.list) return refuse('malformed', `list content in the map ${name}`);
      const list: EntryChange[] = [];
      for (const key of part.keys) {
        if (!isKey(key)) return refuse('malformed', `${name}: not a valid key`);
        const after = readEntry(this.mirror, name, key);
        if (after === NOT_PLAIN) return refuse('malformed', `${name} ${key} is not plain data`);
        const before = readEntry(this.doc, name, key);
        list.push({ key, before: before === NOT_PLAIN ? null : before, after });
      }
      changes.set(name, list);
    }
    const moves = touched.get(STAGE_MOVES_FIELD);
    const checks: Array<() => FeedbackCheck> = [
      () => checkThreadChanges(changes.get(THREADS_FIELD) ?? [], actor),
      () => (moves ? this.checkMoves(actor) : OK),
      () => checkObservationChanges(changes.get(OBSERVATIONS_FIELD) ?? [], actor),
      () => this.checkPhotos(changes.get(OBSERVATIONS_FIELD) ?? []),
      () => checkReflectionChanges(changes.get(REFLECTIONS_FIELD) ?? [], actor),
      () => checkActionChanges(changes.get(ACTIONS_FIELD) ?? [], actor),
    ];
    for (const check of checks) {
      const result = check();
      if (!result.ok) return result;
    }
    return OK;
  }

  /** The stage history is short (tens of moves), so it is compared whole. */
  private checkMoves(actor: FeedbackActor): FeedbackCheck {
    const after = readList(this.mirror, STAGE_MOVES_FIELD);
    if (after === NOT_PLAIN) return refuse('malformed', 'the stage history is not plain data');
    const before = readList(this.doc, STAGE_MOVES_FIELD);
    return checkStageMoves(before === NOT_PLAIN ? [] : before, after, actor);
  }

  private checkPhotos(changes: readonly EntryChange[]): FeedbackCheck {
    let added = 0;
    for (const { before, after } of changes) added += photoChars(after) - photoChars(before);
    if (added > 0 && this.index.photoChars + added > this.limits.maxPhotoChars) {
      return refuse('photos-full', `photos would exceed ${this.limits.maxPhotoChars} characters`);
    }
    return OK;
  }
}

function documentFrom(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

/** A root map's entry as plain data; undefined when absent. */
function readEntry(doc: Y.Doc, root: string, key: string): PlainValue | typeof NOT_PLAIN | undefined {
  if (!doc.share.has(root)) return undefined;
  let map: Y.Map<unknown>;
  try {
    map = doc.getMap(root);
  } catch {
    return NOT_PLAIN; // stored as another kind of type
  }
  return map.has(key) ? readPlain(map.get(key)) : undefined;
}

function readList(doc: Y.Doc, root: string): PlainValue[] | typeof NOT_PLAIN {
  if (!doc.share.has(root)) return [];
  try {
    const read = readPlain(doc.getArray(root));
    return Array.isArray(read) ? read : NOT_PLAIN;
  } catch {
    return NOT_PLAIN;
  }
}

function photoChars(observation: PlainValue | undefined): number {
  if (!observation || typeof observation !== 'object' || Array.isArray(observation)) return 0;
  const photo = Object.hasOwn(observation, 'photo') ? observation.photo : null;
  const deleted = Object.hasOwn(observation, 'deleted') && observation.deleted === true;
  return typeof photo === 'string' && !deleted ? photo.length : 0;
}

/** Checks one update against a document without keeping anything (tests, tools): costs a pass over it. */
export function checkMentoringUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  actor: FeedbackActor,
  limits: MentoringLimits = { maxDocumentBytes: Number.MAX_SAFE_INTEGER, maxPhotoChars: Number.MAX_SAFE_INTEGER },
): FeedbackCheck {
  const index = new MentoringIndex(doc);
  const checker = new MentoringChecker(doc, index, limits);
  try {
    return checker.check(update, actor);
  } finally {
    checker.destroy();
    index.destroy();
  }
}
