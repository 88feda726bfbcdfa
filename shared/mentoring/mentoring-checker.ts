/**
 * Checks every update to a draft's mentoring document (threads, stage history, observations,
 * reflections, plan) before the server stores it, at a cost that grows with the update, not with
 * the document. A mirror of the document takes the update first; the transaction says which
 * entries it touched, and only those are read — before from the document, after from the mirror —
 * and judged by the rules (./thread-rules.ts, ./cycle-rules.ts). A refused
 * update leaves the mirror ahead of the document, so the mirror is rebuilt then (rare: honest
 * clients follow the same rules).
 *
 * Several updates may be checked before any is applied (the room stores them in one commit): what
 * the accepted ones made of each entry is kept aside as the "before" of the next, until `settle`.
 */
import * as Y from 'yjs';
import { isSafeId, NOT_PLAIN, type PlainValue, readPlain } from '../model/plain-data';
import { type TouchedRoot, touchedEntries } from '../model/touched-entries';
import { ACTIONS_FIELD, OBSERVATIONS_FIELD, REFLECTIONS_FIELD, STAGE_MOVES_FIELD } from './cycle-doc';
import { checkActionChanges, checkObservationChanges, checkReflectionChanges, checkStageMoves } from './cycle-rules';
import { ItemRefSchema, OVERALL_REFLECTION_KEY } from './cycle-schema';
import { MentoringIndex } from './mentoring-index';
import {
  checkThreadChanges,
  type EntryChange,
  type FeedbackActor,
  type FeedbackCheck,
  OK,
  refuse,
} from './thread-rules';
import { THREADS_FIELD } from './threads';

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

/** What accepted updates not yet in the document made of it: the "before" the next check sees. */
interface Accepted {
  entries: Map<string, PlainValue | undefined>;
  moves: PlainValue[] | null;
  updates: Uint8Array[];
  bytes: number;
  photoChars: number;
}

const entryKey = (root: string, key: string) => `${root}\u0000${key}`;
const nothingAccepted = (): Accepted => ({ entries: new Map(), moves: null, updates: [], bytes: 0, photoChars: 0 });

export class MentoringChecker {
  private mirror: Y.Doc;
  private documentBytes: number;
  private accepted: Accepted = nothingAccepted();

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

  /**
   * Whether `actor` may make `update`, after the updates accepted since the last `settle`; the
   * document is not changed either way.
   */
  check(update: Uint8Array, actor: FeedbackActor): FeedbackCheck {
    const size = this.documentBytes + this.accepted.bytes + update.byteLength;
    if (size > this.limits.maxDocumentBytes) {
      return refuse('document-full', `the document would exceed ${this.limits.maxDocumentBytes} bytes`);
    }
    const judged = this.judge(update, actor);
    if (!judged.result.ok) {
      this.rebuildMirror();
      return judged.result;
    }
    for (const [root, list] of judged.changes) {
      for (const { key, after } of list) this.accepted.entries.set(entryKey(root, key), after);
    }
    if (judged.moves) this.accepted.moves = judged.moves;
    this.accepted.updates.push(update);
    this.accepted.bytes += update.byteLength;
    this.accepted.photoChars += judged.addedPhotoChars;
    return judged.result;
  }

  /**
   * The accepted updates are in the document now (`allApplied`), or some never will be (storing
   * failed): then the mirror, which has them all, is rebuilt from the document.
   */
  settle(allApplied: boolean): void {
    this.accepted = nothingAccepted();
    if (!allApplied) this.rebuildMirror();
  }

  /** Everything the document takes (accepted here, loaded, or from another process) the mirror takes too. */
  private readonly follow = (update: Uint8Array): void => {
    this.documentBytes += update.byteLength;
    // Mostly an update the mirror already has from `check`: Yjs skips what it knows, at the update's cost.
    Y.applyUpdate(this.mirror, update);
  };

  /** The document as it is, plus what was accepted and is about to be applied. */
  private rebuildMirror(): void {
    this.mirror.destroy();
    this.mirror = documentFrom(Y.encodeStateAsUpdate(this.doc));
    for (const update of this.accepted.updates) Y.applyUpdate(this.mirror, update);
  }

  private judge(update: Uint8Array, actor: FeedbackActor): Judged {
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
      return refused(refuse('malformed', error instanceof Error ? error.message : String(error)));
    } finally {
      this.mirror.off('afterTransaction', collect);
    }
    if (unplaceable) return refused(refuse('malformed', 'a change under an unknown parent'));
    // Parts whose dependencies are missing would be applied later, unchecked: refuse them now.
    if (this.mirror.store.pendingStructs !== null || this.mirror.store.pendingDs !== null) {
      return refused(refuse('malformed', 'update depends on changes the server does not have'));
    }
    return this.judgeTouched(touched, actor);
  }

  /** An entry as it is before this update: as accepted updates left it, else as the document has it. */
  private before(root: string, key: string): PlainValue | typeof NOT_PLAIN | undefined {
    const id = entryKey(root, key);
    return this.accepted.entries.has(id) ? this.accepted.entries.get(id) : readEntry(this.doc, root, key);
  }

  private judgeTouched(touched: ReadonlyMap<string, TouchedRoot>, actor: FeedbackActor): Judged {
    const changes = new Map<string, EntryChange[]>();
    for (const [name, part] of touched) {
      if (name === STAGE_MOVES_FIELD) {
        if (part.keys.size > 0) return refused(refuse('malformed', `keys set on the list ${name}`));
        continue;
      }
      const isKey = mapRoots.get(name);
      if (!isKey) return refused(refuse('malformed', `change outside the mentoring document's parts: ${name}`));
      if (part.list) return refused(refuse('malformed', `list content in the map ${name}`));
      const list: EntryChange[] = [];
      for (const key of part.keys) {
        if (!isKey(key)) return refused(refuse('malformed', `${name}: not a valid key`));
        const after = readEntry(this.mirror, name, key);
        if (after === NOT_PLAIN) return refused(refuse('malformed', `${name} ${key} is not plain data`));
        const before = this.before(name, key);
        list.push({ key, before: before === NOT_PLAIN ? null : before, after });
      }
      changes.set(name, list);
    }
    const observations = changes.get(OBSERVATIONS_FIELD) ?? [];
    let addedPhotoChars = 0;
    for (const { before, after } of observations) addedPhotoChars += photoChars(after) - photoChars(before);
    let moves: PlainValue[] | null = null;
    const checks: Array<() => FeedbackCheck> = [
      () => checkThreadChanges(changes.get(THREADS_FIELD) ?? [], actor),
      () => {
        if (!touched.has(STAGE_MOVES_FIELD)) return OK;
        const checked = this.checkMoves(actor);
        moves = checked.after;
        return checked.result;
      },
      () => checkObservationChanges(observations, actor),
      () => this.checkPhotos(addedPhotoChars),
      () => checkReflectionChanges(changes.get(REFLECTIONS_FIELD) ?? [], actor),
      () => checkActionChanges(changes.get(ACTIONS_FIELD) ?? [], actor),
    ];
    for (const check of checks) {
      const result = check();
      if (!result.ok) return refused(result);
    }
    return { result: OK, changes, moves, addedPhotoChars };
  }

  /** The stage history is short (tens of moves), so it is compared whole. */
  private checkMoves(actor: FeedbackActor): { result: FeedbackCheck; after: PlainValue[] | null } {
    const after = readList(this.mirror, STAGE_MOVES_FIELD);
    if (after === NOT_PLAIN) return { result: refuse('malformed', 'the stage history is not plain data'), after: null };
    const before = this.accepted.moves ?? readList(this.doc, STAGE_MOVES_FIELD);
    return { result: checkStageMoves(before === NOT_PLAIN ? [] : before, after, actor), after };
  }

  private checkPhotos(added: number): FeedbackCheck {
    const total = this.index.photoChars + this.accepted.photoChars + added;
    if (added > 0 && total > this.limits.maxPhotoChars) {
      return refuse('photos-full', `photos would exceed ${this.limits.maxPhotoChars} characters`);
    }
    return OK;
  }
}

interface Judged {
  result: FeedbackCheck;
  changes: Map<string, EntryChange[]>;
  moves: PlainValue[] | null;
  addedPhotoChars: number;
}

const refused = (result: FeedbackCheck): Judged => ({ result, changes: new Map(), moves: null, addedPhotoChars: 0 });

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
