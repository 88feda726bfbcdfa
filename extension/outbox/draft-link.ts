/**
 * One draft's connection as the background uses it: appends clips to the draft's Y.Doc and
 * watches the server's sync messages until each clip is proven to be on the server (see
 * ./server-receipt.ts). Confirmed clips are reported through `onConfirmed`; the caller removes them
 * from the outbox. Nothing here is the only copy of anything: the outbox is.
 */
import type { IndexeddbPersistence } from 'y-indexeddb';
import type { Clip } from '../../shared/model/clip';
import { appendClip, type ClipInDraft, clipsInDraft } from '../../shared/model/draft-doc';
import { CloseCode } from '../../shared/protocol/close-codes';
import type { DeliveryProblem } from '../../shared/protocol/extension-messages';
import { discardLocalCopy } from '../sync/discard-local-copy';
import type { DraftConnection } from '../sync/draft-connection';
import { type Clocks, clocksCover, clocksNeededFor, clocksProvenBy, mergeClocks, probeMessage } from './server-receipt';

export type DeliveryOutcome = { delivered: true } | { delivered: false; problem: DeliveryProblem };

export interface DraftLinkTiming {
  /** How long `deliver` waits for the server's proof before answering "queued". */
  confirmWaitMs: number;
  /** While clips are unconfirmed and we are connected, probe again this often. */
  probeEveryMs: number;
}

export class DraftLink {
  /** Clocks the server proved to hold on the current connection (reset on every reconnect). */
  private known: Clocks = new Map();
  private readonly pending = new Map<string, Set<(outcome: DeliveryOutcome) => void>>();
  private refusal: DeliveryProblem | null = null;
  /** Counts connections that closed before syncing: a failed attempt means we are offline. */
  private failedAttempts = 0;
  private readonly probeTimer: ReturnType<typeof setInterval>;
  private destroyed = false;

  constructor(
    readonly connection: DraftConnection,
    private readonly onConfirmed: (clipId: string) => Promise<void>,
    private readonly timing: DraftLinkTiming,
  ) {
    const { provider } = connection;
    // The background is not a participant: no cursor or name for others to show.
    provider.awareness.setLocalState(null);
    provider.on('status', ({ status }) => {
      if (status !== 'connected' || !provider.ws) return;
      this.known = new Map();
      const socket = provider.ws;
      socket.addEventListener('message', (event: MessageEvent) => {
        if (provider.ws !== socket || !(event.data instanceof ArrayBuffer)) return;
        const proven = clocksProvenBy(new Uint8Array(event.data));
        if (!proven) return;
        mergeClocks(this.known, proven);
        void this.check();
      });
    });
    provider.on('sync', (synced) => {
      if (synced) this.probe();
    });
    provider.on('connection-close', () => {
      if (!provider.synced) this.failedAttempts++;
      this.settleWaitersIfHopeless();
    });
    // Permanent refusals (4400–4499): the provider stops reconnecting; the clips stay in the outbox.
    provider.on('closed', ({ code }) => {
      this.refusal = problemForClose(code);
      this.settleWaitersIfHopeless();
    });
    // The user may no longer change this draft (a commenter or viewer now): the clip cannot arrive.
    // It stays in the outbox with that reason; the local copy holding it is dropped on destroy.
    connection.onWriteRefused(() => {
      this.refusal ??= 'forbidden';
      this.settleWaitersIfHopeless();
    });
    this.probeTimer = setInterval(() => this.probe(), timing.probeEveryMs);
  }

  /** False once the server refused us for good; the pool then opens a fresh link next time. */
  get usable(): boolean {
    return !this.destroyed && this.refusal === null;
  }

  /** Appends the clip (idempotent), stores it locally, then waits a while for the server's proof. */
  async deliver(clip: Clip): Promise<DeliveryOutcome> {
    await this.connection.whenLocalLoaded;
    const appended = appendClip(this.connection.doc, clip);
    if (!appended.ok) {
      console.error('delivery: clip does not fit the draft schema', clip.clipId, appended.detail);
      return { delivered: false, problem: 'invalid-content' };
    }
    // The local copy is what an open editor and a later retry see; make sure it is on disk.
    await storedLocally(this.connection.persistence).catch((error) =>
      console.error('delivery: local draft copy not confirmed on disk', error),
    );
    const outcome = new Promise<DeliveryOutcome>((resolve) => {
      const waiters = this.pending.get(clip.clipId) ?? new Set();
      const timer = setTimeout(
        () => settle({ delivered: false, problem: this.failedAttempts > 0 ? 'offline' : 'timeout' }),
        this.timing.confirmWaitMs,
      );
      const settle = (result: DeliveryOutcome) => {
        clearTimeout(timer);
        waiters.delete(settle);
        resolve(result);
      };
      waiters.add(settle);
      this.pending.set(clip.clipId, waiters);
    });
    this.settleWaitersIfHopeless();
    await this.check();
    this.probe();
    return outcome;
  }

  /**
   * The draft's source cards as far as we know them: the local copy at once, and what the server
   * has if it answers within `waitMs` (offline, the local copy is all there is).
   */
  async sources(waitMs: number): Promise<ClipInDraft[]> {
    await this.connection.whenLocalLoaded;
    const { provider } = this.connection;
    const knownOffline = (this.failedAttempts > 0 && !provider.wsconnected) || globalThis.navigator?.onLine === false;
    if (!provider.synced && this.refusal === null && !knownOffline) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          provider.off('sync', done);
          resolve();
        };
        const timer = setTimeout(done, waitMs);
        provider.on('sync', done);
      });
    }
    return clipsInDraft(this.connection.doc);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    clearInterval(this.probeTimer);
    this.settleAll({ delivered: false, problem: this.refusal ?? 'timeout' });
    if (this.refusal !== 'forbidden') {
      this.connection.destroy();
      return;
    }
    // Else every reconnect would load the refused clip from IndexedDB and send it again.
    discardLocalCopy(this.connection).catch((error) => console.error('delivery: local copy not discarded', error));
  }

  private probe(): void {
    const { provider, doc } = this.connection;
    const socket = provider.ws;
    if (this.pending.size === 0 || !provider.synced || !socket || socket.readyState !== socket.OPEN) return;
    const needed: Clocks = new Map();
    for (const clipId of this.pending.keys()) mergeClocks(needed, clocksNeededFor(doc, clipId));
    socket.send(probeMessage(doc, needed));
  }

  private async check(): Promise<void> {
    for (const clipId of [...this.pending.keys()]) {
      if (!this.pending.has(clipId)) continue; // confirmed by a concurrent check
      if (!clocksCover(this.known, clocksNeededFor(this.connection.doc, clipId))) continue;
      const waiters = this.pending.get(clipId);
      this.pending.delete(clipId);
      try {
        await this.onConfirmed(clipId);
      } catch (error) {
        // The clip is on the server; a leftover outbox entry is only re-sent (idempotently) later.
        console.error('delivery: confirmed clip could not be removed from the outbox', clipId, error);
      }
      for (const settle of [...(waiters ?? [])]) settle({ delivered: true });
    }
  }

  /** Answer waiting callers early when waiting cannot help; the link keeps trying regardless. */
  private settleWaitersIfHopeless(): void {
    const offline = this.failedAttempts > 0 && !this.connection.provider.wsconnected;
    if (this.refusal) this.settleAll({ delivered: false, problem: this.refusal });
    else if (offline || globalThis.navigator?.onLine === false)
      this.settleAll({ delivered: false, problem: 'offline' });
  }

  private settleAll(outcome: DeliveryOutcome): void {
    for (const waiters of this.pending.values()) {
      for (const settle of [...waiters]) settle(outcome);
    }
  }
}

function problemForClose(code: number): DeliveryProblem {
  switch (code) {
    case CloseCode.Unauthorized:
      return 'unauthorized';
    case CloseCode.Forbidden:
      return 'forbidden';
    case CloseCode.NotFound:
      return 'not-found';
    default:
      return 'server-error';
  }
}

/**
 * y-indexeddb writes each update in its own transaction, started synchronously on the doc's
 * update event. A later read-write transaction on the same store completes only after it, so
 * this resolves once the appended clip is on disk.
 */
function storedLocally(persistence: IndexeddbPersistence): Promise<void> {
  const db = persistence.db;
  if (!db) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(['updates'], 'readwrite');
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error ?? new Error('aborted'));
  });
}
