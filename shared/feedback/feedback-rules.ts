/**
 * Who may change what in a feedback document, checked on every incoming update before it is
 * stored or broadcast (server) — the same rules the UI follows, so an honest client is never
 * refused. The update is applied to a scratch copy and the threads compared before and after:
 *
 * - a thread or comment is added only under the sender's own identity, well-formed;
 * - the text, kind, anchor and suggestion of a thread, and a comment, change only by their author;
 * - resolving, reopening and deciding on a suggestion: owner and editors only;
 * - nothing is removed (deleting a comment leaves a tombstone); ids, authors and times never change;
 * - the mentoring cycle beside them (stage, observations, reflection, plan): ../cycle/cycle-rules.ts;
 * - nothing outside these root types.
 */
import * as Y from 'yjs';
import { can, type Role } from '../auth/roles';
import {
  ACTIONS_FIELD,
  actionsMap,
  OBSERVATIONS_FIELD,
  observationsMap,
  REFLECTIONS_FIELD,
  reflectionsMap,
  STAGE_MOVES_FIELD,
  stageMovesArray,
} from '../cycle/cycle-doc';
import { checkActions, checkObservations, checkReflections, checkStageMoves } from '../cycle/cycle-rules';
import { parseThread, THREADS_FIELD, type ThreadJson } from './feedback-doc';
import { authorThreadFields, type Comment, decisionThreadFields, type Thread } from './feedback-schema';

export const feedbackRefusalReasons = [
  /** A thread or comment made or changed in someone else's name. */
  'not-your-feedback',
  /** Resolving, reopening or deciding on a suggestion without the right to. */
  'may-not-resolve',
  /** A thread or comment removed, or a field that never changes changed. */
  'may-not-remove',
  /** Not a well-formed thread or comment, or something outside the threads. */
  'malformed',
  /** A stage move the stage table (shared/cycle/stages.ts) does not allow this role. */
  'may-not-move-stage',
  /** Reflection or follow-up plan changed by someone who may not edit the draft. */
  'may-not-plan',
] as const;
export type FeedbackRefusalReason = (typeof feedbackRefusalReasons)[number];

export type FeedbackCheck = { ok: true } | { ok: false; reason: FeedbackRefusalReason; detail: string };

export interface FeedbackActor {
  userId: string;
  role: Role;
}

const refuse = (reason: FeedbackRefusalReason, detail: string): FeedbackCheck => ({ ok: false, reason, detail });

/** Checks what `update` would change in `current` (which is left untouched). */
export function checkFeedbackUpdate(current: Y.Doc, update: Uint8Array, actor: FeedbackActor): FeedbackCheck {
  const scratch = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(current));
    const pendingBefore = scratch.store.pendingStructs !== null || scratch.store.pendingDs !== null;
    const before = rootsJson(scratch);
    Y.applyUpdate(scratch, update);
    // Parts whose dependencies are missing would be applied later, unchecked: refuse them now.
    if (!pendingBefore && (scratch.store.pendingStructs !== null || scratch.store.pendingDs !== null)) {
      return refuse('malformed', 'update depends on changes the server does not have');
    }
    const after = rootsJson(scratch);
    for (const [name, type] of scratch.share) {
      // A map's entries live in `_map`, a list's in `_start`: anything on the other side is hidden
      // from the checks below, so it is refused, as is anything outside the known parts.
      const listPart = type._start !== null;
      const mapPart = type._map.size > 0;
      const allowed = name === STAGE_MOVES_FIELD ? !mapPart : knownRoots.has(name) ? !listPart : false;
      if (!allowed && (listPart || mapPart)) {
        return refuse('malformed', `change outside the feedback document's parts: ${name}`);
      }
    }
    const checks: Array<() => FeedbackCheck> = [
      () => compareThreads(before.threads, after.threads, actor),
      () => checkStageMoves(before.stageMoves, after.stageMoves, actor),
      () => checkObservations(before.observations, after.observations, actor),
      () => checkReflections(before.reflections, after.reflections, actor),
      () => checkActions(before.actions, after.actions, actor),
    ];
    for (const check of checks) {
      const result = check();
      if (!result.ok) return result;
    }
    return { ok: true };
  } catch (error) {
    return refuse('malformed', error instanceof Error ? error.message : String(error));
  } finally {
    scratch.destroy();
  }
}

const knownRoots = new Set([THREADS_FIELD, STAGE_MOVES_FIELD, OBSERVATIONS_FIELD, REFLECTIONS_FIELD, ACTIONS_FIELD]);

/**
 * Root types arrive untyped from updates: `getMap`/`getArray` type them (and throw if one is of
 * the other kind, which is refused as malformed).
 */
function rootsJson(doc: Y.Doc) {
  return {
    threads: doc.getMap(THREADS_FIELD).toJSON() as Record<string, ThreadJson>,
    stageMoves: stageMovesArray(doc).toJSON() as unknown[],
    observations: observationsMap(doc).toJSON() as Record<string, unknown>,
    reflections: reflectionsMap(doc).toJSON() as Record<string, unknown>,
    actions: actionsMap(doc).toJSON() as Record<string, unknown>,
  };
}

function compareThreads(
  before: Record<string, ThreadJson>,
  after: Record<string, ThreadJson>,
  actor: FeedbackActor,
): FeedbackCheck {
  for (const key of Object.keys(before)) {
    if (!(key in after)) return refuse('may-not-remove', `thread ${key} removed`);
  }
  for (const [key, json] of Object.entries(after)) {
    if (same(before[key], json)) continue;
    const gone = commentIds(before[key]).find((id) => !commentIds(json).includes(id));
    if (gone !== undefined) return refuse('may-not-remove', `thread ${key}: comment ${gone} removed`);
    const next = parseThread(json);
    if (!next || next.id !== key) return refuse('malformed', `thread ${key} is not well-formed`);
    const previous = before[key] ? parseThread(before[key]) : null;
    const check = previous ? checkChangedThread(previous, next, actor) : checkNewThread(next, actor);
    if (!check.ok) return check;
  }
  return { ok: true };
}

function checkNewThread(thread: Thread, actor: FeedbackActor): FeedbackCheck {
  if (thread.authorId !== actor.userId) return refuse('not-your-feedback', `thread ${thread.id} by someone else`);
  if (thread.comments.length !== 1 || thread.comments[0]?.authorId !== actor.userId) {
    return refuse('not-your-feedback', `thread ${thread.id} must start with one comment of its author`);
  }
  if (thread.status !== 'open' || thread.outcome !== null || thread.resolvedBy !== null || thread.outcomeBy !== null) {
    return refuse('malformed', `thread ${thread.id} must start open and undecided`);
  }
  if ((thread.kind === 'suggestion') !== (thread.suggestion !== null)) {
    return refuse('malformed', `thread ${thread.id}: only a suggestion has suggested text`);
  }
  return { ok: true };
}

function checkChangedThread(previous: Thread, next: Thread, actor: FeedbackActor): FeedbackCheck {
  for (const field of ['id', 'authorId', 'authorName', 'createdAt'] as const) {
    if (!same(previous[field], next[field]))
      return refuse('may-not-remove', `thread ${next.id}: ${field} never changes`);
  }
  for (const field of authorThreadFields) {
    if (!same(previous[field], next[field]) && previous.authorId !== actor.userId) {
      return refuse('not-your-feedback', `thread ${next.id}: only its author changes ${field}`);
    }
  }
  for (const field of decisionThreadFields) {
    if (!same(previous[field], next[field]) && !can(actor.role, 'resolve-feedback')) {
      return refuse('may-not-resolve', `thread ${next.id}: ${field}`);
    }
  }
  if (next.outcome !== null && next.kind !== 'suggestion') {
    return refuse('malformed', `thread ${next.id}: only a suggestion has an outcome`);
  }
  return checkComments(next.id, previous.comments, next.comments, actor);
}

function checkComments(threadId: string, previous: Comment[], next: Comment[], actor: FeedbackActor): FeedbackCheck {
  const nextById = new Map(next.map((comment) => [comment.id, comment]));
  if (nextById.size !== next.length) return refuse('malformed', `thread ${threadId}: comment ids repeat`);
  for (const old of previous) {
    const now = nextById.get(old.id);
    if (!now) return refuse('may-not-remove', `thread ${threadId}: comment ${old.id} removed`);
    if (same(old, now)) continue;
    if (old.authorId !== actor.userId) return refuse('not-your-feedback', `comment ${old.id} is not yours`);
    for (const field of ['authorId', 'authorName', 'createdAt'] as const) {
      if (old[field] !== now[field]) return refuse('may-not-remove', `comment ${old.id}: ${field} never changes`);
    }
    if (old.deleted && !now.deleted) return refuse('may-not-remove', `comment ${old.id} was deleted`);
  }
  const known = new Set(previous.map((comment) => comment.id));
  for (const comment of next) {
    if (known.has(comment.id)) continue;
    if (comment.authorId !== actor.userId) return refuse('not-your-feedback', `comment ${comment.id} by someone else`);
    if (comment.deleted) return refuse('malformed', `comment ${comment.id} is new and deleted`);
  }
  return { ok: true };
}

function commentIds(thread: ThreadJson | undefined): unknown[] {
  const list = thread?.comments;
  return Array.isArray(list) ? list.map((comment) => (comment as { id?: unknown } | null)?.id) : [];
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
