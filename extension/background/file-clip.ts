/**
 * What every kind of clip shares once its content is known: build and check the Clip, put it in
 * the outbox, and only then try to deliver it. Once the outbox has it, the answer is never a
 * failure: it is either delivered or queued.
 */

import { type ClipKind, ClipSchema, type ClipSource, type NodeJson } from '../../shared/model/clip';
import { clipToNode } from '../../shared/model/clip-to-node';
import type { ClipInDraft } from '../../shared/model/draft-doc';
import { sourceKey } from '../../shared/model/source-url';
import type { ClipSelectionReply, IfSourceExists } from '../../shared/protocol/extension-messages';
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
  /** When this source is already a card in the draft: ask (default), add to that card, or a new card. */
  ifSourceExists?: IfSourceExists;
}

export async function fileClip(
  clipToFile: ClipToFile,
  account: { serverUrl: string; token: string },
  now: Date,
  deps: FileClipDeps,
): Promise<ClipSelectionReply> {
  const { ifSourceExists = 'ask', ...toFile } = clipToFile;
  let addTo: string | undefined;
  if (ifSourceExists !== 'new-source') {
    const existing = await existingSource(toFile.draftId, toFile.source.url, account, deps);
    if (existing && ifSourceExists === 'ask') {
      return { ok: false, reason: 'source-exists', existing: { title: existing.sourceTitle, url: existing.sourceUrl } };
    }
    addTo = existing?.clipId;
  }
  const parsed = ClipSchema.safeParse({ clipId: deps.newClipId?.() ?? crypto.randomUUID(), ...toFile, addTo });
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

/**
 * The draft's first card from the same source (same address once normalised), if any. The check
 * must never stop a clip: if the draft cannot be read, the clip goes ahead as a card of its own.
 */
async function existingSource(
  draftId: string,
  url: string,
  account: { serverUrl: string; token: string },
  deps: FileClipDeps,
): Promise<ClipInDraft | null> {
  const key = sourceKey(url);
  if (!key) return null;
  try {
    const sources = await deps.delivery.sourcesOf(normalizeServerUrl(account.serverUrl), account.token, draftId);
    return sources.find((source) => sourceKey(source.sourceUrl) === key) ?? null;
  } catch (error) {
    console.warn('clip: could not check the draft for this source', error);
    return null;
  }
}
