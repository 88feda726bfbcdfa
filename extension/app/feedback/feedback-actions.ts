/**
 * What a person does with feedback, as changes to the feedback document in their own name
 * (shared/mentoring/threads.ts); and accepting a suggestion, which also edits the draft's
 * content as that person — a normal editor change, so the content's rights stay simple.
 */
import type { Editor } from '@tiptap/core';
import type * as Y from 'yjs';
import type { SuggestionOutcome, Thread, ThreadStatus } from '../../../shared/mentoring/thread-schema';
import {
  addReply,
  addThread,
  deleteComment,
  editComment,
  type FeedbackAuthor,
  type NewThread,
  recordOutcome,
  setThreadStatus,
} from '../../../shared/mentoring/threads';
import { feedbackHighlightsOf } from './feedback-highlights';

export interface FeedbackActions {
  add(input: NewThread): string;
  reply(threadId: string, body: string): void;
  edit(threadId: string, commentId: string, body: string): void;
  remove(threadId: string, commentId: string): void;
  setStatus(threadId: string, status: ThreadStatus): void;
  decide(threadId: string, outcome: SuggestionOutcome): void;
}

export function feedbackActions(doc: Y.Doc, author: FeedbackAuthor): FeedbackActions {
  return {
    add: (input) => addThread(doc, input, author),
    reply: (threadId, body) => void addReply(doc, threadId, body, author),
    edit: (threadId, commentId, body) => void editComment(doc, threadId, commentId, body),
    remove: (threadId, commentId) => void deleteComment(doc, threadId, commentId),
    setStatus: (threadId, status) => void setThreadStatus(doc, threadId, status, author.id),
    decide: (threadId, outcome) => void recordOutcome(doc, threadId, outcome, author.id),
  };
}

/** Replaces the suggestion's quoted text where it is now, then records the outcome in the thread. */
export function acceptSuggestion(
  editor: Editor,
  thread: Thread,
  actions: FeedbackActions,
): { ok: true } | { ok: false; reason: 'detached' } {
  const placement = feedbackHighlightsOf(editor.state)?.placements.find((entry) => entry.thread.id === thread.id);
  const place = placement?.place;
  if (!place || place.status === 'detached') return { ok: false, reason: 'detached' };
  editor.view.dispatch(editor.state.tr.insertText(thread.suggestion ?? '', place.from, place.to));
  actions.decide(thread.id, 'accepted');
  return { ok: true };
}
