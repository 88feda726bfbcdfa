/**
 * The mentoring cycle every draft moves through. The stages are not a wall: content stays editable
 * in every stage; the stage says where teacher and mentor are in their work together. Who may move
 * it: ../mentoring/stage-moves.ts.
 */
import { z } from 'zod';

export const stages = ['needs-analysis', 'design', 'try-out', 'reflection', 'follow-up'] as const;
export const StageSchema = z.enum(stages);
export type Stage = z.infer<typeof StageSchema>;

/** Where a new draft starts. */
export const FIRST_STAGE: Stage = 'needs-analysis';
