/**
 * One room per Yjs document: loads it from storage before answering anyone, then for every
 * incoming update decodes → stores → applies → broadcasts, one message at a time, and relays
 * awareness (never stored). Talks to connections only through `RoomSocket`.
 */
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { type Capability, can, type Role, strongerRole } from '../../shared/auth/roles';
import { CloseCode, closeReasons } from '../../shared/protocol/close-codes';
import type { WriteRefusal } from '../../shared/protocol/write-refusal';
import type { Logger } from '../logger';
import type { DocumentStore, StoredDocument } from '../storage/storage';
import { BackgroundCompaction, type CompactionLease } from './background-compaction';
import type { CompactionQueue } from './compaction-queue';
import type { HookRefusal, RoomHooks } from './room-hooks';
import type { JoinCluster } from './room-link';
import { RoomReplication } from './room-replication';
import type { RoomSession, RoomSocket } from './room-socket';
import { SerialQueue } from './serial-queue';
import { encodeSyncAnswer } from './sync-chunks';
import {
  type ClientMessage,
  decodeClientMessage,
  encodeAwarenessMessage,
  encodeRoleRaisedMessage,
  encodeSyncStep1,
  encodeSyncUpdate,
  encodeWriteRefusalMessage,
} from './sync-messages';
import { addsNothing } from './update-novelty';
import type { RuleRefusal, UpdateRule } from './update-rules';

export type RoomStatus = 'loading' | 'ready' | 'failed' | 'destroyed';
type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];

export interface DocumentRoomOptions {
  name: string;
  documents: DocumentStore;
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
  /** What a connection's role must allow to change this document (shared/protocol/rooms.ts). */
  writeCapability: Capability;
  /** What an update must follow beyond the role (e.g. feedback only in one's own name); see update-rules.ts. */
  checkUpdate?: UpdateRule;
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

interface RoomConnection {
  readonly session: RoomSession;
  readonly socket: RoomSocket;
  /** Awareness client ids this connection set, removed for everyone when it leaves. */
  readonly awarenessClientIds: Set<number>;
  /** Its messages received but not yet handled. */
  pending: number;
}

/** A message received on a connection, waiting in the room's inbox. */
interface Inbound {
  readonly connection: RoomConnection;
  readonly message: ClientMessage;
}

type ReadOnly = { code: 'read-only'; reason?: undefined; detail: string };

/** Transaction origin of updates read from storage: they are not relayed to anyone. */
const LOAD_ORIGIN = Symbol('loaded from storage');
/** Transaction and awareness origin of what another process of the cluster committed: relayed here, not published again. */
const REMOTE_ORIGIN = Symbol('from another process');

export class DocumentRoom {
  readonly name: string;
  private readonly doc = new Y.Doc();
  private readonly awareness: Awareness;
  private readonly connections = new Set<RoomConnection>();
  private readonly queue: SerialQueue;
  /** Messages received and not yet handled, in order; a drain task in the queue takes them. */
  private inbox: Inbound[] = [];
  private drainQueued = false;
  private readonly log: Logger;
  private readonly compaction: BackgroundCompaction;
  private readonly replication: RoomReplication | null;
  private currentStatus: RoomStatus = 'loading';

  constructor(private readonly options: DocumentRoomOptions) {
    this.name = options.name;
    this.log = options.logger.child({ room: options.name });
    this.queue = new SerialQueue((error) => this.log.error({ err: error }, 'room task failed'));
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
          applyRemoteAwareness: (update) => this.applyRemoteAwareness(update),
        })
      : null;
    this.awareness = new Awareness(this.doc);
    this.awareness.setLocalState(null); // the server itself is not a participant
    this.doc.on('update', this.relayDocumentUpdate);
    this.awareness.on('update', this.relayAwarenessUpdate);
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
    const connection: RoomConnection = { session, socket, awarenessClientIds: new Set(), pending: 0 };
    if (this.currentStatus === 'failed' || this.currentStatus === 'destroyed') {
      socket.close(CloseCode.ServerError, closeReasons[CloseCode.ServerError]);
    } else {
      this.connections.add(connection);
      this.log.info({ connection: session.connectionId, user: session.userId }, 'connection joined');
      this.queue.push(() => this.greet(connection));
    }
    return {
      receive: (message) => this.receive(connection, message),
      refuse: (code, detail) => this.closeConnection(connection, code, detail),
      leave: () => this.removeConnection(connection, 'left'),
    };
  }

  /**
   * The owner changed `userId`'s role (or removed them: null). Their open connections follow at
   * once: a lost write right is refused from the next message on, lost access closes them (4403).
   */
  reviseAccess(userId: string, role: Role | null): void {
    for (const connection of [...this.connections]) {
      if (connection.session.userId !== userId) continue;
      if (!role) {
        this.closeConnection(connection, CloseCode.Forbidden, 'access to the draft was removed');
        continue;
      }
      const before = connection.session.role;
      connection.session.role = role;
      // A raised role is announced so the editor unlocks at once; a lowered one shows at the next refusal.
      if (role !== before && strongerRole(role, before) === role) {
        this.send(connection, encodeRoleRaisedMessage({ code: 'role-raised', role }));
      }
    }
  }

  /** Closes every connection (e.g. server shutdown); the room then empties as usual. */
  closeAll(code: CloseCodeValue, detail: string): void {
    for (const connection of [...this.connections]) this.closeConnection(connection, code, detail);
  }

  destroy(): void {
    if (this.currentStatus === 'destroyed') return;
    this.currentStatus = 'destroyed';
    this.compaction.stop();
    this.closeAll(CloseCode.ShuttingDown, 'room unloaded');
    this.replication?.close();
    this.doc.off('update', this.relayDocumentUpdate);
    this.awareness.off('update', this.relayAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
    this.options.hooks.afterUnload?.({ roomName: this.name });
  }

  private receive(connection: RoomConnection, bytes: Uint8Array): void {
    if (!this.connections.has(connection)) return; // frames still in flight after we closed it
    if ((this.options.now ?? Date.now)() >= connection.session.tokenExpiresAt) {
      this.closeConnection(connection, CloseCode.Unauthorized, 'token expired');
      return;
    }
    const decoded = decodeClientMessage(bytes, this.options.maxMessageBytes);
    if (!decoded.ok) {
      this.closeConnection(connection, decoded.closeCode, decoded.detail);
      return;
    }
    if (connection.pending >= this.options.maxPendingMessages) {
      this.closeConnection(connection, CloseCode.RateLimited, `more than ${connection.pending} messages waiting`);
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
   * together (one commit) and then applied in the order stored: a fast typist's burst, or several
   * people typing, waits for one disk flush instead of one each. What arrives meanwhile waits for
   * the next drain, behind any other task of the room (e.g. a cluster catch-up).
   */
  private async drain(): Promise<void> {
    this.drainQueued = false;
    const batch = this.inbox;
    this.inbox = [];
    try {
      let run: Inbound[] = [];
      for (const item of batch) {
        if (this.joinsRun(item)) {
          run.push(item);
          continue;
        }
        if (run.length > 0) await this.storeAndApplyRun(run);
        run = [];
        await this.handle(item.connection, item.message);
      }
      if (run.length > 0) await this.storeAndApplyRun(run);
    } finally {
      for (const item of batch) item.connection.pending -= 1;
    }
  }

  /** An update that may be stored with its neighbours: from a writer, in a room whose rules need no per-update document. */
  private joinsRun({ connection, message }: Inbound): boolean {
    return message.type === 'sync-update' && !message.empty && !this.options.checkUpdate && this.mayWrite(connection);
  }

  private async handle(connection: RoomConnection, message: ClientMessage): Promise<void> {
    if (this.currentStatus !== 'ready') return;
    switch (message.type) {
      case 'sync-step1':
        for (const answer of encodeSyncAnswer(this.doc, message.stateVector, this.options.syncChunkBytes)) {
          this.send(connection, answer);
        }
        return;
      case 'sync-step2':
        // A reconnect's step 2 often repeats what we have; storing it would grow the log every time.
        if (!message.empty && !addsNothing(this.doc, message.update))
          await this.storeAndApply(connection, message.update);
        return;
      case 'sync-update':
        if (message.empty) return;
        // Someone who may not write is only refused for what would change the document.
        if (!this.mayWrite(connection) && addsNothing(this.doc, message.update)) return;
        await this.storeAndApply(connection, message.update);
        return;
      case 'awareness':
        // Validated while decoding, so this cannot throw on the client's bytes.
        applyAwarenessUpdate(this.awareness, message.update, connection);
        return;
      case 'query-awareness':
        this.sendAwarenessStates(connection);
        return;
    }
  }

  /** The heart of durability: nothing is applied or broadcast before it is stored. */
  private async storeAndApply(connection: RoomConnection, update: Uint8Array): Promise<void> {
    if (!(await this.mayStore(connection, update))) return;
    let seq: number;
    try {
      seq = await this.options.documents.appendUpdate(this.name, update);
    } catch (error) {
      this.storingFailed(connection, error);
      return;
    }
    this.applyCommitted(connection, update, seq);
  }

  /**
   * Several writers' updates, each checked as `storeAndApply` does, stored at once (the store
   * commits them together) and then applied in the order of their sequence numbers, so the
   * document, the cluster's seq tracking and compaction see the same order as the log.
   */
  private async storeAndApplyRun(run: readonly Inbound[]): Promise<void> {
    if (this.currentStatus !== 'ready') return;
    const [first] = run;
    if (run.length === 1 && first?.message.type === 'sync-update') {
      await this.storeAndApply(first.connection, first.message.update);
      return;
    }
    const accepted: { connection: RoomConnection; update: Uint8Array }[] = [];
    for (const { connection, message } of run) {
      if (message.type !== 'sync-update') continue;
      if (await this.mayStore(connection, message.update)) accepted.push({ connection, update: message.update });
    }
    const outcomes = await Promise.all(
      accepted.map(({ connection, update }) =>
        this.options.documents.appendUpdate(this.name, update).then(
          (seq) => ({ connection, update, seq }),
          (error: unknown) => {
            this.storingFailed(connection, error);
            return null;
          },
        ),
      ),
    );
    const stored = outcomes.filter((outcome) => outcome !== null).sort((a, b) => a.seq - b.seq);
    for (const { connection, update, seq } of stored) this.applyCommitted(connection, update, seq);
  }

  /** Role, the room's rules and the hooks; a refusal is told (or closes the connection) and nothing is stored. */
  private async mayStore(connection: RoomConnection, update: Uint8Array): Promise<boolean> {
    if (!this.mayWrite(connection)) {
      this.refuseWrite(connection, { code: 'read-only', detail: 'role may not write' });
      return false;
    }
    // Checked against this.doc as it is: the queue lets nothing else change it before the apply.
    const broken = this.options.checkUpdate?.(this.doc, update, connection.session);
    if (broken) {
      this.refuseWrite(connection, broken);
      return false;
    }
    if (!this.options.hooks.beforeStoreUpdate) return true;
    let refusal: HookRefusal | null | undefined;
    try {
      refusal = await this.options.hooks.beforeStoreUpdate({
        roomName: this.name,
        session: connection.session,
        update,
      });
    } catch (error) {
      this.log.error({ err: error }, 'beforeStoreUpdate hook failed');
      refusal = { code: CloseCode.ServerError, detail: 'hook failed' };
    }
    if (refusal) this.closeConnection(connection, refusal.code, refusal.detail);
    return !refusal;
  }

  /** Not applied either, so the client still has it and sends it again when it reconnects. */
  private storingFailed(connection: RoomConnection, error: unknown): void {
    this.log.error({ err: error, connection: connection.session.connectionId }, 'storing an update failed');
    this.closeConnection(connection, CloseCode.ServerError, 'storage failed');
  }

  /** A stored update: applied (which relays it), then announced to the cluster, compaction and the hooks. */
  private applyCommitted(connection: RoomConnection, update: Uint8Array, seq: number): void {
    try {
      Y.applyUpdate(this.doc, update, connection);
    } catch (error) {
      // Decoded fine yet Yjs refused it; loading skips such an update too (see applyStored).
      this.log.error({ err: error, seq }, 'a stored update could not be applied');
      this.closeConnection(connection, CloseCode.InvalidMessage, 'update could not be applied');
      return;
    }
    // Cluster: the other processes get it now; compaction may fold only what has no gap before it.
    this.replication?.committed(seq, update);
    this.compaction.applied(this.replication?.appliedThrough ?? seq);
    this.options.hooks.afterStoreUpdate?.({
      roomName: this.name,
      session: connection.session,
      update,
      seq,
      doc: this.doc,
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
    if (stored) await this.applyStored(stored);
    this.currentStatus = 'ready';
    this.options.hooks.afterLoad?.({ roomName: this.name, doc: this.doc });
  }

  private async applyStored(stored: StoredDocument): Promise<void> {
    if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot, LOAD_ORIGIN);
    for (const { seq, update } of stored.updates) {
      try {
        Y.applyUpdate(this.doc, update, LOAD_ORIGIN);
      } catch (error) {
        this.log.error({ err: error, seq }, 'skipping a stored update that cannot be applied');
      }
    }
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

  private applyRemoteAwareness(update: Uint8Array): void {
    if (this.currentStatus === 'destroyed') return;
    try {
      applyAwarenessUpdate(this.awareness, update, REMOTE_ORIGIN);
    } catch (error) {
      this.log.warn({ err: error }, 'presence from another process could not be applied');
    }
  }

  /** Checked per message against the role as it is now, not as it was when the connection opened. */
  private mayWrite(connection: RoomConnection): boolean {
    return can(connection.session.role, this.options.writeCapability);
  }

  /** Nothing is stored or relayed; the client is told why and stays connected (presence still works). */
  private refuseWrite(connection: RoomConnection, { code, reason, detail }: RuleRefusal | ReadOnly): void {
    const { session } = connection;
    const refusal: WriteRefusal = { code, ...(reason ? { reason } : {}), role: session.role, room: this.name };
    this.log.info(
      { connection: session.connectionId, user: session.userId, role: session.role, code, reason, detail },
      'refused an update',
    );
    this.send(connection, encodeWriteRefusalMessage(refusal));
    this.options.onWriteRefused?.(session, refusal);
  }

  /** Server step 1 (so the client sends what we lack) and who else is here. */
  private greet(connection: RoomConnection): void {
    if (this.currentStatus !== 'ready') return;
    this.send(connection, encodeSyncStep1(this.doc));
    this.sendAwarenessStates(connection);
  }

  private sendAwarenessStates(connection: RoomConnection): void {
    const clientIds = [...this.awareness.getStates().keys()];
    if (clientIds.length > 0) this.send(connection, encodeAwarenessMessage(this.awareness, clientIds));
  }

  private readonly relayDocumentUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === LOAD_ORIGIN) return;
    const message = encodeSyncUpdate(update);
    for (const connection of this.connections) {
      if (connection !== origin) this.send(connection, message);
    }
  };

  private readonly relayAwarenessUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const source = [...this.connections].find((connection) => connection === origin);
    if (source) {
      for (const id of [...changes.added, ...changes.updated]) source.awarenessClientIds.add(id);
      for (const id of changes.removed) source.awarenessClientIds.delete(id);
    }
    const changed = [...changes.added, ...changes.updated, ...changes.removed];
    const message = encodeAwarenessMessage(this.awareness, changed);
    for (const connection of this.connections) {
      if (connection !== source) this.send(connection, message);
    }
    // Cluster: presence set or left here reaches the other processes; their own and timeouts stay local.
    if (this.replication && origin !== REMOTE_ORIGIN && origin !== 'timeout') {
      this.replication.publishAwareness(encodeAwarenessUpdate(this.awareness, changed));
    }
  };

  private send(connection: RoomConnection, message: Uint8Array): void {
    if (this.connections.has(connection) && connection.socket.isOpen()) connection.socket.send(message);
  }

  private closeConnection(connection: RoomConnection, code: CloseCodeValue, detail: string): void {
    if (!this.connections.has(connection)) return;
    const level = code >= 4500 ? 'info' : 'warn';
    this.log[level]({ connection: connection.session.connectionId, code, detail }, 'closing connection');
    this.removeConnection(connection, 'closed');
    connection.socket.close(code, closeReasons[code]);
  }

  private removeConnection(connection: RoomConnection, why: 'left' | 'closed'): void {
    if (!this.connections.delete(connection)) return;
    if (why === 'left') this.log.info({ connection: connection.session.connectionId }, 'connection left');
    // Tells everyone else that this connection's cursors are gone.
    removeAwarenessStates(this.awareness, [...connection.awarenessClientIds], why);
    if (this.connections.size === 0) this.options.onEmpty();
  }
}
