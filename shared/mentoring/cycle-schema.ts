/**
 * What the mentoring cycle adds beside a draft's content, in its feedback document (never in the
 * content): the stage history, classroom observation notes, the teacher's reflection and the
 * follow-up plan. Plain JSON values, checked field by field by ./cycle-rules.ts.
 */
import { z } from 'zod';
import { DaySchema } from '../model/calendar-day';
import { SAFE_ID_PATTERN } from '../model/plain-data';
import { StageSchema } from '../model/stages';
import { AnchorSchema } from './thread-schema';

/** Ids are also keys of the document's maps: never `__proto__` and the like (../model/plain-data.ts). */
const id = z.string().regex(SAFE_ID_PATTERN);
const userId = z.string().regex(SAFE_ID_PATTERN);
const name = z.string().max(100);
const time = z.iso.datetime();

export const MAX_NOTE = 2_000;
export const MAX_REFLECTION = 5_000;
/** A photo is downscaled on the phone before it is stored; this bounds the data URL (~300 KB). */
export const MAX_PHOTO_CHARS = 400_000;

/** One move of the stage; the draft's stage is the `to` of the last move (or the first stage). */
export const StageMoveSchema = z.object({
  id,
  from: StageSchema,
  to: StageSchema,
  byId: userId,
  byName: name,
  at: time,
  note: z.string().max(500),
});
export type StageMove = z.infer<typeof StageMoveSchema>;

export const observationTags = ['engagement', 'clarity', 'time', 'difficulty', 'other'] as const;
export const ObservationTagSchema = z.enum(observationTags);
export type ObservationTag = z.infer<typeof ObservationTagSchema>;

/** Which reflection column a note belongs to: something that worked (keep) or needs fixing (fix). */
export const ToneSchema = z.enum(['keep', 'fix']);
export type Tone = z.infer<typeof ToneSchema>;

export const PhotoSchema = z
  .string()
  .max(MAX_PHOTO_CHARS)
  .regex(/^data:image\/(jpeg|png|webp);base64,[A-Za-z0-9+/]+={0,2}$/, 'a photo is a base64 JPEG, PNG or WebP');

/** A note taken while watching the try-out lesson; written in the author's own name only. */
export const ObservationSchema = z.object({
  id,
  authorId: userId,
  authorName: name,
  createdAt: time,
  editedAt: time.nullable(),
  body: z.string().max(MAX_NOTE),
  tag: ObservationTagSchema,
  tone: ToneSchema,
  /** The part of the media it is about (a heading or passage), or null. */
  anchor: AnchorSchema.nullable(),
  photo: PhotoSchema.nullable(),
  /** Deleted by its author: kept as a tombstone, like a comment. */
  deleted: z.boolean(),
});
export type Observation = z.infer<typeof ObservationSchema>;

/** A reflection item: a feedback thread or an observation note, by id. */
export const ItemRefSchema = z
  .string()
  .regex(/^(thread|observation):[A-Za-z0-9_-]{1,64}$/)
  .refine((ref) => SAFE_ID_PATTERN.test(ref.slice(ref.indexOf(':') + 1)));
export type ItemRef = z.infer<typeof ItemRefSchema>;

export function threadRef(threadId: string): ItemRef {
  return `thread:${threadId}`;
}
export function observationRef(observationId: string): ItemRef {
  return `observation:${observationId}`;
}

/** The teacher's reflection on one item. */
export const ItemReflectionSchema = z.object({
  text: z.string().max(MAX_REFLECTION),
  byId: userId,
  byName: name,
  at: time,
});
export type ItemReflection = z.infer<typeof ItemReflectionSchema>;

/** The teacher's overall reflection, guided by three prompts. */
export const OverallReflectionSchema = z.object({
  planned: z.string().max(MAX_REFLECTION),
  students: z.string().max(MAX_REFLECTION),
  learned: z.string().max(MAX_REFLECTION),
  byId: userId,
  byName: name,
  at: time,
});
export type OverallReflection = z.infer<typeof OverallReflectionSchema>;

export const OVERALL_REFLECTION_KEY = 'overall';

export const ActionStatusSchema = z.enum(['open', 'done']);
export type ActionStatus = z.infer<typeof ActionStatusSchema>;

/** One action of the follow-up plan: what, who, by when, and what it answers. */
export const FollowUpActionSchema = z.object({
  id,
  what: z.string().trim().min(1).max(500),
  who: z.string().max(100),
  due: DaySchema.nullable(),
  status: ActionStatusSchema,
  /** The feedback threads and observation notes this action answers. */
  links: z.array(ItemRefSchema).max(50),
  createdById: userId,
  createdAt: time,
  updatedAt: time,
});
export type FollowUpAction = z.infer<typeof FollowUpActionSchema>;
