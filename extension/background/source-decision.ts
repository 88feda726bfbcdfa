/**
 * The user's answer for a clip held in the outbox because its page is already a source in the
 * draft: add it to that source card or make a new one (then it is delivered), or cancel (it
 * leaves the outbox).
 */
import type { BackgroundRequest, ClipSelectionReply, DiscardClipReply } from '../../shared/protocol/extension-messages';
import type { Delivery } from '../outbox/delivery';
import { normalizeServerUrl, type Outbox } from '../outbox/outbox';
import type { AppSettingsStore } from '../settings/app-settings';
import { deliverFiled } from './file-clip';

export interface SourceDecisionDeps {
  outbox: () => Promise<Outbox>;
  delivery: Delivery;
  settings: AppSettingsStore;
}

type DecideSourceRequest = Extract<BackgroundRequest, { type: 'decide-source' }>;

export async function decideSource(
  request: DecideSourceRequest,
  deps: SourceDecisionDeps,
): Promise<ClipSelectionReply> {
  const outbox = await deps.outbox();
  const entry = await outbox.get(request.clipId);
  if (!entry) {
    // Answered in another window, or discarded: nothing left to decide.
    console.warn('clip: decision for a clip no longer in the outbox', request.clipId);
    return { ok: false, reason: 'internal' };
  }
  const decided = { ...entry, ifSourceExists: request.decision, sourceInDraft: null };
  await outbox.update(entry.clipId, (current) => ({
    ...current,
    ifSourceExists: request.decision,
    sourceInDraft: null,
  }));
  const settings = await deps.settings.load();
  if (normalizeServerUrl(settings.serverUrl) !== entry.serverUrl) {
    // A clip never moves to another server; it waits, as the sweep would say.
    await outbox.update(entry.clipId, (current) => ({ ...current, problem: 'other-server' }));
    return { ok: true, clipId: entry.clipId, delivery: 'queued', problem: 'other-server' };
  }
  return deliverFiled(decided, settings.token, deps.delivery);
}

export async function discardClip(clipId: string, outbox: () => Promise<Outbox>): Promise<DiscardClipReply> {
  try {
    await (await outbox()).delete(clipId);
    return { ok: true };
  } catch (error) {
    console.error('clip: held clip not discarded', clipId, error);
    return { ok: false, reason: 'outbox-failed' };
  }
}
