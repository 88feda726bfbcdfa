/** What of the mentoring cycle this user may change: from the role tables, and what the server refused. */
import { can, type Role } from '../../../shared/auth/roles';
import { movableStages, stageIndex } from '../../../shared/mentoring/stage-moves';
import type { Stage } from '../../../shared/model/stages';
import type { WriteRefusal } from '../../../shared/protocol/write-refusal';

export interface CycleRights {
  /** Write the reflection and the follow-up plan (owner, editor). */
  plan: boolean;
  /** The stages one step on and one step back, when this role may move there. */
  forward: Stage | null;
  back: Stage | null;
}

/**
 * `role` null: not known on this device yet; the stage is then not offered (moving it is a deliberate
 * step, better made once the server has said who this is), the reflection is (the server still checks).
 */
export function cycleRights(role: Role | null, feedbackRefusal: WriteRefusal | null, stage: Stage): CycleRights {
  if (feedbackRefusal?.code === 'read-only') return { plan: false, forward: null, back: null };
  const movable = movableStages(role, stage);
  const here = stageIndex(stage);
  return {
    plan: role === null || can(role, 'edit-content'),
    forward: movable.find((to) => stageIndex(to) === here + 1) ?? null,
    back: movable.find((to) => stageIndex(to) === here - 1) ?? null,
  };
}
