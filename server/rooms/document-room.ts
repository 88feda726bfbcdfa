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
import type { DocumentStore, StoredDocument } from '../storage/storage';
import { BackgroundCompaction, type CompactionLease } from './background-compaction';
import type { CompactionQueue } from './compaction-queue';
import type { RoomPolicy, RuleRefusal } from './policies/room-policy';
import { type ReadOnly, RoomCommits } from './room-commits';
import { type CloseCodeValue, type RoomConnection, RoomConnections } from './room-connections';
import type { RoomHooks } from './room-hooks';
import type { JoinCluster } from './room-link';
import { applyStoredDocument } from './room-load';
import { RoomPresence } from './room-presence';
import { RoomReplication } from './room-replication';
import type { RoomSession, RoomSocket } from './room-socket';
import { SerialQueue } from './serial-queue';
import { encodeSyncAnswer } from './sync-chunks';
import {
  type ClientMessage,
  type DecodedUpdate,
  decodeClientMessage,
  encodeRoleRaisedMessage,
  encodeSyncStep1,
  encodeSyncUpdate,
  encodeWriteRefusalMessage,
} from './sync-messages';
import { addsNothing } from './update-novelty';

export type RoomStatus = 'loading' | 'ready' | 'failed' | 'destroyed';

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
  /** Messages received and not yet handled, in order; a drain task in the queue takes them. */
  private inbox: { connection: RoomConnection; message: ClientMessage }[] = [];
  private drainQueued = false;
  private readonly log: Logger;
  private readonly compaction: BackgroundCompaction;
  private readonly replication: RoomReplication | null;
  private currentStatus: RoomStatus = 'loading';

  constructor(private readonly options: DocumentRoomOptions) {
    this.name = options.name;
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
      encodeState: () => Y.encodeStateAsUpdate(this.doc),
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
      mayWrite: (connection) => this.mayWrite(connection),
      refuse: (connection, refusal) => this.refuseWrite(connection, refusal),
      close: (connection, code, detail) => this.connections.close(connection, code, detail),
      committed: (connection, update, seq) => this.announce(connection, update, seq),
    });
    this.doc.on('update', this.relayDocumentUpdate);
    this.queue.push(() => this.load());
  }

  get status(): RoomStatus {
    return this.currentStatus;
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /** Size of the document encoded as one update: the metrics' estimate of the memory it holds. */
  encodedStateBytes(): number {
    return this.currentStatus === 'ready' ? Y.encodeStateAsUpdate(this.doc).byteLength : 0;
  }

  /** `read` sees the loaded document (null while loading or once unloaded); it must not change it. */
  readDocument<T>(read: (doc: Y.Doc) => T): T | null {
    return this.currentStatus === 'ready' ? read(this.doc) : null;
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
      receive: (message) => this.receive(connection, message),
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
    this.doc.off('update', this.relayDocumentUpdate);
    this.presence.destroy();
    this.doc.destroy();
    this.options.hooks.afterUnload?.({ roomName: this.name });
  }

  private receive(connection: RoomConnection, bytes: Uint8Array): void {
    if (!this.connections.has(connection)) return; // frames still in flight after we closed it
    if (this.connections.hasExpired(connection)) {
      this.connections.close(connection, CloseCode.Unauthorized, 'token expired');
      return;
    }
    const decoded = decodeClientMessage(bytes, this.options.maxMessageBytes);
    if (!decoded.ok) {
      this.connections.close(connection, decoded.closeCode, decoded.detail);
      return;
    }
    if (connection.pending >= this.options.maxPendingMessages) {
      this.connections.close(connection, CloseCode.RateLimited, `more than ${connection.pending} messages waiting`);
      return;
    }
    connection.pending += 1;
    this.inbox.push({ connection, message: decoded.message });
    if (!this.drainQueued) {
      this.drainQueued = true;
      this.queue.push(() => this.drain());
    }
  }

  /**
   * Handles the messages waiting now, in order. Consecutive updates from writers are stored
   * together (one commit): a fast typist's burst, or several people typing, waits for one disk
   * flush instead of one each.
   */
  private async drain(): Promise<void> {
    this.drainQueued = false;
    const batch = this.inbox;
    this.inbox = [];
    try {
      let run: { connection: RoomConnection; update: DecodedUpdate }[] = [];
      for (const { connection, message } of batch) {
        if (message.type === 'sync-update' && this.joinsRun(connection, message.update)) {
          run.push({ connection, update: message.update });
          continue;
        }
        if (run.length > 0 && this.currentStatus === 'ready') await this.commits.storeAndApplyAll(run);
        run = [];
        await this.handle(connection, message);
      }
      if (run.length > 0 && this.currentStatus === 'ready') await this.commits.storeAndApplyAll(run);
    } finally {
      for (const item of batch) item.connection.pending -= 1;
    }
  }

  private joinsRun(connection: RoomConnection, update: DecodedUpdate): boolean {
    return !update.empty && this.mayWrite(connection);
  }

  private async handle(connection: RoomConnection, message: ClientMessage): Promise<void> {
    if (this.currentStatus !== 'ready' || !this.connections.has(connection)) return;
    switch (message.type) {
      case 'sync-step1':
        for (const answer of encodeSyncAnswer(this.doc, message.stateVector, this.options.syncChunkBytes)) {
          this.connections.send(connection, answer);
        }
        return;
      case 'sync-step2':
        // A reconnect's step 2 often repeats what we have; storing it would grow the log every time.
        if (!message.update.empty && !addsNothing(this.doc, message.update.bytes)) {
          await this.commits.storeAndApply(connection, message.update);
        }
        return;
      case 'sync-update':
        if (message.update.empty) return;
        // Someone who may not write is only refused for what would change the document.
        if (!this.mayWrite(connection) && addsNothing(this.doc, message.update.bytes)) return;
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

  /** A stored update was applied: the cluster, compaction and the hooks hear of it. */
  private announce(connection: RoomConnection, update: Uint8Array, seq: number): void {
    // Cluster: the other processes get it now; compaction may fold only what has no gap before it.
    this.replication?.committed(seq, update);
    this.compaction.applied(this.replication?.appliedThrough ?? seq);
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
      applyStoredDocument(this.doc, stored, LOAD_ORIGIN, this.log);
      await this.compactLoaded(stored);
    }
    this.options.policy.attach(this.doc);
    this.currentStatus = 'ready';
    this.options.hooks.afterLoad?.({ roomName: this.name, doc: this.doc });
  }

  /** A long log is folded into one snapshot as it is loaded. */
  private async compactLoaded(stored: StoredDocument): Promise<void> {
    const lastSeq = stored.updates.at(-1)?.seq;
    if (lastSeq === undefined) return;
    this.compaction.loaded(stored.updates.length, lastSeq);
    if (stored.updates.length < this.options.compactAfterUpdates) return;
    try {
      const compacted = await this.compaction.leased(() =>
        this.options.documents.replaceWithSnapshot(this.name, Y.encodeStateAsUpdate(this.doc), lastSeq),
      );
      if (!compacted) return; // another process of the cluster is compacting it
      this.compaction.loaded(0, lastSeq);
      this.log.info({ updates: stored.updates.length }, 'compacted the update log into a snapshot');
    } catch (error) {
      // The log is still complete; compaction is retried on the next load.
      this.log.warn({ err: error }, 'compacting the document failed');
    }
  }

  /** Cluster: what another process committed; relayed to this process's clients by `relayDocumentUpdate`. */
  private applyRemote(update: Uint8Array): void {
    try {
      Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
    } catch (error) {
      this.log.error({ err: error }, 'an update from another process could not be applied');
    }
  }

  /** Checked per message against the role as it is now, not as it was when the connection opened. */
  private mayWrite(connection: RoomConnection): boolean {
    return can(connection.session.role, this.options.policy.writeCapability);
  }

  /**
   * Nothing is stored or relayed; the client is told why and stays connected (presence still
   * works) — unless it keeps sending what the rules refuse, which costs the room each time.
   */
  private refuseWrite(connection: RoomConnection, { code, reason, detail }: RuleRefusal | ReadOnly): void {
    const { session } = connection;
    const refusal: WriteRefusal = { code, ...(reason ? { reason } : {}), role: session.role, room: this.name };
    this.log.info(
      { connection: session.connectionId, user: session.userId, role: session.role, code, reason, detail },
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

  private readonly relayDocumentUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === LOAD_ORIGIN) return;
    const message = encodeSyncUpdate(update);
    for (const connection of this.connections) {
      if (connection !== origin) this.connections.send(connection, message);
    }
  };
}
