/**
 * One badge for a draft's two documents: whichever of content and feedback is further from "in
 * sync" is shown, and the changes waiting in both are counted together — a mentor's comments
 * written offline wait like a teacher's keystrokes.
 */
import type { SyncState, SyncStatus } from './sync-status';

const distanceFromSynced: Readonly<Record<SyncState, number>> = {
  synced: 0,
  'write-refused': 1,
  syncing: 2,
  connecting: 3,
  offline: 4,
  refused: 5,
};

/** `feedback` is null while the feedback document is not open (yet): the content alone speaks. */
export function combineSyncStatus(content: SyncStatus, feedback: SyncStatus | null): SyncStatus {
  if (!feedback) return content;
  const further = distanceFromSynced[feedback.state] - distanceFromSynced[content.state];
  // Equally far: the one sending a backlog, whose progress is worth showing.
  const shown = further > 0 || (further === 0 && feedback.upload && !content.upload) ? feedback : content;
  return { ...shown, pending: content.pending + feedback.pending };
}
