/** Keeps the loaded rooms: creates a room on its first connection and unloads it a little after its last one leaves. */
import type { Role } from '../../shared/auth/roles';
import type { MentoringLimits } from '../../shared/mentoring/mentoring-checker';
import { CloseCode } from '../../shared/protocol/close-codes';
import { parseRoomName } from '../../shared/protocol/rooms';
import type { WriteRefusal } from '../../shared/protocol/write-refusal';
import type { GarbageScope } from '../idle-collection';
import type { Logger } from '../logger';
import type { DocumentStore } from '../storage/storage';
import type { CompactionLease } from './background-compaction';
import { CompactionQueue } from './compaction-queue';
import { DocumentRoom, type RoomMembership } from './document-room';
import { policyForRoom } from './policies/policy-for-room';
import type { RoomHooks } from './room-hooks';
import type { JoinCluster } from './room-link';
import type { RoomSession, RoomSocket } from './room-socket';

export interface RoomRegistryOptions {
  documents: DocumentStore;
  hooks?: RoomHooks;
  logger: Logger;
  maxMessageBytes: number;
  maxPendingMessages: number;
  syncChunkBytes: number;
  compactAfterUpdates: number;
  roomUnloadDelayMs: number;
  /** Per draft: how large its mentoring document and its observation photos may grow. */
  mentoringLimits: MentoringLimits;
  /** A presence state's JSON longer than this is dropped. */
  maxPresenceChars?: number;
  onWriteRefused?(session: RoomSession, refusal: WriteRefusal): void;
  /** Cluster only (server/cluster): rooms share their documents with other processes through it. */
  joinCluster?: JoinCluster;
  /** Cluster only: one process at a time compacts a document. */
  compactionLease?: CompactionLease;
  /** A garbage collection (full by default), run around storing and applying a very large update. */
  collectGarbage?: (scope?: GarbageScope) => void;
}

/** The part of the options that comes from the server's configuration, under the same names. */
export type RoomLimits = Pick<
  RoomRegistryOptions,
  | 'maxMessageBytes'
  | 'maxPendingMessages'
  | 'syncChunkBytes'
  | 'compactAfterUpdates'
  | 'roomUnloadDelayMs'
  | 'mentoringLimits'
  | 'maxPresenceChars'
>;

/** Only the room limits of a larger object (the server's configuration). */
export function roomLimitsOf(config: RoomLimits): RoomLimits {
  return {
    maxMessageBytes: config.maxMessageBytes,
    maxPendingMessages: config.maxPendingMessages,
    syncChunkBytes: config.syncChunkBytes,
    compactAfterUpdates: config.compactAfterUpdates,
    roomUnloadDelayMs: config.roomUnloadDelayMs,
    mentoringLimits: config.mentoringLimits,
    maxPresenceChars: config.maxPresenceChars,
  };
}

export class RoomRegistry {
  private readonly rooms = new Map<string, DocumentRoom>();
  private readonly unloadTimers = new Map<DocumentRoom, NodeJS.Timeout>();
  private readonly compactionQueue = new CompactionQueue();
  private closing = false;

  constructor(private readonly options: RoomRegistryOptions) {}

  get roomCount(): number {
    return this.rooms.size;
  }

  get connectionCount(): number {
    let count = 0;
    for (const room of this.rooms.values()) count += room.connectionCount;
    return count;
  }

  openDocumentBytes(): number[] {
    return [...this.rooms.values()].map((room) => room.heldUpdateBytes());
  }

  /** The room, loaded or loading; for tests and diagnostics. */
  room(name: string): DocumentRoom | null {
    return this.rooms.get(name) ?? null;
  }

  join(roomName: string, socket: RoomSocket, session: RoomSession): RoomMembership {
    if (this.closing) {
      socket.close(CloseCode.ShuttingDown, 'shutting-down');
      return { receive: () => {}, refuse: () => {}, leave: () => {} };
    }
    const room = this.rooms.get(roomName) ?? this.createRoom(roomName);
    this.cancelUnload(room);
    return room.join(socket, session);
  }

  /** A member's role on a draft changed or was removed: every room of that draft applies it now. */
  reviseAccess(draftId: string, userId: string, role: Role | null): void {
    for (const room of this.rooms.values()) {
      if (parseRoomName(room.name)?.draftId === draftId) room.reviseAccess(userId, role);
    }
  }

  /** Closes the connections of ended sessions (signed out, revoked, expired) in every room: 4401. */
  endSessions(which: (session: RoomSession) => boolean, detail: string): number {
    let closed = 0;
    for (const room of this.rooms.values()) closed += room.endSessions(which, detail);
    return closed;
  }

  /** Everyone connected to any room, for checking that their sessions still hold. */
  sessions(): RoomSession[] {
    return [...this.rooms.values()].flatMap((room) => room.sessions());
  }

  /** Closes every connection, waits until every received update is stored, and unloads all rooms. */
  async closeAll(): Promise<void> {
    this.closing = true;
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    this.unloadTimers.clear();
    const rooms = [...this.rooms.values()];
    for (const room of rooms) room.closeAll(CloseCode.ShuttingDown, 'server shutting down');
    await Promise.all(rooms.map((room) => room.whenIdle()));
    for (const room of rooms) this.unload(room);
  }

  private createRoom(name: string): DocumentRoom {
    // A name that is no room of ours (only tests make those) gets the strictest right.
    const kind = parseRoomName(name)?.kind ?? 'content';
    const room: DocumentRoom = new DocumentRoom({
      name,
      documents: this.options.documents,
      hooks: this.options.hooks ?? {},
      logger: this.options.logger,
      maxMessageBytes: this.options.maxMessageBytes,
      maxPendingMessages: this.options.maxPendingMessages,
      syncChunkBytes: this.options.syncChunkBytes,
      compactAfterUpdates: this.options.compactAfterUpdates,
      policy: policyForRoom(kind, this.options.mentoringLimits),
      maxPresenceChars: this.options.maxPresenceChars,
      compactionQueue: this.compactionQueue,
      joinCluster: this.options.joinCluster,
      compactionLease: this.options.compactionLease,
      onWriteRefused: this.options.onWriteRefused,
      collectGarbage: this.options.collectGarbage,
      onEmpty: () => this.scheduleUnload(room),
      onLoadFailed: () => this.unload(room),
    });
    this.rooms.set(name, room);
    return room;
  }

  private scheduleUnload(room: DocumentRoom): void {
    if (this.closing || room.status === 'destroyed') return;
    this.cancelUnload(room);
    const timer = setTimeout(() => void this.unloadWhenQuiet(room), this.options.roomUnloadDelayMs);
    timer.unref();
    this.unloadTimers.set(room, timer);
  }

  private cancelUnload(room: DocumentRoom): void {
    clearTimeout(this.unloadTimers.get(room));
    this.unloadTimers.delete(room);
  }

  /**
   * Lets queued writes finish first and keeps the room registered meanwhile, so a connection
   * arriving now joins this room instead of loading a copy that misses those writes.
   */
  private async unloadWhenQuiet(room: DocumentRoom): Promise<void> {
    this.unloadTimers.delete(room);
    await room.whenIdle();
    if (room.connectionCount === 0 && !this.unloadTimers.has(room)) this.unload(room);
  }

  private unload(room: DocumentRoom): void {
    this.cancelUnload(room);
    if (this.rooms.get(room.name) === room) this.rooms.delete(room.name);
    room.destroy();
    this.options.logger.debug({ room: room.name }, 'room unloaded');
  }
}
