/**
 * The web app files clips the way the extension's background does: checked against the draft
 * schema, written to the outbox (IndexedDB, keyed by clipId) before anything else, then delivered
 * through the same delivery (../../outbox/delivery.ts) with its duplicate check — over the page's
 * cookie session instead of a token. Used by the share page and by Kotak klip's "Pindahkan ke draf".
 */
import type { Clip } from '../../../shared/model/clip';
import { clipToNode } from '../../../shared/model/clip-to-node';
import type { IfSourceExists, SourceDecision } from '../../../shared/protocol/extension-messages';
import { createDelivery, type Delivery, type DeliveryOutcome } from '../../outbox/delivery';
import { newOutboxEntry, normalizeServerUrl, type Outbox, openOutbox } from '../../outbox/outbox';
import { createOutboxSweep, type SweepResult } from '../../outbox/outbox-sweep';
import { openDraftConnection } from '../../sync/draft-connection';

export type Filing =
  | { filed: true; outcome: DeliveryOutcome }
  | { filed: false; reason: 'invalid-content' | 'outbox-failed' };

export interface WebClipFiling {
  /** Stores the clip in the outbox, then tries to deliver it once. */
  file(clip: Clip, ifSourceExists?: IfSourceExists): Promise<Filing>;
  /** The person's answer for a clip held because its page is already a source card in the draft. */
  decide(clipId: string, decision: SourceDecision): Promise<DeliveryOutcome | null>;
  /** Tries every clip still waiting in the outbox (one sweep at a time). */
  sweep(): Promise<SweepResult>;
  outbox(): Promise<Outbox>;
  close(): void;
}

/** `token`: null on the web (the page's cookie session), the paired token on the extension's editor page. */
export function webClipFiling(
  serverUrl: string,
  token: string | null,
  now: () => Date = () => new Date(),
): WebClipFiling {
  let opened: Promise<Outbox> | null = null;
  const outbox = () => {
    opened ??= openOutbox();
    return opened;
  };
  const delivery: Delivery = createDelivery({
    outbox,
    openConnection: openDraftConnection,
    cookieSession: token === null,
  });
  const sweep = createOutboxSweep({
    outbox,
    delivery,
    loadSettings: async () => ({ serverUrl, token, language: 'id' }),
  });
  const deliverSafely = (entry: Parameters<Delivery['deliver']>[0]) =>
    delivery.deliver(entry, token).catch((error): DeliveryOutcome => {
      console.error('share: delivery failed unexpectedly; the clip stays in the outbox', error);
      return { delivered: false, problem: 'server-error' };
    });

  return {
    async file(clip, ifSourceExists = 'ask') {
      const fits = clipToNode(clip);
      if (!fits.ok) {
        console.error('share: content refused by the draft schema', fits.detail);
        return { filed: false, reason: 'invalid-content' };
      }
      const entry = newOutboxEntry(normalizeServerUrl(serverUrl), clip, now(), ifSourceExists);
      try {
        // Already there (the same clip filed before a reload): delivery is idempotent by clipId.
        const existing = await (await outbox()).get(clip.clipId);
        if (!existing) await (await outbox()).put(entry);
      } catch (error) {
        console.error('share: could not store the clip in the outbox', error);
        return { filed: false, reason: 'outbox-failed' };
      }
      const stored = (await (await outbox()).get(clip.clipId)) ?? entry;
      return { filed: true, outcome: await deliverSafely(stored) };
    },
    async decide(clipId, decision) {
      const box = await outbox();
      const entry = await box.get(clipId);
      if (!entry) return null;
      await box.update(clipId, (current) => ({ ...current, ifSourceExists: decision, sourceInDraft: null }));
      return deliverSafely({ ...entry, ifSourceExists: decision, sourceInDraft: null });
    },
    sweep,
    outbox,
    close() {
      delivery.closeAll();
      void opened?.then((box) => box.close());
    },
  };
}
