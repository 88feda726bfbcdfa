/**
 * What every kind of clip shares once its content is known: build and check the Clip, put it in
 * the outbox, and only then try to deliver it. Once the outbox has it, the answer is never a
 * failure: it is either delivered or queued.
 */
import { clipToNode } from '../../shared/model/clip-to-node';
import { type ClipKind, ClipSchema, type ClipSource, type NodeJson } from '../../shared/protocol/clip';
import type { ClipSelectionReply } from '../../shared/protocol/extension-messages';
import type { ClipPreferences } from '../clip/clip-preferences';
import type { Delivery } from '../outbox/delivery';
import { newOutboxEntry, normalizeServerUrl, type Outbox } from '../outbox/outbox';

export interface FileClipDeps {
  preferences: ClipPreferences;
  outbox: () => Promise<Outbox>;
  delivery: Delivery;
  /** Called whenever the number of waiting clips may have changed. */
  onOutboxChanged?: () => void;
  newClipId?: () => string;
}

export interface ClipToFile {
  draftId: string;
  kind: ClipKind;
  source: ClipSource;
  content: NodeJson[];
}

export async function fileClip(
  clipToFile: ClipToFile,
  account: { serverUrl: string; token: string },
  now: Date,
  deps: FileClipDeps,
): Promise<ClipSelectionReply> {
  const parsed = ClipSchema.safeParse({ clipId: deps.newClipId?.() ?? crypto.randomUUID(), ...clipToFile });
  if (!parsed.success) {
    console.error('clip: clip does not match ClipSchema', parsed.error.issues);
    return { ok: false, reason: 'invalid-content' };
  }
  const clip = parsed.data;
  const checked = clipToNode(clip);
  if (!checked.ok) {
    console.error('clip: content refused by the draft schema', checked.detail);
    return { ok: false, reason: 'invalid-content' };
  }

  const entry = newOutboxEntry(normalizeServerUrl(account.serverUrl), clip, now);
  try {
    await (await deps.outbox()).put(entry);
  } catch (error) {
    console.error('clip: could not store the clip in the outbox', error);
    return { ok: false, reason: 'outbox-failed' };
  }
  deps.onOutboxChanged?.();
  await deps.preferences
    .setLastDraftId(clip.draftId)
    .catch((error) => console.error('clip: could not remember the chosen draft', error));

  const outcome = await deps.delivery
    .deliver(entry, account.token)
    .catch((error): { delivered: false; problem: 'server-error' } => {
      console.error('clip: delivery failed unexpectedly; the clip stays in the outbox', error);
      return { delivered: false, problem: 'server-error' };
    });
  deps.onOutboxChanged?.();
  return outcome.delivered
    ? { ok: true, clipId: clip.clipId, delivery: 'delivered' }
    : { ok: true, clipId: clip.clipId, delivery: 'queued', problem: outcome.problem };
}
