/**
 * Yjs documents in SQLite: an append-only update log per document plus an optional compacted snapshot.
 * Appends are group-committed: every update that arrives in the same turn of the event loop (or within
 * `commitWindowMs` of the first one waiting) is written in one transaction, and each caller's promise
 * resolves only after that commit is as durable as configured. With `synchronous=FULL` the commit is
 * written without an fsync and its WAL is then flushed off the event loop (wal-sync.ts), so the loop
 * keeps serving every room while the disk works and one flush covers every commit made meanwhile.
 */
import type { SqliteSynchronous } from '../../config';
import type { DocumentStore, StoredDocument, UpdatesAfter } from '../storage';
import { type SqliteDatabase, toBuffer, toBytes } from './database';
import { createWalSync } from './wal-sync';

const TOUCH_EVERY_MS = 1_000;
/** Documents whose last touch is remembered; past this the memory starts over (each is touched once more). */
const MAX_TOUCHED_REMEMBERED = 10_000;

interface PendingAppend {
  name: string;
  update: Uint8Array;
  resolve(seq: number): void;
  reject(error: unknown): void;
}

/** What closing the database needs besides the store: commit what waits, then wait until it is on disk. */
export interface SqliteDocumentStoreControl {
  /** Commits waiting appends now. */
  flushPending(): void;
  /** Resolves once every commit so far is on disk (at once unless `synchronous=FULL`). */
  whenDurable(): Promise<void>;
  /** Releases the WAL descriptor; call after `whenDurable`, before closing the database. */
  close(): void;
  commits(): number;
}

export function createSqliteDocumentStore(
  db: SqliteDatabase,
  now: () => string,
  commitWindowMs = 0,
  synchronous: SqliteSynchronous = 'FULL',
): DocumentStore & SqliteDocumentStoreControl {
  const selectSnapshot = db.prepare<[string], { snapshot: Buffer | null }>(
    'SELECT snapshot FROM documents WHERE name = ?',
  );
  const selectUpdates = db.prepare<[string], { seq: number; data: Buffer }>(
    'SELECT seq, data FROM document_updates WHERE name = ? ORDER BY seq',
  );
  const touchDocument = db.prepare<[string, string]>(
    `INSERT INTO documents (name, snapshot, updated_at) VALUES (?, NULL, ?)
     ON CONFLICT (name) DO UPDATE SET updated_at = excluded.updated_at`,
  );
  const insertUpdate = db.prepare<[string, Buffer]>('INSERT INTO document_updates (name, data) VALUES (?, ?)');
  const storeSnapshot = db.prepare<[string, Buffer, string]>(
    `INSERT INTO documents (name, snapshot, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET snapshot = excluded.snapshot`,
  );
  const deleteUpdatesUpTo = db.prepare<[string, number]>('DELETE FROM document_updates WHERE name = ? AND seq <= ?');

  const load = db.transaction((name: string): StoredDocument | null => {
    const row = selectSnapshot.get(name);
    const updates = selectUpdates.all(name).map(({ seq, data }) => ({ seq, update: toBytes(data) }));
    if (!row && updates.length === 0) return null;
    return { snapshot: row?.snapshot ? toBytes(row.snapshot) : null, updates };
  });
  const selectUpdatesAfter = db.prepare<[string, number], { seq: number; data: Buffer }>(
    'SELECT seq, data FROM document_updates WHERE name = ? AND seq > ? ORDER BY seq',
  );
  const selectUpdate = db.prepare<[string, number], { data: Buffer }>(
    'SELECT data FROM document_updates WHERE name = ? AND seq = ?',
  );
  const selectLastSeqUpTo = db.prepare<[string, number], { seq: number | null }>(
    'SELECT MAX(seq) AS seq FROM document_updates WHERE name = ? AND seq <= ?',
  );
  // Seqs are shared by all documents here, so a gap says nothing: the log is known to hold every
  // update after `afterSeq` when there was never a compaction, or one of its updates at or before
  // `afterSeq` is still there (a compaction drops everything up to its seq). Otherwise the snapshot comes too.
  const loadAfter = db.transaction((name: string, afterSeq: number): UpdatesAfter | null => {
    const row = selectSnapshot.get(name);
    const updates = selectUpdatesAfter.all(name, afterSeq).map(({ seq, data }) => ({ seq, update: toBytes(data) }));
    const earlier = selectLastSeqUpTo.get(name, afterSeq)?.seq ?? null;
    if (!row && updates.length === 0 && earlier === null) return null;
    const lastSeq = updates.at(-1)?.seq ?? earlier ?? 0;
    const complete = !row?.snapshot || earlier !== null;
    return { snapshot: complete || !row?.snapshot ? null : toBytes(row.snapshot), updates, lastSeq };
  });
  // A document's last activity (`updated_at`, the drafts list's "updated") moves at most once a second:
  // touching its row with every commit wrote one more row and page per commit, for a time nobody reads finer.
  const touchedAtMs = new Map<string, number>();
  const appendAll = db.transaction((batch: readonly PendingAppend[], at: string, touched: string[]): number[] => {
    const atMs = Date.parse(at);
    for (const name of new Set(batch.map((pending) => pending.name))) {
      const last = touchedAtMs.get(name);
      if (last !== undefined && atMs - last < TOUCH_EVERY_MS) continue;
      touchDocument.run(name, at);
      touched.push(name);
    }
    return batch.map((pending) => Number(insertUpdate.run(pending.name, toBuffer(pending.update)).lastInsertRowid));
  });
  const appendAndTouch = (batch: readonly PendingAppend[]): number[] => {
    const at = now();
    const touched: string[] = [];
    const seqs = appendAll(batch, at, touched);
    // Remembered once committed: a rolled-back touch is made again by the next append.
    if (touchedAtMs.size + touched.length > MAX_TOUCHED_REMEMBERED) touchedAtMs.clear();
    for (const name of touched) touchedAtMs.set(name, Date.parse(at));
    return seqs;
  };

  // FULL: each append commits without an fsync (other writes on this connection keep FULL), and
  // its caller waits for the WAL flush that covers it: as durable as FULL, without blocking the loop.
  // Only in WAL mode (SQLite keeps its rollback journal where a file system cannot share memory): there
  // is no WAL to flush otherwise, and FULL commits stay as SQLite makes them.
  const inWal = !db.memory && String(db.pragma('journal_mode', { simple: true })).toLowerCase() === 'wal';
  const walSync = synchronous === 'FULL' && inWal ? createWalSync(`${db.name}-wal`) : null;
  const syncNormal = db.prepare('PRAGMA synchronous = NORMAL');
  const syncFull = db.prepare('PRAGMA synchronous = FULL');
  const appendCommitted = walSync
    ? (batch: readonly PendingAppend[]): number[] => {
        syncNormal.run();
        try {
          return appendAndTouch(batch);
        } finally {
          syncFull.run();
        }
      }
    : appendAndTouch;

  let pending: PendingAppend[] = [];
  let flushScheduled = false;
  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  let commits = 0;
  const flush = (): void => {
    flushScheduled = false;
    if (flushTimer) clearTimeout(flushTimer);
    flushTimer = null;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    let seqs: number[];
    try {
      seqs = appendCommitted(batch);
      commits++;
    } catch (error) {
      // Nothing of the batch was committed; every caller learns it and applies nothing.
      for (const entry of batch) entry.reject(error);
      return;
    }
    const acknowledge = () => {
      for (const [index, entry] of batch.entries()) entry.resolve(seqs[index] as number);
    };
    if (!walSync) {
      acknowledge();
      return;
    }
    walSync.committed().then(acknowledge, (error: unknown) => {
      // Committed but not known to be on disk: nobody is told it is stored, so nobody relays it.
      for (const entry of batch) entry.reject(error);
    });
  };
  /** What a load read must be on disk before anyone is sent it (a commit may still wait for its flush). */
  const durable = async <T>(read: T): Promise<T> => {
    await walSync?.whenFlushed();
    return read;
  };
  const compact = db.transaction((name: string, snapshot: Uint8Array, uptoSeq: number): void => {
    storeSnapshot.run(name, toBuffer(snapshot), now());
    deleteUpdatesUpTo.run(name, uptoSeq);
  });

  return {
    flushPending: flush,
    whenDurable: async () => {
      await walSync?.whenFlushed();
    },
    close: () => walSync?.close(),
    commits: () => commits,
    loadDocument: async (name) => {
      flush(); // a load must see every update already accepted
      return durable(load(name));
    },
    loadUpdatesAfter: async (name, afterSeq) => {
      flush(); // like a load: every update already accepted is in
      return durable(loadAfter(name, afterSeq));
    },
    loadUpdate: async (name, seq) => {
      flush(); // like a load: every update already accepted is in
      const row = selectUpdate.get(name, seq);
      return durable(row ? toBytes(row.data) : null);
    },
    appendUpdate: (name, update) =>
      new Promise<number>((resolve, reject) => {
        pending.push({ name, update, resolve, reject });
        if (!flushScheduled) {
          flushScheduled = true;
          if (commitWindowMs > 0) flushTimer = setTimeout(flush, commitWindowMs);
          else setImmediate(flush);
        }
      }),
    replaceWithSnapshot: async (name, snapshot, uptoSeq) => {
      flush();
      // No fsync for a compaction: it only rewrites what is already durable, atomically (WAL). If a
      // crash loses it, the snapshot and the deletion are lost together and the log is still whole.
      const synchronous = db.pragma('synchronous', { simple: true });
      db.pragma('synchronous = NORMAL');
      try {
        compact(name, snapshot, uptoSeq);
      } finally {
        db.pragma(`synchronous = ${synchronous}`);
      }
    },
  };
}
