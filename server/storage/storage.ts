/**
 * The one storage interface of the server. Every method is async so a PostgreSQL (+ Redis)
 * implementation fits behind it; "not found" is `null`, never an exception. Tokens only ever
 * arrive here as SHA-256 hashes.
 */

/** One Yjs update in a document's log; `seq` grows with every append. */
export interface StoredUpdate {
  seq: number;
  update: Uint8Array;
}

/** A document as stored: an optional compacted snapshot plus the updates appended after it, in order. */
export interface StoredDocument {
  snapshot: Uint8Array | null;
  updates: StoredUpdate[];
}

/** Yjs documents, keyed by room name (one room per document). */
export interface DocumentStore {
  loadDocument(name: string): Promise<StoredDocument | null>;
  /** Durably appends one update and returns its sequence number. */
  appendUpdate(name: string, update: Uint8Array): Promise<number>;
  /** Compaction: stores `snapshot` and drops every update with `seq <= uptoSeq` (they are inside it). */
  replaceWithSnapshot(name: string, snapshot: Uint8Array, uptoSeq: number): Promise<void>;
}

export interface DraftRecord {
  id: string;
  title: string;
  ownerId: string;
  ownerName: string;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601; the later of the draft's own change and the last stored edit of its content. */
  updatedAt: string;
}

export interface NewDraft {
  id: string;
  title: string;
  ownerId: string;
}

/** Drafts. Room is left for a mentoring-cycle stage, a summary and versions (later issues). */
export interface DraftStore {
  createDraft(draft: NewDraft): Promise<DraftRecord>;
  getDraft(id: string): Promise<DraftRecord | null>;
  /** Every draft, most recently updated first. */
  listDrafts(): Promise<DraftRecord[]>;
}

export interface UserRecord {
  id: string;
  name: string;
  /** ISO 8601. */
  createdAt: string;
}

export interface NewUser {
  id: string;
  name: string;
  /** Hex SHA-256 of the token; the token itself is never stored. */
  tokenHash: string;
}

export interface UserStore {
  createUser(user: NewUser): Promise<UserRecord>;
  findUserByTokenHash(tokenHash: string): Promise<UserRecord | null>;
  listUsers(): Promise<UserRecord[]>;
  countUsers(): Promise<number>;
}

export type StorageKind = 'sqlite' | 'postgres';

export interface Storage {
  readonly kind: StorageKind;
  readonly documents: DocumentStore;
  readonly drafts: DraftStore;
  readonly users: UserStore;
  /** Flushes and releases the database; the storage is unusable afterwards. */
  close(): Promise<void>;
}
