/**
 * What every kind of clip shares once its content is known: build the Clip, make sure the draft
 * can hold its content, store it in the outbox (where it is checked against its schema, once), and
 * only then deliver it. Whether the page is already a source in the draft is found on delivery;
 * once the outbox has the clip, the answer is never a failure: it is delivered, queued, or held
 * for the user's decision (`source-exists`).
 */
import { z } from 'zod';
import type { Clip, ClipKind, ClipSource, NodeJson } from '../../shared/model/clip';
import { clipToNode } from '../../shared/model/clip-to-node';
import type { ClipSelectionReply, IfSourceExists } from '../../shared/protocol/extension-messages';
import type { ClipPreferences } from '../clip/clip-preferences';
import type { Delivery, DeliveryOutcome } from '../outbox/delivery';
import { newOutboxEntry, normalizeServerUrl, type Outbox, type OutboxEntry } from '../outbox/outbox';

export interface FileClipDeps {
  preferences: ClipPreferences;
  outbox: () => Promise<Outbox>;
  delivery: Delivery;
  newClipId?: () => string;
}

export interface ClipToFile {
  draftId: string;
  kind: ClipKind;
  source: ClipSource;
  content: NodeJson[];
  /** When this source is already a card in the draft: ask (default), add to that card, or a new card. */
  ifSourceExists?: IfSourceExists;
  /** The section of the draft to place it at the end of; the end of the draft when absent. */
  underHeading?: Clip['underHeading'];
}

export async function fileClip(
  clipToFile: ClipToFile,
  account: { serverUrl: string; token: string },
  now: Date,
  deps: FileClipDeps,
): Promise<ClipSelectionReply> {
  const { ifSourceExists = 'ask', underHeading, ...parts } = clipToFile;
  const clip: Clip = {
    clipId: deps.newClipId?.() ?? crypto.randomUUID(),
    ...parts,
    ...(underHeading && { underHeading }),
  };
  // Content the draft cannot hold is refused now, before anything is stored.
  const fits = clipToNode(clip);
  if (!fits.ok) {
    console.error('clip: content refused by the draft schema', fits.detail);
    return { ok: false, reason: 'invalid-content' };
  }
  const entry = newOutboxEntry(normalizeServerUrl(account.serverUrl), clip, now, ifSourceExists);
  try {
    await (await deps.outbox()).put(entry);
  } catch (error) {
    if (error instanceof z.ZodError) {
      console.error('clip: clip does not match its schema', error.issues);
      return { ok: false, reason: 'invalid-content' };
    }
    console.error('clip: could not store the clip in the outbox', error);
    return { ok: false, reason: 'outbox-failed' };
  }
  await deps.preferences
    .setLastDraftId(clip.draftId)
    .catch((error) => console.error('clip: could not remember the chosen draft', error));
  return deliverFiled(entry, account.token, deps.delivery);
}

/** Delivers a clip already in the outbox and says what became of it. */
export async function deliverFiled(
  entry: OutboxEntry,
  token: string | null,
  delivery: Delivery,
): Promise<ClipSelectionReply> {
  const outcome = await delivery.deliver(entry, token).catch((error): DeliveryOutcome => {
    console.error('clip: delivery failed unexpectedly; the clip stays in the outbox', error);
    return { delivered: false, problem: 'server-error' };
  });
  if (outcome.delivered) return { ok: true, clipId: entry.clipId, delivery: 'delivered' };
  if ('sourceInDraft' in outcome) return { ok: false, reason: 'source-exists', existing: outcome.sourceInDraft };
  return { ok: true, clipId: entry.clipId, delivery: 'queued', problem: outcome.problem };
}
