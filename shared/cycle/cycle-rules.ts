/**
 * Who may change what of the mentoring cycle in a feedback document, checked by the server with the
 * feedback rules (../feedback/feedback-rules.ts) on the JSON of each root type before and after an
 * update — the same rules the UI follows, so an honest client is never refused:
 *
 * - stage moves are appended only, in the mover's own name, as the stage table allows (stages.ts);
 * - observation notes: added and changed in the author's own name only, never removed (tombstones);
 * - reflection and follow-up plan: by those who may edit the draft (owner, editor), well-formed.
 */
import { can, type Role } from '../auth/roles';
import {
  FollowUpActionSchema,
  ItemReflectionSchema,
  ItemRefSchema,
  ObservationSchema,
  OVERALL_REFLECTION_KEY,
  OverallReflectionSchema,
  StageMoveSchema,
} from './cycle-schema';
import { mayMoveStage } from './stages';

export type CycleRefusalReason =
  | 'not-your-feedback'
  | 'may-not-remove'
  | 'malformed'
  | 'may-not-move-stage'
  | 'may-not-plan';

export type CycleCheck = { ok: true } | { ok: false; reason: CycleRefusalReason; detail: string };

export interface CycleActor {
  userId: string;
  role: Role;
}

const OK: CycleCheck = { ok: true };
const refuse = (reason: CycleRefusalReason, detail: string): CycleCheck => ({ ok: false, reason, detail });
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

// Strict: an unknown field is refused rather than stored unchecked.
const StoredMove = StageMoveSchema.strict();
const StoredObservation = ObservationSchema.strict();
const StoredItemReflection = ItemReflectionSchema.strict();
const StoredOverall = OverallReflectionSchema.strict();
const StoredAction = FollowUpActionSchema.strict();

export function checkStageMoves(before: unknown[], after: unknown[], actor: CycleActor): CycleCheck {
  // Append-only: what was there stays, in order (concurrent appends by others keep their place).
  const kept = after.filter((entry) => before.some((old) => same(old, entry)));
  if (kept.length !== before.length || !before.every((old, index) => same(old, kept[index]))) {
    return refuse('may-not-remove', 'stage history is append-only');
  }
  for (const entry of after) {
    if (before.some((old) => same(old, entry))) continue;
    const move = StoredMove.safeParse(entry);
    if (!move.success) return refuse('malformed', 'stage move is not well-formed');
    if (move.data.byId !== actor.userId)
      return refuse('not-your-feedback', `stage move ${move.data.id} by someone else`);
    const allowed = mayMoveStage(actor.role, move.data.from, move.data.to);
    if (!allowed.ok) {
      return refuse('may-not-move-stage', `${actor.role} may not move ${move.data.from} → ${move.data.to}`);
    }
  }
  return OK;
}

export function checkObservations(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  actor: CycleActor,
): CycleCheck {
  for (const key of Object.keys(before)) {
    if (!(key in after)) return refuse('may-not-remove', `observation ${key} removed`);
  }
  for (const [key, value] of Object.entries(after)) {
    if (same(before[key], value)) continue;
    const next = StoredObservation.safeParse(value);
    if (!next.success || next.data.id !== key) return refuse('malformed', `observation ${key} is not well-formed`);
    const old = key in before ? StoredObservation.safeParse(before[key]) : null;
    if (!old) {
      if (next.data.authorId !== actor.userId) return refuse('not-your-feedback', `observation ${key} by someone else`);
      if (next.data.deleted) return refuse('malformed', `observation ${key} is new and deleted`);
      continue;
    }
    if (!old.success) return refuse('malformed', `observation ${key} was not well-formed`);
    if (old.data.authorId !== actor.userId) return refuse('not-your-feedback', `observation ${key} is not yours`);
    for (const field of ['authorId', 'authorName', 'createdAt'] as const) {
      if (old.data[field] !== next.data[field]) return refuse('may-not-remove', `observation ${key}: ${field}`);
    }
    if (old.data.deleted && !next.data.deleted) return refuse('may-not-remove', `observation ${key} was deleted`);
  }
  return OK;
}

export function checkReflections(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  actor: CycleActor,
): CycleCheck {
  const changed = changedKeys(before, after);
  if (changed.length > 0 && !can(actor.role, 'edit-content')) {
    return refuse('may-not-plan', `${actor.role} may not write the reflection`);
  }
  for (const key of changed) {
    if (!(key in after)) continue;
    const value = after[key];
    const parsed =
      key === OVERALL_REFLECTION_KEY
        ? StoredOverall.safeParse(value)
        : ItemRefSchema.safeParse(key).success
          ? StoredItemReflection.safeParse(value)
          : null;
    if (!parsed?.success) return refuse('malformed', `reflection ${key} is not well-formed`);
    if (parsed.data.byId !== actor.userId)
      return refuse('not-your-feedback', `reflection ${key} in someone else's name`);
  }
  return OK;
}

export function checkActions(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  actor: CycleActor,
): CycleCheck {
  const changed = changedKeys(before, after);
  if (changed.length > 0 && !can(actor.role, 'edit-content')) {
    return refuse('may-not-plan', `${actor.role} may not change the follow-up plan`);
  }
  for (const key of changed) {
    if (!(key in after)) continue;
    const next = StoredAction.safeParse(after[key]);
    if (!next.success || next.data.id !== key) return refuse('malformed', `action ${key} is not well-formed`);
    const old = key in before ? StoredAction.safeParse(before[key]) : null;
    if (!old && next.data.createdById !== actor.userId) {
      return refuse('not-your-feedback', `action ${key} created in someone else's name`);
    }
    if (
      old?.success &&
      (old.data.createdById !== next.data.createdById || old.data.createdAt !== next.data.createdAt)
    ) {
      return refuse('may-not-remove', `action ${key}: creator and creation time never change`);
    }
  }
  return OK;
}

function changedKeys(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => !same(before[key], after[key]));
}
