/**
 * What the outbox holds, as the pages show it: how many clips wait for delivery, the latest reason
 * one was not delivered, and the clips held for the user's decision. The background publishes it
 * after every change to the outbox (`withChangeNotice`); the pages watch it (../storage.ts).
 */
import { z } from 'zod';
import { type DeliveryProblem, DeliveryProblemSchema } from '../../shared/protocol/extension-messages';
import { type Outbox, SourceInDraftSchema } from './outbox';

/** More held clips than this are asked about after the first ones are answered. */
const MAX_HELD_SHOWN = 50;

export const HeldClipSchema = z.object({
  clipId: z.uuid(),
  draftId: z.string().max(64),
  sourceInDraft: SourceInDraftSchema,
});
export type HeldClip = z.infer<typeof HeldClipSchema>;

export const OutboxStateSchema = z.object({
  pending: z.number().int().nonnegative(),
  problem: DeliveryProblemSchema.nullable(),
  held: z.array(HeldClipSchema).max(MAX_HELD_SHOWN),
});
export type OutboxState = z.infer<typeof OutboxStateSchema>;

export const EMPTY_OUTBOX_STATE: OutboxState = { pending: 0, problem: null, held: [] };

export async function outboxStateOf(outbox: Outbox): Promise<OutboxState> {
  const [waiting, held] = await Promise.all([outbox.list(), outbox.held()]);
  return {
    pending: waiting.length,
    problem: latestProblem(waiting),
    held: held
      .slice(0, MAX_HELD_SHOWN)
      .flatMap((entry) =>
        entry.sourceInDraft
          ? [{ clipId: entry.clipId, draftId: entry.clip.draftId, sourceInDraft: entry.sourceInDraft }]
          : [],
      ),
  };
}

/** The problem of the most recently attempted clip, if any. */
export function latestProblem(
  entries: { lastAttemptAt: string | null; problem: DeliveryProblem | null }[],
): DeliveryProblem | null {
  let latest: { at: string; problem: DeliveryProblem } | null = null;
  for (const entry of entries) {
    if (entry.problem && (!latest || (entry.lastAttemptAt ?? '') >= latest.at)) {
      latest = { at: entry.lastAttemptAt ?? '', problem: entry.problem };
    }
  }
  return latest?.problem ?? null;
}

/** The same outbox, calling `changed` after every write that went through. */
export function withChangeNotice(outbox: Outbox, changed: () => void): Outbox {
  const noticed =
    <A extends unknown[]>(write: (...args: A) => Promise<void>) =>
    async (...args: A) => {
      await write(...args);
      changed();
    };
  return {
    ...outbox,
    put: noticed(outbox.put),
    update: noticed(outbox.update),
    delete: noticed(outbox.delete),
  };
}
