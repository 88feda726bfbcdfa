/**
 * The server's answer to a document update the sender may not make (e.g. a commenter typing in
 * the content). It travels as y-protocols' auth "permission denied" message (type 2), whose reason
 * string is this JSON; the connection stays open, so presence keeps working. The stock client only
 * logs it; ours switches the editor to read-only or drops the refused local changes (offering their text).
 */
import { z } from 'zod';
import { RoleSchema } from '../auth/roles';

/** Why a rule of a room's kind refused one update (the rules: shared/mentoring, shared/model). */
export const writeRefusalReasons = [
  /** A thread, comment or note made or changed in someone else's name. */
  'not-your-feedback',
  /** Resolving, reopening or deciding on a suggestion without the right to. */
  'may-not-resolve',
  /** A thread or comment removed, or a field that never changes changed. */
  'may-not-remove',
  /** Not well-formed, or something outside the document's parts. */
  'malformed',
  /** A stage move the stage table (shared/mentoring/stage-moves.ts) does not allow this role. */
  'may-not-move-stage',
  /** Reflection or follow-up plan changed by someone who may not edit the draft. */
  'may-not-plan',
  /** The draft's mentoring document has reached its size limit. */
  'document-full',
  /** The draft's observation photos have reached their limit. */
  'photos-full',
  /** An image in the content that would be fetched from elsewhere (shared/model/content-images.ts). */
  'external-image',
] as const;
export type WriteRefusalReason = (typeof writeRefusalReasons)[number];

export const WriteRefusalSchema = z.object({
  /**
   * `read-only`: the role may not change this document at all; `feedback-rule`: a change of the
   * mentoring document broke one of its rules; `content-rule`: a content change broke one (see `reason`).
   */
  code: z.enum(['read-only', 'feedback-rule', 'content-rule']),
  reason: z.enum(writeRefusalReasons).optional(),
  /** The sender's role on the draft at the time of refusal. */
  role: RoleSchema,
  /** Which document refused: the content or the feedback of the draft. */
  room: z.string().max(200),
});
export type WriteRefusal = z.infer<typeof WriteRefusalSchema>;

/** Null for anything that is not a notice of this kind we sent (another server, a newer version). */
function decodeNotice<T>(schema: z.ZodType<T>, reason: string): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(reason));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function encodeWriteRefusal(refusal: WriteRefusal): string {
  return JSON.stringify(refusal);
}

export function decodeWriteRefusal(reason: string): WriteRefusal | null {
  return decodeNotice(WriteRefusalSchema, reason);
}

/**
 * Sent the same way when the owner raises someone's role while they are connected, so their editor
 * fetches the draft again and unlocks what the new role allows. (A lowered role needs no notice:
 * the next change it no longer allows is refused as above.)
 */
export const RoleRaisedSchema = z.object({ code: z.literal('role-raised'), role: RoleSchema });
export type RoleRaised = z.infer<typeof RoleRaisedSchema>;

export function encodeRoleRaised(notice: RoleRaised): string {
  return JSON.stringify(notice);
}

export function decodeRoleRaised(reason: string): RoleRaised | null {
  return decodeNotice(RoleRaisedSchema, reason);
}
