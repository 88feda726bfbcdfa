/**
 * The shape of mentor feedback: threads anchored to the draft's text, each of a kind, with
 * comments. Stored in the draft's feedback document (./threads.ts), never in the content.
 */
import { z } from 'zod';
import { SAFE_ID_PATTERN } from '../model/plain-data';

/** Strength (keep this), improvement (fix this), question, suggestion (proposed replacement text). */
export const feedbackKinds = ['strength', 'improvement', 'question', 'suggestion'] as const;
export const FeedbackKindSchema = z.enum(feedbackKinds);
export type FeedbackKind = z.infer<typeof FeedbackKindSchema>;

export const ThreadStatusSchema = z.enum(['open', 'resolved']);
export type ThreadStatus = z.infer<typeof ThreadStatusSchema>;

export const SuggestionOutcomeSchema = z.enum(['accepted', 'rejected']);
export type SuggestionOutcome = z.infer<typeof SuggestionOutcomeSchema>;

export const MAX_QUOTE = 2_000;
export const MAX_CONTEXT = 64;
export const MAX_COMMENT = 5_000;

/** Ids are also keys of the document's maps: never `__proto__` and the like (../model/plain-data.ts). */
const id = z.string().regex(SAFE_ID_PATTERN);
const userId = z.string().regex(SAFE_ID_PATTERN);
const name = z.string().max(100);
const time = z.iso.datetime();
/** A Yjs relative position (Y.encodeRelativePosition), base64: small, but never unbounded. */
const relativePosition = z
  .string()
  .max(512)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/);

/**
 * Where a thread points: relative positions into the draft's content (they follow concurrent
 * edits), plus the quoted text with some context on each side, to find it again when they drift.
 */
export const AnchorSchema = z.object({
  start: relativePosition,
  end: relativePosition,
  quote: z.string().min(1).max(MAX_QUOTE),
  prefix: z.string().max(MAX_CONTEXT),
  suffix: z.string().max(MAX_CONTEXT),
});
export type Anchor = z.infer<typeof AnchorSchema>;

export const CommentSchema = z.object({
  id,
  authorId: userId,
  authorName: name,
  body: z.string().max(MAX_COMMENT),
  createdAt: time,
  editedAt: time.nullable(),
  /** Deleted by its author: kept as a tombstone so replies keep their place. */
  deleted: z.boolean(),
});
export type Comment = z.infer<typeof CommentSchema>;

/** Thread fields as stored (comments live in their own list, see threads.ts). */
export const ThreadFieldsSchema = z.object({
  id,
  kind: FeedbackKindSchema,
  authorId: userId,
  authorName: name,
  createdAt: time,
  anchor: AnchorSchema,
  /** A suggestion's proposed replacement for the quoted text; null for the other kinds. */
  suggestion: z.string().max(MAX_QUOTE).nullable(),
  status: ThreadStatusSchema,
  resolvedBy: userId.nullable(),
  resolvedAt: time.nullable(),
  outcome: SuggestionOutcomeSchema.nullable(),
  outcomeBy: userId.nullable(),
  outcomeAt: time.nullable(),
});
export type ThreadFields = z.infer<typeof ThreadFieldsSchema>;

export interface Thread extends ThreadFields {
  comments: Comment[];
}

/** Fields only the thread's author may set (when creating it) or change. */
export const authorThreadFields = ['kind', 'anchor', 'suggestion'] as const;
/** Fields owner and editors change when resolving, reopening or deciding on a suggestion. */
export const decisionThreadFields = [
  'status',
  'resolvedBy',
  'resolvedAt',
  'outcome',
  'outcomeBy',
  'outcomeAt',
] as const;
