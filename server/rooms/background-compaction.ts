/**
 * Folds a room's update log into one snapshot while the room keeps running: it never waits in the
 * room's message queue, so edits keep flowing while it works. Only updates already applied to the
 * in-memory document are folded (`uptoSeq`); anything stored later stays in the log.
 */
import type { Logger } from '../logger';
import type { DocumentStore } from '../storage/storage';
import { CompactionQueue } from './compaction-queue';

/**
 * Makes compacting a document exclusive across server processes (a cluster: server/cluster); `busy`
 * when another process holds it, and then `task` does not run. Absent in one process.
 */
export interface CompactionLease {
  run(name: string, task: () => Promise<void>): Promise<'done' | 'busy'>;
}

export interface BackgroundCompactionOptions {
  name: string;
  documents: DocumentStore;
  /** The document's whole state as one update. */
  encodeState(): Uint8Array;
  /** Updates in the log that trigger a compaction. */
  threshold: number;
  /** Waits this long after the threshold is reached, so a burst of typing is folded in one go. */
  delayMs: number;
  log: Logger;
  /** Shared by the rooms of a process so their compactions take turns (one of its own by default). */
  queue?: CompactionQueue;
  /** In a cluster: held while compacting, so no two processes compact one document at once. */
  lease?: CompactionLease;
}

export class BackgroundCompaction {
  private logLength = 0;
  private lastAppliedSeq = 0;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private readonly queue: CompactionQueue;

  constructor(private readonly options: BackgroundCompactionOptions) {
    this.queue = options.queue ?? new CompactionQueue();
  }

  /** The log as loaded: its length and last sequence number. */
  loaded(logLength: number, lastSeq: number): void {
    this.logLength = logLength;
    this.lastAppliedSeq = lastSeq;
  }

  /** An update with this sequence number is stored and applied to the document. */
  applied(seq: number): void {
    this.lastAppliedSeq = seq;
    this.logLength += 1;
    if (this.logLength >= this.options.threshold && !this.timer && !this.running && !this.stopped) {
      this.timer = setTimeout(() => this.run(), this.options.delayMs);
      this.timer.unref();
    }
  }

  /** Runs `task` (a compaction) under the cluster's lease when there is one; false when another process held it. */
  async leased(task: () => Promise<void>): Promise<boolean> {
    if (!this.options.lease) {
      await task();
      return true;
    }
    return (await this.options.lease.run(this.options.name, task)) === 'done';
  }

  /** Resolves when no compaction is running (before the storage may be closed). */
  async whenIdle(): Promise<void> {
    await this.running;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private run(): void {
    this.timer = null;
    if (this.stopped) return;
    this.running = this.queue
      .run(async () => {
        if (this.stopped) return;
        const ran = await this.leased(async () => {
          // Read at its turn: whatever was applied while waiting is folded in too.
          const uptoSeq = this.lastAppliedSeq;
          const folded = this.logLength;
          const snapshot = this.options.encodeState();
          await this.options.documents.replaceWithSnapshot(this.options.name, snapshot, uptoSeq);
          this.logLength -= folded;
          this.options.log.info({ updates: folded, snapshotBytes: snapshot.byteLength }, 'compacted the update log');
        });
        // Another process is compacting it; the next update past the threshold tries again.
        if (!ran) this.options.log.debug('another process holds the compaction lease');
      })
      .catch((error: unknown) => {
        // The log is still complete; the next update past the threshold tries again.
        this.options.log.warn({ err: error }, 'compacting the update log failed');
      })
      .finally(() => {
        this.running = null;
      });
  }
}
