/**
 * A draft's feedback document (the `<draftId>.feedback` room): one Y.Map `threads` of thread id →
 * Y.Map of the thread's fields, with its comments in a Y.Array of Y.Maps. Plain values inside, so
 * the server can check every change field by field (./thread-rules.ts).
 *
 * The first comment of a thread is the feedback itself; replies follow. Nothing is ever removed:
 * a deleted comment is a tombstone, a thread is resolved rather than deleted.
 */
import * as Y from 'yjs';
import { isSafeId, NOT_PLAIN, type PlainValue, readPlain } from '../model/plain-data';
import {
  type Anchor,
  type Comment,
  CommentSchema,
  type FeedbackKind,
  type SuggestionOutcome,
  type Thread,
  ThreadFieldsSchema,
  type ThreadStatus,
} from './thread-schema';

export const THREADS_FIELD = 'threads';
const COMMENTS = 'comments';

export interface FeedbackAuthor {
  id: string;
  name: string;
}

export function threadsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(THREADS_FIELD);
}

export interface NewThread {
  kind: FeedbackKind;
  anchor: Anchor;
  body: string;
  /** Only for a suggestion: the proposed replacement text. */
  suggestion?: string | null;
}

const newId = () => crypto.randomUUID();

function commentMap(fields: Comment): Y.Map<unknown> {
  return new Y.Map<unknown>(Object.entries(fields));
}

/** Adds a thread by `author`; returns its id. */
export function addThread(
  doc: Y.Doc,
  input: NewThread,
  author: FeedbackAuthor,
  now: Date = new Date(),
  id: string = newId(),
): string {
  const at = now.toISOString();
  const comments = new Y.Array<Y.Map<unknown>>();
  comments.push([
    commentMap({
      id: newId(),
      authorId: author.id,
      authorName: author.name,
      body: input.body,
      createdAt: at,
      editedAt: null,
      deleted: false,
    }),
  ]);
  const thread = new Y.Map<unknown>(
    Object.entries({
      id,
      kind: input.kind,
      authorId: author.id,
      authorName: author.name,
      createdAt: at,
      anchor: input.anchor,
      suggestion: input.kind === 'suggestion' ? (input.suggestion ?? '') : null,
      status: 'open',
      resolvedBy: null,
      resolvedAt: null,
      outcome: null,
      outcomeBy: null,
      outcomeAt: null,
    }),
  );
  thread.set(COMMENTS, comments);
  doc.transact(() => threadsMap(doc).set(id, thread));
  return id;
}

function comments(doc: Y.Doc, threadId: string): Y.Array<Y.Map<unknown>> | null {
  const value = threadsMap(doc).get(threadId)?.get(COMMENTS);
  return value instanceof Y.Array ? (value as Y.Array<Y.Map<unknown>>) : null;
}

function comment(doc: Y.Doc, threadId: string, commentId: string): Y.Map<unknown> | null {
  return (
    comments(doc, threadId)
      ?.toArray()
      .find((entry) => entry.get('id') === commentId) ?? null
  );
}

export function addReply(
  doc: Y.Doc,
  threadId: string,
  body: string,
  author: FeedbackAuthor,
  now: Date = new Date(),
  id: string = newId(),
): boolean {
  const list = comments(doc, threadId);
  if (!list) return false;
  const fields: Comment = {
    id,
    authorId: author.id,
    authorName: author.name,
    body,
    createdAt: now.toISOString(),
    editedAt: null,
    deleted: false,
  };
  list.push([commentMap(fields)]);
  return true;
}

export function editComment(doc: Y.Doc, threadId: string, commentId: string, body: string, now = new Date()): boolean {
  const entry = comment(doc, threadId, commentId);
  if (!entry || entry.get('deleted') === true) return false;
  doc.transact(() => {
    entry.set('body', body);
    entry.set('editedAt', now.toISOString());
  });
  return true;
}

/** The comment stays as a tombstone ("komentar dihapus") so the thread keeps its order. */
export function deleteComment(doc: Y.Doc, threadId: string, commentId: string, now = new Date()): boolean {
  const entry = comment(doc, threadId, commentId);
  if (!entry) return false;
  doc.transact(() => {
    entry.set('body', '');
    entry.set('deleted', true);
    entry.set('editedAt', now.toISOString());
  });
  return true;
}

export function setThreadStatus(
  doc: Y.Doc,
  threadId: string,
  status: ThreadStatus,
  by: string,
  now = new Date(),
): boolean {
  const thread = threadsMap(doc).get(threadId);
  if (!thread) return false;
  doc.transact(() => {
    thread.set('status', status);
    thread.set('resolvedBy', status === 'resolved' ? by : null);
    thread.set('resolvedAt', status === 'resolved' ? now.toISOString() : null);
  });
  return true;
}

/** The teacher's decision on a suggestion; either way the thread is then resolved. */
export function recordOutcome(
  doc: Y.Doc,
  threadId: string,
  outcome: SuggestionOutcome,
  by: string,
  now = new Date(),
): boolean {
  const thread = threadsMap(doc).get(threadId);
  if (thread?.get('kind') !== 'suggestion') return false;
  doc.transact(() => {
    thread.set('outcome', outcome);
    thread.set('outcomeBy', by);
    thread.set('outcomeAt', now.toISOString());
    thread.set('status', 'resolved');
    thread.set('resolvedBy', by);
    thread.set('resolvedAt', now.toISOString());
  });
  return true;
}

/** Every valid thread, oldest first; anything that does not match the schema is left out and named. */
export function readThreads(doc: Y.Doc): { threads: Thread[]; invalid: string[] } {
  const threads: Thread[] = [];
  const invalid: string[] = [];
  for (const [key, value] of threadsMap(doc).entries()) {
    const thread = isSafeId(key) ? parseThread(readPlain(value)) : null;
    if (thread && thread.id === key) threads.push(thread);
    else invalid.push(key);
  }
  threads.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  return { threads, invalid };
}

// Built once: zod schemas are costly to derive, and every incoming feedback update parses threads.
const StoredThreadFields = ThreadFieldsSchema.strict();
const StoredComments = CommentSchema.strict().array().min(1).max(1000);

/** A stored thread read as plain data (../model/plain-data.ts), or null when it is not a well-formed one. */
export function parseThread(json: PlainValue | typeof NOT_PLAIN | undefined): Thread | null {
  if (json === undefined || json === NOT_PLAIN || json === null || typeof json !== 'object' || Array.isArray(json)) {
    return null;
  }
  const { comments: list, ...fields } = json;
  const parsed = StoredThreadFields.safeParse(fields);
  const parsedComments = StoredComments.safeParse(list);
  if (!parsed.success || !parsedComments.success) return null;
  return { ...parsed.data, comments: parsedComments.data };
}
