/** What a room is made with, and what the transport holds of a connection's place in it. */
import type { WriteRefusal } from '../../shared/protocol/write-refusal';
import type { GarbageScope } from '../idle-collection';
import type { Logger } from '../logger';
import type { DocumentStore } from '../storage/storage';
import type { CompactionLease } from './background-compaction';
import type { CompactionQueue } from './compaction-queue';
import type { RoomPolicy } from './policies/room-policy';
import type { CloseCodeValue } from './room-connections';
import type { RoomHooks } from './room-hooks';
import type { JoinCluster } from './room-link';
import type { RoomSession } from './room-socket';

export interface DocumentRoomOptions {
  name: string;
  documents: DocumentStore;
  /** Who may write and what an update must follow (policies/). */
  policy: RoomPolicy;
  hooks: RoomHooks;
  logger: Logger;
  maxMessageBytes: number;
  /** Messages of one connection waiting in the queue (e.g. while loading); more closes it with 4429. */
  maxPendingMessages: number;
  /** A step 2 larger than this is sent as several updates first (see sync-chunks.ts). */
  syncChunkBytes: number;
  /** An update log this long is folded into a snapshot: on load, and in the background while open. */
  compactAfterUpdates: number;
  /** How long a room waits after reaching `compactAfterUpdates` before compacting in the background. */
  compactionDelayMs?: number;
  /** Shared by the rooms of a process, so their background compactions take turns. */
  compactionQueue?: CompactionQueue;
  /** Cluster only (see room-link.ts): shares the document with the same room in other processes. */
  joinCluster?: JoinCluster;
  /** Cluster only: no two processes compact this document at once. */
  compactionLease?: CompactionLease;
  /** A presence state's JSON longer than this is dropped (default 4096 characters). */
  maxPresenceChars?: number;
  /** A connection's update was refused, for its role or a rule (for metrics); the connection stays open. */
  onWriteRefused?(session: RoomSession, refusal: WriteRefusal): void;
  /** A garbage collection (full by default), run around storing and applying a very large update (large-updates.ts). */
  collectGarbage?: (scope?: GarbageScope) => void;
  /** Milliseconds since the epoch, for token expiry; tests move it. */
  now?: () => number;
  /** The last connection left (the registry decides when to unload). */
  onEmpty(): void;
  /** Loading failed; every connection was closed and the room is unusable. */
  onLoadFailed(): void;
}

/** A connection's place in the room; what the transport holds on to. */
export interface RoomMembership {
  receive(message: Uint8Array): void;
  /** Closes the connection with a named code, e.g. for a text frame the room never sees. */
  refuse(code: CloseCodeValue, detail: string): void;
  leave(): void;
}
