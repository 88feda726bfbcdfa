/**
 * Delivers outbox entries: one DraftLink per (server, token, draft), kept open for a while after
 * its last clip and then closed. The outbox entry is removed only when the server proved it has
 * the clip; otherwise the entry records why not and waits for the next retry.
 */
import type { ClipInDraft } from '../../shared/model/draft-doc';
import type { DraftConnection, DraftConnectionOptions } from '../sync/draft-connection';
import { type DeliveryOutcome, DraftLink, type DraftLinkTiming } from './draft-link';
import type { Outbox, OutboxEntry } from './outbox';

export type { DeliveryOutcome } from './draft-link';

export interface DeliveryTiming extends DraftLinkTiming {
  /** A draft's connection is closed this long after its last clip. */
  idleCloseMs: number;
  /** How long a duplicate check waits for the server before it trusts the local copy. */
  sourcesWaitMs: number;
}

export const DEFAULT_DELIVERY_TIMING: DeliveryTiming = {
  confirmWaitMs: 6_000,
  probeEveryMs: 2_000,
  idleCloseMs: 30_000,
  sourcesWaitMs: 2_500,
};

export interface DeliveryDeps {
  outbox: () => Promise<Outbox>;
  openConnection: (options: DraftConnectionOptions) => DraftConnection;
  timing?: Partial<DeliveryTiming>;
  now?: () => Date;
}

export interface Delivery {
  /** Delivers one entry with the given token; records the outcome on the entry. */
  deliver(entry: OutboxEntry, token: string | null): Promise<DeliveryOutcome>;
  /** The draft's source cards (to warn before a page is clipped twice); waits briefly for the server. */
  sourcesOf(serverUrl: string, token: string, draftId: string): Promise<ClipInDraft[]>;
  /** Closes every open draft connection (tests, shutdown). */
  closeAll(): void;
}

export function createDelivery(deps: DeliveryDeps): Delivery {
  const timing = { ...DEFAULT_DELIVERY_TIMING, ...deps.timing };
  const now = deps.now ?? (() => new Date());
  const links = new Map<string, { link: DraftLink; idle: ReturnType<typeof setTimeout> | null }>();

  function linkFor(serverUrl: string, token: string, draftId: string): DraftLink {
    const key = JSON.stringify([serverUrl, token, draftId]);
    let held = links.get(key);
    if (held && !held.link.usable) {
      close(key);
      held = undefined;
    }
    if (!held) {
      const connection = deps.openConnection({ serverUrl, token, draftId });
      const link = new DraftLink(connection, async (clipId) => (await deps.outbox()).delete(clipId), timing);
      held = { link, idle: null };
      links.set(key, held);
    }
    // Keep the connection while clips keep coming; close it a while after the last one.
    if (held.idle) clearTimeout(held.idle);
    held.idle = setTimeout(() => close(key), timing.idleCloseMs);
    return held.link;
  }

  function close(key: string): void {
    const held = links.get(key);
    if (!held) return;
    if (held.idle) clearTimeout(held.idle);
    links.delete(key);
    held.link.destroy();
  }

  async function record(entry: OutboxEntry, outcome: DeliveryOutcome): Promise<DeliveryOutcome> {
    if (outcome.delivered) return outcome;
    const outbox = await deps.outbox();
    await outbox.update(entry.clipId, (current) => ({
      ...current,
      attempts: current.attempts + 1,
      lastAttemptAt: now().toISOString(),
      problem: outcome.problem,
    }));
    return outcome;
  }

  return {
    async deliver(entry, token) {
      if (!token) return record(entry, { delivered: false, problem: 'not-signed-in' });
      const link = linkFor(entry.serverUrl, token, entry.clip.draftId);
      return record(entry, await link.deliver(entry.clip));
    },
    sourcesOf(serverUrl, token, draftId) {
      return linkFor(serverUrl, token, draftId).sources(timing.sourcesWaitMs);
    },
    closeAll() {
      for (const key of [...links.keys()]) close(key);
    },
  };
}
