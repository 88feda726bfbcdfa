/** What the feedback sidebar offers this user: from the role table, and what the server refused. */
import { can, type Role } from '../../../shared/auth/roles';
import type { WriteRefusal } from '../../../shared/protocol/write-refusal';

export interface FeedbackRights {
  /** Add threads, reply, edit and delete one's own comments. */
  write: boolean;
  /** Resolve and reopen anyone's thread. */
  resolve: boolean;
  /** Accept or reject a suggestion: resolving it, and (accepting) editing the content. */
  decide: boolean;
}

/**
 * `role` null: not known on this device yet (offline); writing is offered, as the server still
 * refuses what it must, but resolving only once the role is known. `feedbackRefusal`: the server
 * refused this user's feedback as read-only (the role was lowered).
 */
export function feedbackRights(
  role: Role | null,
  feedbackRefusal: WriteRefusal | null,
  contentEditable: boolean,
): FeedbackRights {
  if (feedbackRefusal?.code === 'read-only') return { write: false, resolve: false, decide: false };
  const resolve = can(role, 'resolve-feedback');
  return { write: role === null || can(role, 'write-feedback'), resolve, decide: resolve && contentEditable };
}
