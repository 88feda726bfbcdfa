/**
 * Who may change what in a feedback thread, checked on every incoming update before it is stored
 * or broadcast (server) — the same rules the UI follows, so an honest client is never refused.
 * Each rule sees only the entries an update touched, before and after (./mentoring-checker.ts):
 *
 * - a thread or comment is added only under the sender's own identity (id and name), well-formed;
 * - the text, kind, anchor and suggestion of a thread, and a comment, change only by their author;
 * - resolving, reopening and deciding on a suggestion: owner and editors only;
 * - nothing is removed (deleting a comment leaves a tombstone); ids, authors and times never change;
 * - the mentoring cycle beside them (stage, observations, reflection, plan): ./cycle-rules.ts.
 */
import { can, type Role } from '../auth/roles';
import { type PlainValue, samePlain } from '../model/plain-data';
import type { WriteRefusalReason } from '../protocol/write-refusal';
import { authorThreadFields, type Comment, decisionThreadFields, type Thread } from './thread-schema';
import { parseThread } from './threads';

/** The refusal reasons of the mentoring document's rules (all listed in ../protocol/write-refusal.ts). */
export type FeedbackRefusalReason = Exclude<WriteRefusalReason, 'external-image'>;

export type FeedbackCheck = { ok: true } | { ok: false; reason: FeedbackRefusalReason; detail: string };

/** Who sends an update, as the server knows them from the connection's account. */
export interface FeedbackActor {
  userId: string;
  /** The account's display name: what the sender's new entries must carry. */
  name: string;
  role: Role;
}

/** One top-level entry an update touched; `undefined` when absent, `null` when it was unreadable. */
export interface EntryChange {
  key: string;
  before: PlainValue | undefined;
  after: PlainValue | undefined;
}

export const OK: FeedbackCheck = { ok: true };
export const refuse = (reason: FeedbackRefusalReason, detail: string): FeedbackCheck => ({ ok: false, reason, detail });

export function checkThreadChanges(changes: readonly EntryChange[], actor: FeedbackActor): FeedbackCheck {
  for (const { key, before, after } of changes) {
    if (samePlain(before, after)) continue;
    if (after === undefined) return refuse('may-not-remove', `thread ${key} removed`);
    const gone = commentIds(before).find((id) => !commentIds(after).includes(id));
    if (gone !== undefined) return refuse('may-not-remove', `thread ${key}: comment ${String(gone)} removed`);
    const next = parseThread(after);
    if (!next || next.id !== key) return refuse('malformed', `thread ${key} is not well-formed`);
    const previous = before === undefined ? null : parseThread(before);
    const check = previous ? checkChangedThread(previous, next, actor) : checkNewThread(next, actor);
    if (!check.ok) return check;
  }
  return OK;
}

function checkNewThread(thread: Thread, actor: FeedbackActor): FeedbackCheck {
  if (thread.authorId !== actor.userId || thread.authorName !== actor.name) {
    return refuse('not-your-feedback', `thread ${thread.id} by someone else`);
  }
  const [first] = thread.comments;
  if (thread.comments.length !== 1 || first?.authorId !== actor.userId || first.authorName !== actor.name) {
    return refuse('not-your-feedback', `thread ${thread.id} must start with one comment of its author`);
  }
  if (thread.status !== 'open' || thread.outcome !== null || thread.resolvedBy !== null || thread.outcomeBy !== null) {
    return refuse('malformed', `thread ${thread.id} must start open and undecided`);
  }
  if ((thread.kind === 'suggestion') !== (thread.suggestion !== null)) {
    return refuse('malformed', `thread ${thread.id}: only a suggestion has suggested text`);
  }
  return OK;
}

function checkChangedThread(previous: Thread, next: Thread, actor: FeedbackActor): FeedbackCheck {
  for (const field of ['id', 'authorId', 'authorName', 'createdAt'] as const) {
    if (previous[field] !== next[field]) return refuse('may-not-remove', `thread ${next.id}: ${field} never changes`);
  }
  for (const field of authorThreadFields) {
    if (!sameValue(previous[field], next[field]) && previous.authorId !== actor.userId) {
      return refuse('not-your-feedback', `thread ${next.id}: only its author changes ${field}`);
    }
  }
  for (const field of decisionThreadFields) {
    if (previous[field] !== next[field] && !can(actor.role, 'resolve-feedback')) {
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
    if (sameValue(old, now)) continue;
    if (old.authorId !== actor.userId) return refuse('not-your-feedback', `comment ${old.id} is not yours`);
    for (const field of ['authorId', 'authorName', 'createdAt'] as const) {
      if (old[field] !== now[field]) return refuse('may-not-remove', `comment ${old.id}: ${field} never changes`);
    }
    if (old.deleted && !now.deleted) return refuse('may-not-remove', `comment ${old.id} was deleted`);
  }
  const known = new Set(previous.map((comment) => comment.id));
  for (const comment of next) {
    if (known.has(comment.id)) continue;
    if (comment.authorId !== actor.userId || comment.authorName !== actor.name) {
      return refuse('not-your-feedback', `comment ${comment.id} by someone else`);
    }
    if (comment.deleted) return refuse('malformed', `comment ${comment.id} is new and deleted`);
  }
  return OK;
}

/** Ids of a thread's comments as stored (also of one that does not parse), to see one disappear. */
function commentIds(thread: PlainValue | undefined): PlainValue[] {
  if (thread === undefined || thread === null || typeof thread !== 'object' || Array.isArray(thread)) return [];
  const list = Object.hasOwn(thread, 'comments') ? thread.comments : undefined;
  if (!Array.isArray(list)) return [];
  return list.map((comment) =>
    comment !== null && typeof comment === 'object' && !Array.isArray(comment) && Object.hasOwn(comment, 'id')
      ? (comment.id ?? null)
      : null,
  );
}

/** Parsed values are zod's output: plain objects with own keys in schema order, so JSON compares them. */
function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
