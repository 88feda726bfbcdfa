/**
 * Delivers outbox entries into their drafts, knowing no provider (drafts come from `openDraft`):
 * wait for the draft to reflect the server, check whether the clip's page is already a source
 * there (./source-check.ts), append, then wait a while for the server's receipt. The outcome is
 * recorded on the entry; the entry leaves the outbox only when the server is proven to hold the
 * clip. One open draft per (server, token, draft), closed a while after its last clip once nothing
 * awaits a receipt.
 */
import type { DraftSection } from '../../shared/model/draft-doc';
import { isInboxDestination } from '../../shared/model/inbox-destination';
import type { DeliveryProblem } from '../../shared/protocol/extension-messages';
import type { DraftAddress, DraftTarget, OpenDraft } from './draft-target';
import { deliverIntoInbox, type InboxFetch } from './inbox-delivery';
import type { Outbox, OutboxEntry, SourceInDraft } from './outbox';
import { checkSource, type SourceCheck } from './source-check';

export type DeliveryOutcome =
  | { delivered: true }
  | { delivered: false; problem: DeliveryProblem }
  /** Held in the outbox: the page is already a source in the draft and the user decides. */
  | { delivered: false; sourceInDraft: SourceInDraft };

export interface DraftDeliveryTiming {
  /** How long `deliver` waits for the server's receipt before answering "queued". */
  confirmWaitMs: number;
  /** How long `deliver` waits for the draft to reflect the server before it trusts the local copy. */
  syncWaitMs: number;
  /** A draft is closed this long after its last clip (kept while clips await their receipt). */
  idleCloseMs: number;
}

export const DEFAULT_DRAFT_DELIVERY_TIMING: DraftDeliveryTiming = {
  confirmWaitMs: 6_000,
  syncWaitMs: 2_500,
  idleCloseMs: 30_000,
};

export interface Delivery {
  /** Delivers one entry with the given token; records the outcome on the entry. */
  deliver(entry: OutboxEntry, token: string | null): Promise<DeliveryOutcome>;
  /**
   * The draft's sections, from the copy delivery keeps open (opened now if need be, and waited on
   * as for a clip), so the panel can offer them as places for the next clip.
   */
  sections(address: DraftAddress): Promise<DraftSection[]>;
  /** Closes every open draft (tests, shutdown). */
  closeAll(): void;
}

export interface DraftDeliveryDeps {
  outbox: () => Promise<Outbox>;
  openDraft: OpenDraft;
  timing?: Partial<DraftDeliveryTiming>;
  now?: () => Date;
  /** The web app: no token, the browser sends the session cookie with the sync connection. */
  cookieSession?: boolean;
  /** How a Kotak klip clip is sent (tests pass the real server's fetch); `fetch` by default. */
  sendInbox?: InboxFetch;
}

export function deliverIntoDrafts(deps: DraftDeliveryDeps): Delivery {
  const timing = { ...DEFAULT_DRAFT_DELIVERY_TIMING, ...deps.timing };
  const now = deps.now ?? (() => new Date());
  const open = new Map<string, { draft: DraftTarget; idle: ReturnType<typeof setTimeout> | null }>();
  const removeConfirmed = async (clipId: string) => (await deps.outbox()).delete(clipId);

  function draftAt(address: DraftAddress): DraftTarget {
    const key = JSON.stringify([address.serverUrl, address.token, address.draftId]);
    let held = open.get(key);
    if (held && !held.draft.usable) {
      close(key);
      held = undefined;
    }
    if (!held) {
      held = { draft: deps.openDraft(address, removeConfirmed), idle: null };
      open.set(key, held);
    }
    closeWhenIdle(key, held);
    return held.draft;
  }

  function closeWhenIdle(key: string, held: { draft: DraftTarget; idle: ReturnType<typeof setTimeout> | null }) {
    if (held.idle) clearTimeout(held.idle);
    held.idle = setTimeout(() => {
      // A clip still on its way is confirmed by this draft's reconnects, without a new attempt.
      if (held.draft.usable && held.draft.awaitingReceipts) closeWhenIdle(key, held);
      else close(key);
    }, timing.idleCloseMs);
  }

  function close(key: string): void {
    const held = open.get(key);
    if (!held) return;
    if (held.idle) clearTimeout(held.idle);
    open.delete(key);
    held.draft.destroy();
  }

  async function record(entry: OutboxEntry, outcome: DeliveryOutcome): Promise<DeliveryOutcome> {
    if (outcome.delivered) return outcome;
    const outbox = await deps.outbox();
    if ('sourceInDraft' in outcome) {
      await outbox.update(entry.clipId, (current) => ({ ...current, sourceInDraft: outcome.sourceInDraft }));
      return outcome;
    }
    await outbox.update(entry.clipId, (current) => ({
      ...current,
      attempts: current.attempts + 1,
      lastAttemptAt: now().toISOString(),
      problem: outcome.problem,
    }));
    return outcome;
  }

  async function deliver(entry: OutboxEntry, token: string | null): Promise<DeliveryOutcome> {
    const draft = draftAt({ serverUrl: entry.serverUrl, token, draftId: entry.clip.draftId });
    await draft.settled(timing.syncWaitMs);
    const checked = sourceCheckOf(entry, draft);
    if ('ask' in checked) return { delivered: false, sourceInDraft: checked.ask };
    if (checked.append !== entry.clip) {
      // Remember where it goes, so a retry adds it to the same card.
      const clip = checked.append;
      await (await deps.outbox()).update(entry.clipId, (current) => ({ ...current, clip }));
    }
    const appended = await draft.append(checked.append);
    if (!appended.ok) return { delivered: false, problem: appended.problem };
    const receipt = await draft.receipt.confirmed(entry.clipId, timing.confirmWaitMs);
    return receipt.confirmed ? { delivered: true } : { delivered: false, problem: receipt.problem };
  }

  return {
    async deliver(entry, token) {
      if (!token && !deps.cookieSession) return record(entry, { delivered: false, problem: 'not-signed-in' });
      if (isInboxDestination(entry.clip.draftId)) {
        // Kotak klip speaks HTTP with the extension's token; the web app sends its own (extension/app/inbox).
        if (!token) return record(entry, { delivered: false, problem: 'not-signed-in' });
        return record(entry, await deliverIntoInbox(entry, token, removeConfirmed, deps.sendInbox));
      }
      return record(entry, await deliver(entry, token));
    },
    async sections(address) {
      const draft = draftAt(address);
      await draft.settled(timing.syncWaitMs);
      return draft.sections();
    },
    closeAll() {
      for (const key of [...open.keys()]) close(key);
    },
  };
}

/** The check must never stop a clip: if the draft cannot be read, the clip goes ahead as it is. */
function sourceCheckOf(entry: OutboxEntry, draft: DraftTarget): SourceCheck {
  try {
    return checkSource(entry, draft.clips());
  } catch (error) {
    console.warn('delivery: could not check the draft for this source', entry.clipId, error);
    return { append: entry.clip };
  }
}
