/** Which threads the sidebar lists, and in what order: by where they are in the text, detached last. */
import type { FeedbackKind, Thread, ThreadStatus } from '../../../shared/mentoring/thread-schema';

export interface FeedbackFilter {
  kind: FeedbackKind | 'all';
  status: ThreadStatus | 'all';
}

/** Open threads first: that is what a teacher works through. */
export const DEFAULT_FEEDBACK_FILTER: FeedbackFilter = { kind: 'all', status: 'open' };

/** `order`: thread ids in text order, detached ones last (from the editor); others keep their time order. */
export function visibleThreads(threads: Thread[], filter: FeedbackFilter, order: readonly string[]): Thread[] {
  const rank = new Map(order.map((id, index) => [id, index]));
  const unknown = order.length;
  return threads
    .filter((thread) => filter.kind === 'all' || thread.kind === filter.kind)
    .filter((thread) => filter.status === 'all' || thread.status === filter.status)
    .map((thread, index) => ({ thread, index }))
    .sort((a, b) => (rank.get(a.thread.id) ?? unknown) - (rank.get(b.thread.id) ?? unknown) || a.index - b.index)
    .map(({ thread }) => thread);
}

export function feedbackCounts(threads: Thread[]): { open: number; resolved: number } {
  const open = threads.filter((thread) => thread.status === 'open').length;
  return { open, resolved: threads.length - open };
}
