/**
 * A draft over the stock y-websocket provider (../sync/draft-connection.ts), as delivery needs it
 * (./draft-target.ts): clips are appended to the draft's Y.Doc, and the server's receipt is read
 * from the sync messages it sends (./sync-proof.ts). The only file of the outbox that knows the
 * provider. Nothing here is the only copy of anything: the outbox is.
 */
import type { Clip } from '../../shared/model/clip';
import {
  appendClip,
  type ClipInDraft,
  clipsInDraft,
  type DraftSection,
  draftSections,
} from '../../shared/model/draft-doc';
import { CloseCode } from '../../shared/protocol/close-codes';
import type { DeliveryProblem } from '../../shared/protocol/extension-messages';
import { discardLocalCopy } from '../sync/discard-local-copy';
import type { DraftConnection } from '../sync/draft-connection';
import { storedLocally } from '../sync/stored-locally';
import type { AppendResult, DraftTarget } from './draft-target';
import type { Receipt, ServerReceipt } from './server-receipt';
import { type Clocks, clocksCover, clocksNeededFor, clocksProvenBy, mergeClocks, probeMessage } from './sync-proof';

export interface YWebsocketDraftTiming {
  /** While clips are unconfirmed and we are connected, probe again this often. */
  probeEveryMs: number;
}

export class YWebsocketDraft implements DraftTarget, ServerReceipt {
  readonly receipt: ServerReceipt = this;
  /** Clocks the server proved to hold on the current connection (reset on every reconnect). */
  private known: Clocks = new Map();
  /** Clips appended and not yet proven on the server, with the callers waiting for an answer. */
  private readonly pending = new Map<string, Set<(receipt: Receipt) => void>>();
  private refusal: DeliveryProblem | null = null;
  /** Counts connections that closed before syncing: a failed attempt means we are offline. */
  private failedAttempts = 0;
  /** Told whenever waiting may have ended (synced, offline, refused). */
  private readonly changeListeners = new Set<() => void>();
  private readonly probeTimer: ReturnType<typeof setInterval>;
  private destroyed = false;

  constructor(
    readonly connection: DraftConnection,
    private readonly onConfirmed: (clipId: string) => Promise<void>,
    timing: YWebsocketDraftTiming,
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
      this.changed();
    });
    provider.on('connection-close', () => {
      if (!provider.synced) this.failedAttempts++;
      this.changed();
    });
    // Permanent refusals (4400–4499): the provider stops reconnecting; the clips stay in the outbox.
    provider.on('closed', ({ code }) => {
      this.refusal = problemForClose(code);
      this.changed();
    });
    // The user may no longer change this draft (a commenter or viewer now): the clip cannot arrive.
    // It stays in the outbox with that reason; the local copy holding it is dropped on destroy.
    connection.onWriteRefused(() => {
      this.refusal ??= 'forbidden';
      this.changed();
    });
    this.probeTimer = setInterval(() => this.probe(), timing.probeEveryMs);
  }

  get usable(): boolean {
    return !this.destroyed && this.refusal === null;
  }

  get awaitingReceipts(): boolean {
    return this.pending.size > 0;
  }

  async settled(waitMs: number): Promise<void> {
    await this.connection.whenLocalLoaded;
    if (this.isSettled()) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.changeListeners.delete(onChange);
        resolve();
      };
      const onChange = () => {
        if (this.isSettled()) done();
      };
      const timer = setTimeout(done, waitMs);
      this.changeListeners.add(onChange);
    });
  }

  clips(): ClipInDraft[] {
    return clipsInDraft(this.connection.doc);
  }

  sections(): DraftSection[] {
    return draftSections(this.connection.doc);
  }

  async append(clip: Clip): Promise<AppendResult> {
    await this.connection.whenLocalLoaded;
    const appended = appendClip(this.connection.doc, clip);
    if (!appended.ok) {
      console.error('delivery: clip does not fit the draft schema', clip.clipId, appended.detail);
      return { ok: false, problem: 'invalid-content' };
    }
    // The local copy is what an open editor and a later retry see; make sure it is on disk.
    await storedLocally(this.connection.persistence).catch((error) =>
      console.error('delivery: local draft copy not confirmed on disk', error),
    );
    return { ok: true };
  }

  async confirmed(clipId: string, waitMs: number): Promise<Receipt> {
    const answer = new Promise<Receipt>((resolve) => {
      const waiters = this.pending.get(clipId) ?? new Set();
      const timer = setTimeout(
        () => settle({ confirmed: false, problem: this.failedAttempts > 0 ? 'offline' : 'timeout' }),
        waitMs,
      );
      const settle = (receipt: Receipt) => {
        clearTimeout(timer);
        waiters.delete(settle);
        resolve(receipt);
      };
      waiters.add(settle);
      this.pending.set(clipId, waiters);
    });
    this.settleWaitersIfHopeless();
    await this.check();
    this.probe();
    return answer;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    clearInterval(this.probeTimer);
    this.changed();
    this.settleAll({ confirmed: false, problem: this.refusal ?? 'timeout' });
    if (this.refusal !== 'forbidden') {
      this.connection.destroy();
      return;
    }
    // Else every reconnect would load the refused clip from IndexedDB and send it again.
    discardLocalCopy(this.connection).catch((error) => console.error('delivery: local copy not discarded', error));
  }

  private isSettled(): boolean {
    return this.destroyed || this.connection.provider.synced || this.refusal !== null || this.isOffline();
  }

  private isOffline(): boolean {
    return (this.failedAttempts > 0 && !this.connection.provider.wsconnected) || globalThis.navigator?.onLine === false;
  }

  private changed(): void {
    this.settleWaitersIfHopeless();
    for (const listener of [...this.changeListeners]) listener();
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
      for (const settle of [...(waiters ?? [])]) settle({ confirmed: true });
    }
  }

  /** Answer waiting callers early when waiting cannot help; the draft keeps trying regardless. */
  private settleWaitersIfHopeless(): void {
    if (this.refusal) this.settleAll({ confirmed: false, problem: this.refusal });
    else if (this.isOffline()) this.settleAll({ confirmed: false, problem: 'offline' });
  }

  private settleAll(receipt: Receipt): void {
    for (const waiters of this.pending.values()) {
      for (const settle of [...waiters]) settle(receipt);
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
