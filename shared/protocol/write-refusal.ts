/**
 * The server's answer to a document update the sender may not make (e.g. a commenter typing in
 * the content). It travels as y-protocols' auth "permission denied" message (type 2), whose reason
 * string is this JSON; the connection stays open, so presence keeps working. The stock client only
 * logs it; ours switches the editor to read-only and drops the refused local changes.
 */
import { z } from 'zod';
import { RoleSchema } from '../auth/roles';
import { feedbackRefusalReasons } from '../feedback/feedback-rules';

export const WriteRefusalSchema = z.object({
  /**
   * `read-only`: the role may not change this document at all; `feedback-rule`: a feedback change
   * broke a rule of shared/feedback/feedback-rules.ts (e.g. made in someone else's name), see `reason`.
   */
  code: z.enum(['read-only', 'feedback-rule']),
  reason: z.enum(feedbackRefusalReasons).optional(),
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
