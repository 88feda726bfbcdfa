/**
 * Who may change what of the mentoring cycle in a feedback document, checked by the server with the
 * feedback rules (./thread-rules.ts) on the entries an update touched, before and after
 * — the same rules the UI follows, so an honest client is never refused:
 *
 * - stage moves are appended only, in the mover's own name, as the stage table allows (stage-moves.ts);
 * - observation notes: added and changed in the author's own name only, never removed (tombstones);
 * - reflection and follow-up plan: by those who may edit the draft (owner, editor), well-formed.
 */
import { can } from '../auth/roles';
import { type PlainValue, samePlain } from '../model/plain-data';
import {
  FollowUpActionSchema,
  ItemReflectionSchema,
  ItemRefSchema,
  ObservationSchema,
  OVERALL_REFLECTION_KEY,
  OverallReflectionSchema,
  StageMoveSchema,
} from './cycle-schema';
import { mayMoveStage } from './stage-moves';
import { type EntryChange, type FeedbackActor, type FeedbackCheck, OK, refuse } from './thread-rules';

/** A stage history longer than this is not a real one (five stages, moved back and forth). */
export const MAX_STAGE_MOVES = 500;

// Strict: an unknown field is refused rather than stored unchecked.
const StoredMove = StageMoveSchema.strict();
const StoredObservation = ObservationSchema.strict();
const StoredItemReflection = ItemReflectionSchema.strict();
const StoredOverall = OverallReflectionSchema.strict();
const StoredAction = FollowUpActionSchema.strict();

export function checkStageMoves(
  before: readonly PlainValue[],
  after: readonly PlainValue[],
  actor: FeedbackActor,
): FeedbackCheck {
  if (after.length > MAX_STAGE_MOVES) return refuse('malformed', `more than ${MAX_STAGE_MOVES} stage moves`);
  // Append-only: what was there stays, in order (concurrent appends by others keep their place).
  const kept = after.filter((entry) => before.some((old) => samePlain(old, entry)));
  if (kept.length !== before.length || !before.every((old, index) => samePlain(old, kept[index]))) {
    return refuse('may-not-remove', 'stage history is append-only');
  }
  for (const entry of after) {
    if (before.some((old) => samePlain(old, entry))) continue;
    const move = StoredMove.safeParse(entry);
    if (!move.success) return refuse('malformed', 'stage move is not well-formed');
    if (move.data.byId !== actor.userId || move.data.byName !== actor.name) {
      return refuse('not-your-feedback', `stage move ${move.data.id} by someone else`);
    }
    const allowed = mayMoveStage(actor.role, move.data.from, move.data.to);
    if (!allowed.ok) {
      return refuse('may-not-move-stage', `${actor.role} may not move ${move.data.from} → ${move.data.to}`);
    }
  }
  return OK;
}

export function checkObservationChanges(changes: readonly EntryChange[], actor: FeedbackActor): FeedbackCheck {
  for (const { key, before, after } of changes) {
    if (samePlain(before, after)) continue;
    if (after === undefined) return refuse('may-not-remove', `observation ${key} removed`);
    const next = StoredObservation.safeParse(after);
    if (!next.success || next.data.id !== key) return refuse('malformed', `observation ${key} is not well-formed`);
    if (before === undefined) {
      if (next.data.authorId !== actor.userId || next.data.authorName !== actor.name) {
        return refuse('not-your-feedback', `observation ${key} by someone else`);
      }
      if (next.data.deleted) return refuse('malformed', `observation ${key} is new and deleted`);
      continue;
    }
    const old = StoredObservation.safeParse(before);
    if (!old.success) return refuse('malformed', `observation ${key} was not well-formed`);
    if (old.data.authorId !== actor.userId) return refuse('not-your-feedback', `observation ${key} is not yours`);
    for (const field of ['authorId', 'authorName', 'createdAt'] as const) {
      if (old.data[field] !== next.data[field]) return refuse('may-not-remove', `observation ${key}: ${field}`);
    }
    if (old.data.deleted && !next.data.deleted) return refuse('may-not-remove', `observation ${key} was deleted`);
  }
  return OK;
}

export function checkReflectionChanges(changes: readonly EntryChange[], actor: FeedbackActor): FeedbackCheck {
  const changed = changes.filter(({ before, after }) => !samePlain(before, after));
  if (changed.length > 0 && !can(actor.role, 'edit-content')) {
    return refuse('may-not-plan', `${actor.role} may not write the reflection`);
  }
  for (const { key, after } of changed) {
    if (after === undefined) continue;
    const parsed =
      key === OVERALL_REFLECTION_KEY
        ? StoredOverall.safeParse(after)
        : ItemRefSchema.safeParse(key).success
          ? StoredItemReflection.safeParse(after)
          : null;
    if (!parsed?.success) return refuse('malformed', `reflection ${key} is not well-formed`);
    if (parsed.data.byId !== actor.userId || parsed.data.byName !== actor.name) {
      return refuse('not-your-feedback', `reflection ${key} in someone else's name`);
    }
  }
  return OK;
}

export function checkActionChanges(changes: readonly EntryChange[], actor: FeedbackActor): FeedbackCheck {
  const changed = changes.filter(({ before, after }) => !samePlain(before, after));
  if (changed.length > 0 && !can(actor.role, 'edit-content')) {
    return refuse('may-not-plan', `${actor.role} may not change the follow-up plan`);
  }
  for (const { key, before, after } of changed) {
    if (after === undefined) continue;
    const next = StoredAction.safeParse(after);
    if (!next.success || next.data.id !== key) return refuse('malformed', `action ${key} is not well-formed`);
    const old = before === undefined ? null : StoredAction.safeParse(before);
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
