/**
 * Who may move a draft through the mentoring cycle (../model/stages.ts): one table, read by the
 * server (to refuse) and the UI (to offer).
 */
import type { Role } from '../auth/roles';
import { type Stage, stages } from '../model/stages';

export type StageDirection = 'forward' | 'back';

/**
 * Who may move a draft forward (to any later stage) or back (to any earlier one). The teacher who
 * owns the draft steers it both ways; a co-teacher (editor) may move it on, but taking it back —
 * reopening a stage the owner closed — stays the owner's call. A mentor (commenter) gives feedback
 * and observes; moving the stage is not theirs.
 */
export const stageMoveRights: Readonly<Record<Role, readonly StageDirection[]>> = {
  owner: ['forward', 'back'],
  editor: ['forward'],
  commenter: [],
  viewer: [],
};

export function stageIndex(stage: Stage): number {
  return stages.indexOf(stage);
}

export function directionOf(from: Stage, to: Stage): StageDirection | null {
  const delta = stageIndex(to) - stageIndex(from);
  return delta === 0 ? null : delta > 0 ? 'forward' : 'back';
}

export type StageMoveCheck = { ok: true } | { ok: false; why: 'same-stage' | 'not-allowed' };

export function mayMoveStage(role: Role | null | undefined, from: Stage, to: Stage): StageMoveCheck {
  const direction = directionOf(from, to);
  if (direction === null) return { ok: false, why: 'same-stage' };
  if (!role || !stageMoveRights[role].includes(direction)) return { ok: false, why: 'not-allowed' };
  return { ok: true };
}

/** Whether `role` may move the draft at all from `from` (to show or hide the stepper's buttons). */
export function movableStages(role: Role | null | undefined, from: Stage): Stage[] {
  return stages.filter((to) => mayMoveStage(role, from, to).ok);
}
