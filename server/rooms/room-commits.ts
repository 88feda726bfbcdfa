/**
 * The heart of durability: an update a writer sends is checked (role, then the room's policy),
 * stored, and only then applied — which relays it — and announced (cluster, compaction, hooks).
 * Several writers' updates waiting together are stored in one commit, then applied in the order of
 * their sequence numbers, so the document, the cluster's seq tracking and compaction see the log's order.
 * A large update is stored in slices, one after another: a crash between two leaves valid earlier
 * slices that no one was shown, and the writer, never told it was stored, sends it again. A scanned
 * one (cut at the byte level, update-byte-slices.ts) is checked slice by slice before any is stored,
 * then stored, let go, and applied, relayed and announced slice by slice as read back from storage.
 */
import type * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol/close-codes';
import type { GarbageScope } from '../idle-collection';
import type { Logger } from '../logger';
import type { DocumentStore } from '../storage/storage';
import { applyUpdateTellingChange } from './applied-change';
import { COLLECT_BEFORE_APPLYING_BYTES } from './large-updates';
import type { RoomPolicy, RuleRefusal } from './policies/room-policy';
import type { CloseCodeValue, RoomConnection } from './room-connections';
import { type ScannedSliceSteps, type SlicePlace, storeAndApplyScanned } from './scanned-commit';
import { type DecodedUpdate, releaseStructs } from './sync-messages';
import { updateSlices } from './update-slices';

export type ReadOnly = { code: 'read-only'; reason?: undefined; detail: string };

export interface RoomCommitsOptions {
  name: string;
  doc: Y.Doc;
  documents: DocumentStore;
  policy: RoomPolicy;
  log: Logger;
  /** An update larger than this is stored as slices of about this size. */
  sliceBytes: number;
  /** A garbage collection (V8's `gc`; full by default), when the process has one. */
  collectGarbage?: (scope?: GarbageScope) => void;
  /** Checked per update against the role as it is now. */
  mayWrite(connection: RoomConnection): boolean;
  /** Tells the sender its update was refused (the connection stays open unless it refused too often). */
  refuse(connection: RoomConnection, refusal: RuleRefusal | ReadOnly): void;
  close(connection: RoomConnection, code: CloseCodeValue, detail: string): void;
  /**
   * Stored and applied as `seq` (its earlier slices, if it was sliced, as `earlierSeqs`); `changed`:
   * it added to the document (or left parts pending), so others need it. `place`: which slice of a
   * scanned update it is, applied one at a time (a whole update is its own first and last).
   */
  committed(
    connection: RoomConnection,
    update: DecodedUpdate,
    seq: number,
    changed: boolean,
    earlierSeqs: number[],
    place: SlicePlace,
  ): void;
  /** A stored slice was gone when read back (another process compacted it): catch up from storage. */
  catchUp(): void;
  /** For one scanned update: resolves once the readers have taken most of what was relayed (relay-pacing.ts). */
  relayPacer(): () => Promise<void>;
}

const WHOLE: SlicePlace = { first: true, last: true };

export class RoomCommits {
  constructor(private readonly options: RoomCommitsOptions) {}

  async storeAndApply(connection: RoomConnection, update: DecodedUpdate): Promise<void> {
    if (update.scanned) {
      await storeAndApplyScanned(this.scannedSteps(connection), update, update.scanned, this.options.sliceBytes);
      return;
    }
    if (!this.mayStore(connection, update)) return;
    let seqs: number[];
    try {
      seqs = await this.append(update);
      if (update.bytes.byteLength >= COLLECT_BEFORE_APPLYING_BYTES) this.options.collectGarbage?.();
    } catch (error) {
      this.options.policy.settle(false);
      this.storingFailed(connection, error);
      return;
    }
    this.options.policy.settle(this.applyCommitted(connection, update, seqs));
  }

  /**
   * Several writers' updates, checked in arrival order (each as if those before it were applied),
   * stored at once, then applied in sequence order.
   */
  async storeAndApplyAll(items: readonly { connection: RoomConnection; update: DecodedUpdate }[]): Promise<void> {
    const [first] = items;
    if (items.length === 1 && first) {
      await this.storeAndApply(first.connection, first.update);
      return;
    }
    const accepted = items.filter(({ connection, update }) => this.mayStore(connection, update));
    const outcomes = await Promise.all(
      accepted.map(({ connection, update }) =>
        this.append(update).then(
          (seqs) => ({ connection, update, seqs, seq: seqs.at(-1) as number }),
          (error: unknown) => {
            this.storingFailed(connection, error);
            return null;
          },
        ),
      ),
    );
    const stored = outcomes.filter((outcome) => outcome !== null).sort((a, b) => a.seq - b.seq);
    if (stored.some(({ update }) => update.bytes.byteLength >= COLLECT_BEFORE_APPLYING_BYTES)) {
      this.options.collectGarbage?.();
    }
    let allApplied = stored.length === accepted.length;
    for (const { connection, update, seqs } of stored) {
      allApplied = this.applyCommitted(connection, update, seqs) && allApplied;
    }
    this.options.policy.settle(allApplied);
  }

  /** What committing a scanned update needs of the room, for `connection`'s update. */
  private scannedSteps(connection: RoomConnection): ScannedSliceSteps {
    const { options } = this;
    return {
      mayWrite: () => {
        if (options.mayWrite(connection)) return true;
        options.refuse(connection, { code: 'read-only', detail: 'role may not write' });
        return false;
      },
      check: (slice) => {
        const broken = options.policy.check(slice, connection.session);
        if (broken) options.refuse(connection, broken);
        return !broken;
      },
      malformed: (detail) => options.close(connection, CloseCode.InvalidMessage, detail),
      append: (slice) => options.documents.appendUpdate(options.name, slice),
      storingFailed: (error) => {
        options.policy.settle(false);
        this.storingFailed(connection, error);
      },
      readBack: (seq) => options.documents.loadUpdate(options.name, seq),
      missed: (seq) => {
        options.log.warn({ seq }, 'a stored slice was compacted before it was applied; catching up from storage');
        options.catchUp();
      },
      apply: (slice, seq, place) => this.applyCommitted(connection, slice, [seq], place),
      relayed: options.relayPacer(),
      settle: (allApplied) => options.policy.settle(allApplied),
      collectGarbage: (scope) => options.collectGarbage?.(scope),
    };
  }

  /** Role, then the room's policy; a refusal is told and nothing is stored. */
  private mayStore(connection: RoomConnection, update: DecodedUpdate): boolean {
    if (!this.options.mayWrite(connection)) {
      this.options.refuse(connection, { code: 'read-only', detail: 'role may not write' });
      return false;
    }
    // Checked against the document as it is: the room's queue lets nothing else change it before the apply.
    const broken = this.options.policy.check(update, connection.session);
    if (broken) {
      releaseStructs(update);
      this.options.refuse(connection, broken);
    }
    return !broken;
  }

  /**
   * Stores the update, a large one slice by slice, and lets its decoded structs go: applying decodes
   * the bytes anew, and for a large backlog they are its size once more in the heap. The seqs in order.
   */
  private async append(update: DecodedUpdate): Promise<number[]> {
    const seqs: number[] = [];
    const sliced = update.bytes.byteLength > this.options.sliceBytes;
    try {
      for (const slice of updateSlices(update, this.options.sliceBytes)) {
        seqs.push(await this.options.documents.appendUpdate(this.options.name, slice));
        // The slice and its encoder's buffers are garbage now; V8 would let dozens pile up (bench/BACKLOG.md).
        if (sliced) this.options.collectGarbage?.('young');
      }
    } finally {
      releaseStructs(update);
    }
    return seqs;
  }

  /** Not applied either, so the client still has it and sends it again when it reconnects. */
  private storingFailed(connection: RoomConnection, error: unknown): void {
    this.options.log.error({ err: error, connection: connection.session.connectionId }, 'storing an update failed');
    this.options.close(connection, CloseCode.ServerError, 'storage failed');
  }

  /** False when Yjs refused to apply it. */
  private applyCommitted(
    connection: RoomConnection,
    update: DecodedUpdate,
    seqs: number[],
    place: SlicePlace = WHOLE,
  ): boolean {
    const seq = seqs.at(-1) as number;
    let changed: boolean;
    try {
      changed = applyUpdateTellingChange(this.options.doc, update.bytes, connection);
    } catch (error) {
      // Decoded fine yet Yjs refused it; loading skips such an update too (room-load.ts).
      this.options.log.error({ err: error, seq }, 'a stored update could not be applied');
      this.options.close(connection, CloseCode.InvalidMessage, 'update could not be applied');
      return false;
    }
    this.options.committed(connection, update, seq, changed, seqs.slice(0, -1), place);
    return true;
  }
}
