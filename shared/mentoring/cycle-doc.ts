/**
 * The mentoring cycle in a draft's feedback document (the `<draftId>.feedback` room), beside the
 * threads: root types of plain JSON values, so the server can check each change (./cycle-rules.ts).
 *
 * - `stageMoves`: Y.Array of StageMove, append-only; the stage is the last move's `to`.
 * - `observations`: Y.Map id → Observation; never removed (a deleted one is a tombstone).
 * - `reflections`: Y.Map ItemRef | 'overall' → ItemReflection | OverallReflection.
 * - `actions`: Y.Map id → FollowUpAction.
 */
import type * as Y from 'yjs';
import { isSafeId, readPlain } from '../model/plain-data';
import { FIRST_STAGE, type Stage } from '../model/stages';
import {
  type FollowUpAction,
  FollowUpActionSchema,
  type ItemRef,
  type ItemReflection,
  ItemReflectionSchema,
  ItemRefSchema,
  type Observation,
  ObservationSchema,
  OVERALL_REFLECTION_KEY,
  type OverallReflection,
  OverallReflectionSchema,
  type StageMove,
  StageMoveSchema,
} from './cycle-schema';
import type { FeedbackAuthor } from './threads';

export const STAGE_MOVES_FIELD = 'stageMoves';
export const OBSERVATIONS_FIELD = 'observations';
export const REFLECTIONS_FIELD = 'reflections';
export const ACTIONS_FIELD = 'actions';

export const cycleFields = [STAGE_MOVES_FIELD, OBSERVATIONS_FIELD, REFLECTIONS_FIELD, ACTIONS_FIELD] as const;

const newId = () => crypto.randomUUID();

export function stageMovesArray(doc: Y.Doc): Y.Array<unknown> {
  return doc.getArray(STAGE_MOVES_FIELD);
}
export function observationsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(OBSERVATIONS_FIELD);
}
export function reflectionsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(REFLECTIONS_FIELD);
}
export function actionsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ACTIONS_FIELD);
}

// ---- Stage ----

/** Every valid move, in the order the document holds them (concurrent moves: Yjs's order). */
export function readStageMoves(doc: Y.Doc): StageMove[] {
  const moves: StageMove[] = [];
  for (const value of stageMovesArray(doc).toArray()) {
    const parsed = StageMoveSchema.safeParse(readPlain(value));
    if (parsed.success) moves.push(parsed.data);
  }
  return moves;
}

export function stageOfMoves(moves: readonly StageMove[]): Stage {
  return moves.at(-1)?.to ?? FIRST_STAGE;
}

export function currentStage(doc: Y.Doc): Stage {
  return stageOfMoves(readStageMoves(doc));
}

/** Records a move from the current stage to `to`; the caller checks the role (stage-moves.ts). */
export function moveStage(doc: Y.Doc, to: Stage, by: FeedbackAuthor, note = '', now = new Date()): StageMove {
  const move: StageMove = {
    id: newId(),
    from: currentStage(doc),
    to,
    byId: by.id,
    byName: by.name,
    at: now.toISOString(),
    note: note.trim(),
  };
  stageMovesArray(doc).push([move]);
  return move;
}

// ---- Observations ----

export interface NewObservation {
  body: string;
  tag: Observation['tag'];
  tone: Observation['tone'];
  anchor?: Observation['anchor'];
  photo?: string | null;
}

export function addObservation(
  doc: Y.Doc,
  input: NewObservation,
  author: FeedbackAuthor,
  now = new Date(),
  id: string = newId(),
): Observation {
  const observation: Observation = {
    id,
    authorId: author.id,
    authorName: author.name,
    createdAt: now.toISOString(),
    editedAt: null,
    body: input.body.trim(),
    tag: input.tag,
    tone: input.tone,
    anchor: input.anchor ?? null,
    photo: input.photo ?? null,
    deleted: false,
  };
  observationsMap(doc).set(id, observation);
  return observation;
}

function readObservation(doc: Y.Doc, id: string): Observation | null {
  if (!isSafeId(id)) return null;
  const parsed = ObservationSchema.safeParse(readPlain(observationsMap(doc).get(id)));
  return parsed.success && parsed.data.id === id ? parsed.data : null;
}

/** Only its author edits a note (the server refuses anyone else). */
export function editObservation(
  doc: Y.Doc,
  id: string,
  change: Partial<Pick<Observation, 'body' | 'tag' | 'tone' | 'anchor' | 'photo'>>,
  now = new Date(),
): boolean {
  const current = readObservation(doc, id);
  if (!current || current.deleted) return false;
  observationsMap(doc).set(id, { ...current, ...change, editedAt: now.toISOString() });
  return true;
}

export function deleteObservation(doc: Y.Doc, id: string, now = new Date()): boolean {
  const current = readObservation(doc, id);
  if (!current || current.deleted) return false;
  observationsMap(doc).set(id, {
    ...current,
    body: '',
    photo: null,
    anchor: null,
    deleted: true,
    editedAt: now.toISOString(),
  });
  return true;
}

/** Every valid, not deleted note, oldest first. */
export function readObservations(doc: Y.Doc): Observation[] {
  const list: Observation[] = [];
  for (const [key, value] of observationsMap(doc).entries()) {
    if (!isSafeId(key)) continue;
    const parsed = ObservationSchema.safeParse(readPlain(value));
    if (parsed.success && parsed.data.id === key && !parsed.data.deleted) list.push(parsed.data);
  }
  return list.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

// ---- Reflection ----

export function setItemReflection(doc: Y.Doc, item: ItemRef, text: string, by: FeedbackAuthor, now = new Date()) {
  const value: ItemReflection = { text, byId: by.id, byName: by.name, at: now.toISOString() };
  reflectionsMap(doc).set(item, value);
}

export function setOverallReflection(
  doc: Y.Doc,
  answers: Pick<OverallReflection, 'planned' | 'students' | 'learned'>,
  by: FeedbackAuthor,
  now = new Date(),
) {
  const value: OverallReflection = { ...answers, byId: by.id, byName: by.name, at: now.toISOString() };
  reflectionsMap(doc).set(OVERALL_REFLECTION_KEY, value);
}

export interface Reflections {
  items: Map<ItemRef, ItemReflection>;
  overall: OverallReflection | null;
}

export function readReflections(doc: Y.Doc): Reflections {
  const items = new Map<ItemRef, ItemReflection>();
  let overall: OverallReflection | null = null;
  for (const [key, value] of reflectionsMap(doc).entries()) {
    if (key === OVERALL_REFLECTION_KEY) {
      const parsed = OverallReflectionSchema.safeParse(readPlain(value));
      overall = parsed.success ? parsed.data : null;
      continue;
    }
    if (!ItemRefSchema.safeParse(key).success) continue;
    const parsed = ItemReflectionSchema.safeParse(readPlain(value));
    if (parsed.success) items.set(key as ItemRef, parsed.data);
  }
  return { items, overall };
}

// ---- Follow-up plan ----

export interface NewAction {
  what: string;
  who: string;
  due: string | null;
  links: ItemRef[];
}

export function addAction(doc: Y.Doc, input: NewAction, by: FeedbackAuthor, now = new Date(), id: string = newId()) {
  const at = now.toISOString();
  const action: FollowUpAction = {
    id,
    what: input.what.trim(),
    who: input.who.trim(),
    due: input.due,
    status: 'open',
    links: [...new Set(input.links)],
    createdById: by.id,
    createdAt: at,
    updatedAt: at,
  };
  actionsMap(doc).set(id, action);
  return action;
}

export function updateAction(
  doc: Y.Doc,
  id: string,
  change: Partial<Pick<FollowUpAction, 'what' | 'who' | 'due' | 'status' | 'links'>>,
  now = new Date(),
): boolean {
  if (!isSafeId(id)) return false;
  const parsed = FollowUpActionSchema.safeParse(readPlain(actionsMap(doc).get(id)));
  if (!parsed.success) return false;
  actionsMap(doc).set(id, { ...parsed.data, ...change, updatedAt: now.toISOString() });
  return true;
}

export function removeAction(doc: Y.Doc, id: string): boolean {
  if (!actionsMap(doc).has(id)) return false;
  actionsMap(doc).delete(id);
  return true;
}

/** Every valid action, oldest first. */
export function readActions(doc: Y.Doc): FollowUpAction[] {
  const list: FollowUpAction[] = [];
  for (const [key, value] of actionsMap(doc).entries()) {
    if (!isSafeId(key)) continue;
    const parsed = FollowUpActionSchema.safeParse(readPlain(value));
    if (parsed.success && parsed.data.id === key) list.push(parsed.data);
  }
  return list.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** Open and past its day (`today` as YYYY-MM-DD in the user's time zone). */
export function isOverdue(action: Pick<FollowUpAction, 'status' | 'due'>, today: string): boolean {
  return action.status === 'open' && action.due !== null && action.due < today;
}

/** Today as YYYY-MM-DD in local time (what "overdue" is measured against). */
export function localDay(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
