/** Fakes for testing rooms without sockets or a database: a recording socket, a gated document store, a client doc. */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { pino } from 'pino';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { DocumentRoom, type DocumentRoomOptions } from '../../server/rooms/document-room';
import { contentPolicy } from '../../server/rooms/policies/content-policy';
import type { RoomSession, RoomSocket } from '../../server/rooms/room-socket';
import { MessageType } from '../../server/rooms/sync-messages';
import type { DocumentStore, StoredDocument, UpdatesAfter } from '../../server/storage/storage';

export const silentLogger = pino({ level: 'silent' });

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

/** Lets every already-settled promise callback run (the room's queue advances on microtasks). */
export async function settle(): Promise<void> {
  for (let round = 0; round < 10; round += 1) await Promise.resolve();
}

/** Records everything in one timeline shared with the store, so tests can assert ordering. */
export class FakeSocket implements RoomSocket {
  readonly sent: Uint8Array[] = [];
  closed: { code: number; reason: string } | null = null;

  constructor(
    readonly name: string,
    private readonly timeline: string[] = [],
  ) {}

  isOpen(): boolean {
    return this.closed === null;
  }

  send(message: Uint8Array): void {
    this.sent.push(message);
    this.timeline.push(`${this.name} received ${describeMessage(message)}`);
  }

  close(code: number, reason: string): void {
    this.closed = { code, reason };
    this.timeline.push(`${this.name} closed ${code}`);
  }
}

/** A document store held in memory whose load and appends can be held back by the test. */
export class GatedDocumentStore implements DocumentStore {
  readonly appended: Uint8Array[] = [];
  snapshot: Uint8Array | null = null;
  updates: { seq: number; update: Uint8Array }[] = [];
  loadGate: Promise<void> = Promise.resolve();
  appendGate: Promise<void> = Promise.resolve();
  failLoad = false;
  failAppend = false;
  private seq = 0;

  constructor(private readonly timeline: string[] = []) {}

  seed(update: Uint8Array): void {
    this.seq += 1;
    this.updates.push({ seq: this.seq, update });
  }

  async loadDocument(): Promise<StoredDocument | null> {
    await this.loadGate;
    if (this.failLoad) throw new Error('disk on fire');
    if (!this.snapshot && this.updates.length === 0) return null;
    return { snapshot: this.snapshot, updates: [...this.updates] };
  }

  async loadUpdatesAfter(_name: string, afterSeq: number): Promise<UpdatesAfter | null> {
    const loaded = await this.loadDocument();
    if (!loaded) return null;
    const updates = loaded.updates.filter((entry) => entry.seq > afterSeq);
    const folded = updates.length < this.seq - afterSeq;
    return { snapshot: folded ? loaded.snapshot : null, updates, lastSeq: this.seq };
  }

  async loadUpdate(_name: string, seq: number): Promise<Uint8Array | null> {
    return this.updates.find((entry) => entry.seq === seq)?.update ?? null;
  }

  async appendUpdate(_name: string, update: Uint8Array): Promise<number> {
    this.timeline.push('store append started');
    await this.appendGate;
    if (this.failAppend) throw new Error('disk full');
    this.appended.push(update);
    this.seed(update);
    this.timeline.push('store append finished');
    return this.seq;
  }

  async replaceWithSnapshot(_name: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    this.snapshot = snapshot;
    this.updates = this.updates.filter((entry) => entry.seq > uptoSeq);
  }
}

export function describeMessage(message: Uint8Array): string {
  const decoder = decoding.createDecoder(message);
  const type = decoding.readVarUint(decoder);
  if (type === MessageType.Awareness) return 'awareness';
  if (type !== MessageType.Sync) return `type ${type}`;
  return ['sync-step1', 'sync-step2', 'sync-update'][decoding.readVarUint(decoder)] ?? 'sync-?';
}

/** Applies what the server sent to a client-side doc, as the stock provider would (replies are dropped). */
export function applyServerMessages(doc: Y.Doc, messages: Uint8Array[]): void {
  for (const message of messages) {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== MessageType.Sync) continue;
    syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), doc, 'server');
  }
}

export function clientSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

export function clientUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** A Yjs update that inserts `text` into a fresh doc's Y.Text "t". */
export function textUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** An awareness message as a provider sends it for a user named `name`, and that provider's client id. */
export function awarenessMessage(name: string): { message: Uint8Array; clientId: number } {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  awareness.setLocalState({ user: { name } });
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Awareness);
  encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, [doc.clientID]));
  awareness.destroy();
  return { message: encoding.toUint8Array(encoder), clientId: doc.clientID };
}

/** Applies the awareness messages among `messages` to a client-side awareness. */
export function applyAwarenessMessages(awareness: Awareness, messages: Uint8Array[]): void {
  for (const message of messages) {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== MessageType.Awareness) continue;
    applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), 'server');
  }
}

/** A connection's session as the transport makes it, with a name and a token that never expires. */
export function testSession(
  connectionId: string,
  role: RoomSession['role'] = 'editor',
  overrides: Partial<RoomSession> = {},
): RoomSession {
  return {
    connectionId,
    userId: `user-${connectionId}`,
    userName: `Pengguna ${connectionId}`,
    guest: false,
    sessionId: null,
    role,
    tokenExpiresAt: Number.POSITIVE_INFINITY,
    tokenIssuedAt: 0,
    ...overrides,
  };
}

const openedRooms: DocumentRoom[] = [];

/**
 * A draft's room over `documents` with the limits most room tests use (64 KiB messages, 1 MiB sync
 * slices, folded after 100 updates, the content rules), changed by `overrides`. Call
 * `destroyTestRooms` after each test.
 */
export function openTestRoom(documents: DocumentStore, overrides: Partial<DocumentRoomOptions> = {}): DocumentRoom {
  const room = new DocumentRoom({
    name: 'draft-0001',
    documents,
    hooks: {},
    logger: silentLogger,
    maxMessageBytes: 64 * 1024,
    maxPendingMessages: 1000,
    syncChunkBytes: 1024 * 1024,
    compactAfterUpdates: 100,
    policy: contentPolicy(),
    onEmpty: () => {},
    onLoadFailed: () => {},
    ...overrides,
  });
  openedRooms.push(room);
  return room;
}

/** Destroys every room `openTestRoom` opened (its timers and documents). */
export function destroyTestRooms(): void {
  for (const room of openedRooms.splice(0)) room.destroy();
}
