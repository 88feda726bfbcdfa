/**
 * One room per Yjs document: loads it from storage before answering anyone, then handles each
 * connection's messages one at a time in arrival order — sync answers, updates checked by the
 * room's policy, stored, applied and relayed (room-commits.ts), presence (room-presence.ts).
 * Talks to connections only through `RoomSocket`.
 */
import * as Y from 'yjs';
import { can, type Role, strongerRole } from '../../shared/auth/roles';
import { CloseCode } from '../../shared/protocol/close-codes';
import type { WriteRefusal } from '../../shared/protocol/write-refusal';
import type { Logger } from '../logger';
import type { StoredDocument } from '../storage/storage';
import { applyUpdateTellingChange } from './applied-change';
import { BackgroundCompaction } from './background-compaction';
import type { DocumentRoomOptions, RoomMembership } from './document-room-options';
import { STORED_SLICE_BYTES } from './large-updates';
import type { RuleRefusal } from './policies/room-policy';
import { RELAY_AHEAD_BYTES, RELAY_STALLED_MS, relayPacer } from './relay-pacing';
import { type ReadOnly, RoomCommits } from './room-commits';
import { type CloseCodeValue, type RoomConnection, RoomConnections } from './room-connections';
import { RoomInbox } from './room-inbox';
import { applyAndCompact } from './room-load';
import { RoomPresence } from './room-presence';
import { RoomReplication } from './room-replication';
import type { RoomSession, RoomSocket } from './room-socket';
import { SerialQueue } from './serial-queue';
import { encodeSyncAnswer } from './sync-chunks';
import {
  type ClientMessage,
  encodeRoleRaisedMessage,
  encodeSyncStep1,
  encodeSyncUpdate,
  encodeWriteRefusalMessage,
  updateMessage,
} from './sync-messages';
import { addsNothing } from './update-novelty';

export type { DocumentRoomOptions, RoomMembership } from './document-room-options';

export type RoomStatus = 'loading' | 'ready' | 'failed' | 'destroyed';

/** Transaction origin of updates read from storage: they are not relayed to anyone. */
const LOAD_ORIGIN = Symbol('loaded from storage');
/** Transaction origin of what another process of the cluster committed: relayed here, not published again. */
const REMOTE_ORIGIN = Symbol('from another process');

export class DocumentRoom {
  readonly name: string;
  private readonly doc = new Y.Doc();
  private readonly connections: RoomConnections;
  private readonly presence: RoomPresence<RoomConnection>;
  private readonly commits: RoomCommits;
  private readonly queue: SerialQueue;
  private readonly inbox: RoomInbox;
  private readonly log: Logger;
  private readonly compaction: BackgroundCompaction;
  private readonly replication: RoomReplication | null;
  private currentStatus: RoomStatus = 'loading';
  /** Bytes of the updates the document is made of (loaded, then applied): kept as they come, so a metrics scrape encodes nothing. */
  private updateBytes = 0;

  constructor(private readonly options: DocumentRoomOptions) {
    this.name = options.name;
    const sliceBytes = Math.min(options.syncChunkBytes, STORED_SLICE_BYTES);
    this.log = options.logger.child({ room: options.name });
    this.queue = new SerialQueue((error) => this.log.error({ err: error }, 'room task failed'));
    this.connections = new RoomConnections({
      log: this.log,
      now: options.now ?? Date.now,
      refusalBurst: 20,
      refusalsPerMinute: 20,
      onRemoved: (connection, why) => {
        this.presence.leave(connection, why);
        if (this.connections.size === 0) this.options.onEmpty();
      },
    });
    this.compaction = new BackgroundCompaction({
      name: options.name,
      documents: options.documents,
      encodeState: () => {
        const state = Y.encodeStateAsUpdate(this.doc);
        this.updateBytes = state.byteLength; // the log is folded into this one update
        return state;
      },
      threshold: options.compactAfterUpdates,
      delayMs: options.compactionDelayMs ?? 1_000,
      log: this.log,
      queue: options.compactionQueue,
      lease: options.compactionLease,
    });
    this.replication = options.joinCluster
      ? new RoomReplication({
          name: options.name,
          documents: options.documents,
          join: options.joinCluster,
          log: this.log,
          enqueue: (task) => this.queue.push(task),
          ready: () => this.currentStatus === 'ready',
          applyRemote: (update) => this.applyRemote(update),
          applyRemoteAwareness: (update) => {
            if (this.currentStatus !== 'destroyed') this.presence.receiveRemote(update);
          },
        })
      : null;
    this.presence = new RoomPresence({
      doc: this.doc,
      maxStateChars: options.maxPresenceChars ?? 4096,
      log: this.log,
      connections: () => this.connections,
      send: (connection, message) => this.connections.send(connection, message),
      publish: this.replication ? (update) => this.replication?.publishAwareness(update) : undefined,
    });
    this.commits = new RoomCommits({
      name: options.name,
      doc: this.doc,
      documents: options.documents,
      policy: options.policy,
      log: this.log,
      sliceBytes,
      collectGarbage: options.collectGarbage,
      mayWrite: (connection) => this.mayWrite(connection),
      refuse: (connection, refusal) => this.refuseWrite(connection, refusal),
      close: (connection, code, detail) => this.connections.close(connection, code, detail),
      committed: (connection, update, seq, changed, earlierSeqs, place) => {
        if (changed) {
          this.updateBytes += update.bytes.byteLength;
          // A scanned update's slices go out as one burst, as the update would have (ws-room-socket.ts).
          this.relay(updateMessage(update), connection, !place.first);
        }
        this.announce(connection, update.bytes, seq, earlierSeqs, place.last);
      },
      relayPacer: () =>
        relayPacer(() => this.connections, { aheadBytes: RELAY_AHEAD_BYTES, stalledMs: RELAY_STALLED_MS }),
      catchUp: () => {
        if (this.replication) this.replication.catchUp();
        else this.log.error('a stored slice is missing and there is no cluster to catch up from');
      },
    });
    this.inbox = new RoomInbox({
      queue: this.queue,
      maxMessageBytes: options.maxMessageBytes,
      ...(options.policy.checksSlices ? { sliceBytes } : {}),
      maxPendingMessages: options.maxPendingMessages,
      isOpen: (connection) => this.connections.has(connection),
      hasExpired: (connection) => this.connections.hasExpired(connection),
      close: (connection, code, detail) => this.connections.close(connection, code, detail),
      // A scanned update is committed alone, slice by slice (scanned-commit.ts).
      joinsRun: (connection, update) => !update.empty && !update.scanned && this.mayWrite(connection),
      storeRun: async (run) => {
        if (this.currentStatus === 'ready') await this.commits.storeAndApplyAll(run);
      },
      handle: (connection, message) => this.handle(connection, message),
    });
    this.queue.push(() => this.load());
  }

  get status(): RoomStatus {
    return this.currentStatus;
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /**
   * Bytes of the updates the document was loaded from and has applied since (the compacted state
   * once compacted): the metrics' estimate of its size. Encoding the document per scrape instead
   * would cost its whole size in memory each time (200 MB more during a 200 MB merge).
   */
  heldUpdateBytes(): number {
    return this.currentStatus === 'ready' ? this.updateBytes : 0;
  }

  /** `read` sees the loaded document (null while loading or once unloaded); it must not change it. */
  readDocument<T>(read: (doc: Y.Doc) => T): T | null {
    return this.currentStatus === 'ready' ? read(this.doc) : null;
  }

  /**
   * `read` on the document between two of the room's tasks, once those already started or waiting
   * have finished: an update is stored and then applied within one task, so the document read then
   * holds every update stored before the call (a plain read in between could miss one stored a moment
   * ago and not yet applied). Null once the room is unloaded.
   */
  readSettledDocument<T>(read: (doc: Y.Doc) => T): Promise<T | null> {
    return new Promise((resolve, reject) => {
      this.queue.push(() => {
        try {
          resolve(this.readDocument(read));
        } catch (error) {
          reject(error);
        }
      });
    });
  }

  /** Resolves once every message received so far is handled (stored, applied, broadcast) and no compaction runs. */
  async whenIdle(): Promise<void> {
    await this.queue.whenIdle();
    await this.compaction.whenIdle();
  }

  join(socket: RoomSocket, session: RoomSession): RoomMembership {
    if (this.currentStatus === 'failed' || this.currentStatus === 'destroyed') {
      socket.close(CloseCode.ServerError, 'server-error');
      return { receive: () => {}, refuse: () => {}, leave: () => {} };
    }
    const connection = this.connections.add(socket, session);
    this.log.info({ connection: session.connectionId, user: session.userId }, 'connection joined');
    this.queue.push(() => this.greet(connection));
    return {
      receive: (message) => this.inbox.receive(connection, message),
      refuse: (code, detail) => this.connections.close(connection, code, detail),
      leave: () => this.connections.remove(connection, 'left'),
    };
  }

  /**
   * The owner changed `userId`'s role (or removed them: null). Their open connections follow at
   * once: a lost write right is refused from the next message on, lost access closes them (4403).
   */
  reviseAccess(userId: string, role: Role | null): void {
    if (!role) {
      this.connections.closeWhere((session) => session.userId === userId, CloseCode.Forbidden, 'access removed');
      return;
    }
    for (const connection of this.connections) {
      if (connection.session.userId !== userId) continue;
      const before = connection.session.role;
      connection.session.role = role;
      // A raised role is announced so the editor unlocks at once; a lowered one shows at the next refusal.
      if (role !== before && strongerRole(role, before) === role) {
        this.connections.send(connection, encodeRoleRaisedMessage({ code: 'role-raised', role }));
      }
    }
  }

  /** Closes the connections of ended sessions (signed out, revoked, suspended) with 4401. */
  endSessions(which: (session: RoomSession) => boolean, detail: string): number {
    return this.connections.closeWhere(which, CloseCode.Unauthorized, detail);
  }

  /** The sessions of everyone connected, for a periodic check that each is still valid. */
  sessions(): RoomSession[] {
    return [...this.connections].map((connection) => connection.session);
  }

  /** Closes every connection (e.g. server shutdown); the room then empties as usual. */
  closeAll(code: CloseCodeValue, detail: string): void {
    this.connections.closeWhere(() => true, code, detail);
  }

  destroy(): void {
    if (this.currentStatus === 'destroyed') return;
    this.currentStatus = 'destroyed';
    this.compaction.stop();
    this.closeAll(CloseCode.ShuttingDown, 'room unloaded');
    this.replication?.close();
    this.options.policy.detach();
    this.presence.destroy();
    this.doc.destroy();
    this.options.hooks.afterUnload?.({ roomName: this.name });
  }

  private async handle(connection: RoomConnection, message: ClientMessage): Promise<void> {
    if (this.currentStatus !== 'ready' || !this.connections.has(connection)) return;
    switch (message.type) {
      case 'sync-step1':
        for (const answer of encodeSyncAnswer(
          this.doc,
          message.stateVector,
          this.options.syncChunkBytes,
          this.updateBytes,
        )) {
          this.connections.send(connection, answer);
        }
        return;
      case 'sync-step2':
        // A reconnect's step 2 often repeats what we have; storing it would grow the log every time.
        if (!message.update.empty && !addsNothing(this.doc, message.update)) {
          await this.commits.storeAndApply(connection, message.update);
        }
        return;
      case 'sync-update':
        if (message.update.empty) return;
        // Someone who may not write is only refused for what would change the document; a large
        // update resent after a cut connection is not stored twice (checking costs nothing: it was scanned).
        if ((message.update.scanned || !this.mayWrite(connection)) && addsNothing(this.doc, message.update)) return;
        await this.commits.storeAndApply(connection, message.update);
        return;
      case 'awareness':
        this.presence.receive(connection, message.update);
        return;
      case 'query-awareness':
        this.presence.sendAll(connection);
        return;
    }
  }

  /**
   * A stored update was applied: the cluster, compaction and the hooks hear of it. Compaction counts
   * a scanned update's slices once, at its `last`: else a backlog's hundreds of slices would make it
   * encode the whole document (its size once more) in the middle of the merge.
   */
  private announce(
    connection: RoomConnection,
    update: Uint8Array,
    seq: number,
    earlierSeqs: number[],
    last: boolean,
  ): void {
    // Cluster: the other processes get it now; compaction may fold only what has no gap before it.
    this.replication?.committed(seq, update, earlierSeqs);
    if (last) this.compaction.applied(this.replication?.appliedThrough ?? seq);
    const { summary } = this.options.policy;
    this.options.hooks.afterStoreUpdate?.({
      roomName: this.name,
      session: connection.session,
      update,
      seq,
      doc: this.doc,
      ...(summary ? { summary } : {}),
    });
  }

  private async load(): Promise<void> {
    let stored: StoredDocument | null;
    try {
      stored = this.replication ? await this.replication.load() : await this.options.documents.loadDocument(this.name);
    } catch (error) {
      this.log.error({ err: error }, 'loading the document failed');
      this.currentStatus = 'failed';
      this.closeAll(CloseCode.ServerError, 'document could not be loaded');
      this.options.onLoadFailed();
      return;
    }
    if (this.currentStatus !== 'loading') return; // destroyed while loading
    if (stored) {
      this.updateBytes =
        (stored.snapshot?.byteLength ?? 0) + stored.updates.reduce((sum, { update }) => sum + update.byteLength, 0);
      const { name, doc, compaction, log } = this;
      const target = { name, doc, documents: this.options.documents, compaction, log };
      await applyAndCompact(target, stored, LOAD_ORIGIN, this.options.compactAfterUpdates);
    }
    this.options.policy.attach(this.doc);
    this.currentStatus = 'ready';
    this.options.hooks.afterLoad?.({ roomName: this.name, doc: this.doc });
  }

  /** Cluster: what another process committed; relayed to this process's clients. */
  private applyRemote(update: Uint8Array): void {
    try {
      if (!applyUpdateTellingChange(this.doc, update, REMOTE_ORIGIN)) return;
      this.updateBytes += update.byteLength;
      this.relay(encodeSyncUpdate(update), null);
    } catch (error) {
      this.log.error({ err: error }, 'an update from another process could not be applied');
    }
  }

  /** Checked per message against the role as it is now, not as it was when the connection opened. */
  private mayWrite(connection: RoomConnection): boolean {
    return can(connection.session.role, this.options.policy.writeCapability);
  }

  /** The client is told why; a connection that keeps sending what the rules refuse is closed (each costs a re-check). */
  private refuseWrite(connection: RoomConnection, { code, reason, detail }: RuleRefusal | ReadOnly): void {
    const { session } = connection;
    const refusal: WriteRefusal = { code, ...(reason ? { reason } : {}), role: session.role, room: this.name };
    this.log.info(
      { connection: session.connectionId, user: session.userId, code, reason, detail },
      'refused an update',
    );
    this.connections.send(connection, encodeWriteRefusalMessage(refusal));
    this.options.onWriteRefused?.(session, refusal);
    if (code !== 'read-only' && !this.connections.takeRefusal(connection)) {
      this.connections.close(connection, CloseCode.RateLimited, 'too many refused changes');
    }
  }

  /** Server step 1 (so the client sends what we lack) and who else is here. */
  private greet(connection: RoomConnection): void {
    if (this.currentStatus !== 'ready' || !this.connections.has(connection)) return;
    this.connections.send(connection, encodeSyncStep1(this.doc));
    this.presence.sendAll(connection);
  }

  /**
   * An update message carrying the bytes as received, to everyone but their sender (one message
   * shared by all): not the document's own re-encoding, which would cost a large backlog's size once more.
   */
  private relay(message: Uint8Array, sender: RoomConnection | null, continuesBurst = false): void {
    for (const connection of this.connections) {
      if (connection !== sender) this.connections.send(connection, message, continuesBurst);
    }
  }
}
