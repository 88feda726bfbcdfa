/**
 * Rules an update must follow beyond the sender's role, per kind of room: a feedback room takes
 * threads and comments only in the sender's own name (shared/feedback/feedback-rules.ts). Content
 * rooms have none; the role alone decides there.
 */
import type * as Y from 'yjs';
import { checkFeedbackUpdate } from '../../shared/feedback/feedback-rules';
import type { RoomKind } from '../../shared/protocol/rooms';
import type { WriteRefusal } from '../../shared/protocol/write-refusal';
import type { RoomSession } from './room-socket';

/** Why a rule refused an update: what the sender is told (`code`, `reason`) and what is logged (`detail`). */
export interface RuleRefusal {
  code: Exclude<WriteRefusal['code'], 'read-only'>;
  reason?: WriteRefusal['reason'];
  detail: string;
}

/** Runs before the update is stored, against the document as it is; must not change `doc`. */
export type UpdateRule = (doc: Y.Doc, update: Uint8Array, session: RoomSession) => RuleRefusal | null;

export const feedbackRule: UpdateRule = (doc, update, session) => {
  const check = checkFeedbackUpdate(doc, update, { userId: session.userId, role: session.role });
  return check.ok ? null : { code: 'feedback-rule', reason: check.reason, detail: check.detail };
};

export const updateRuleOf: Readonly<Partial<Record<RoomKind, UpdateRule>>> = {
  feedback: feedbackRule,
};
