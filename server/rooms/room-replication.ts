/**
 * A room's replication across server processes (a cluster): loads with the log's head seq, publishes
 * each update after its commit, and applies the others' updates in seq order. A seq that skips one
 * (a message lost while Redis restarted, a process that subscribed late) makes it read the missing
 * updates from storage before going on, so a process never silently drifts from what is stored.
 */
import type { Logger } from '../logger';
import type { DocumentStore, StoredDocument } from '../storage/storage';
import { AppliedSeqs } from './applied-seqs';
import type { JoinCluster, RoomLink, RoomPeer } from './room-link';

export interface RoomReplicationOptions {
  name: string;
  documents: Pick<DocumentStore, 'loadUpdatesAfter'>;
  join: JoinCluster;
  log: Logger;
  /** Runs `task` in the room's serial queue, after everything received before. */
  enqueue(task: () => Promise<void> | void): void;
  /** False until the document is loaded and once it is unloaded: remote updates wait or are dropped. */
  ready(): boolean;
  /** Applies an update committed elsewhere (or read back from storage) and relays it to this process's clients. */
  applyRemote(update: Uint8Array): void;
  applyRemoteAwareness(update: Uint8Array): void;
  /** How long a failed catch-up (storage down) waits before trying again. */
  retryDelayMs?: number;
}

export class RoomReplication implements RoomPeer {
  private readonly seqs = new AppliedSeqs();
  private link: RoomLink | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly options: RoomReplicationOptions) {}

  /** Every seq up to this one is in the document: how far a compaction may fold. */
  get appliedThrough(): number {
    return this.seqs.through;
  }

  /** Joins the cluster first, then reads the document: whatever is committed meanwhile arrives after. */
  async load(): Promise<StoredDocument | null> {
    this.link = await this.options.join(this.options.name, this);
    if (this.closed) this.link.close();
    const stored = await this.options.documents.loadUpdatesAfter(this.options.name, 0);
    if (!stored) return null;
    this.seqs.caughtUp(stored.lastSeq);
    return { snapshot: stored.snapshot, updates: stored.updates };
  }

  /**
   * This process committed `update` as `seq` (a large one sliced, its earlier slices as `earlierSeqs`)
   * and applied it; the others get it now (to them the slices are a gap they read from storage).
   */
  committed(seq: number, update: Uint8Array, earlierSeqs: readonly number[] = []): void {
    for (const earlier of earlierSeqs) this.seqs.add(earlier);
    this.seqs.add(seq);
    this.link?.publishUpdate(seq, update);
  }

  publishAwareness(update: Uint8Array): void {
    this.link?.publishAwareness(update);
  }

  receiveUpdate(seq: number, update: Uint8Array): void {
    this.options.enqueue(async () => {
      if (!this.options.ready() || this.seqs.has(seq)) return;
      // A gap: what came before is read from storage first (the update itself is usually among it).
      if (!this.seqs.isNext(seq)) await this.readStorage();
      if (this.seqs.has(seq)) return;
      this.options.applyRemote(update);
      this.seqs.add(seq);
    });
  }

  receiveAwareness(update: Uint8Array): void {
    if (!this.closed) this.options.applyRemoteAwareness(update);
  }

  receiveHead(seq: number): void {
    this.options.enqueue(async () => {
      if (this.options.ready() && !this.seqs.has(seq)) await this.readStorage();
    });
  }

  catchUp(): void {
    this.options.enqueue(async () => {
      if (this.options.ready()) await this.readStorage();
    });
  }

  close(): void {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.link?.close();
  }

  private async readStorage(): Promise<void> {
    const after = this.seqs.through;
    let read: Awaited<ReturnType<RoomReplicationOptions['documents']['loadUpdatesAfter']>>;
    try {
      read = await this.options.documents.loadUpdatesAfter(this.options.name, after);
    } catch (error) {
      // Storage is down: updates still arrive and are applied; the gap is filled once it is back.
      this.options.log.warn({ err: error, after }, 'catching up from storage failed; retrying');
      this.retryLater();
      return;
    }
    if (!read || !this.options.ready()) return;
    if (read.snapshot) this.options.applyRemote(read.snapshot);
    for (const { seq, update } of read.updates) if (!this.seqs.has(seq)) this.options.applyRemote(update);
    this.seqs.caughtUp(read.lastSeq);
    this.options.log.info({ after, through: read.lastSeq, read: read.updates.length }, 'caught up from storage');
  }

  private retryLater(): void {
    if (this.retryTimer || this.closed) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.closed) this.catchUp();
    }, this.options.retryDelayMs ?? 1_000);
    this.retryTimer.unref();
  }
}
