/**
 * Yjs documents in SQLite: an append-only update log per document plus an optional compacted snapshot.
 * Appends are group-committed: every update that arrives in the same turn of the event loop (or within
 * `commitWindowMs` of the first one waiting) is written in one transaction (one fsync), and each
 * caller's promise resolves only after that commit. A window trades a little latency for fewer fsyncs,
 * the largest CPU cost under many live rooms (bench/PROFILE.md).
 */
import type { DocumentStore, StoredDocument, UpdatesAfter } from '../storage';
import { type SqliteDatabase, toBuffer, toBytes } from './database';

interface PendingAppend {
  name: string;
  update: Uint8Array;
  resolve(seq: number): void;
  reject(error: unknown): void;
}

/** The store plus `flushPending`, which commits waiting appends now (before closing the database). */
export function createSqliteDocumentStore(
  db: SqliteDatabase,
  now: () => string,
  commitWindowMs = 0,
): DocumentStore & { flushPending(): void; commits(): number } {
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
  const appendAll = db.transaction((batch: readonly PendingAppend[]): number[] => {
    const at = now();
    for (const name of new Set(batch.map((pending) => pending.name))) touchDocument.run(name, at);
    return batch.map((pending) => Number(insertUpdate.run(pending.name, toBuffer(pending.update)).lastInsertRowid));
  });

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
    try {
      const seqs = appendAll(batch);
      commits++;
      for (const [index, entry] of batch.entries()) entry.resolve(seqs[index] as number);
    } catch (error) {
      // Nothing of the batch was committed; every caller learns it and applies nothing.
      for (const entry of batch) entry.reject(error);
    }
  };
  const compact = db.transaction((name: string, snapshot: Uint8Array, uptoSeq: number): void => {
    storeSnapshot.run(name, toBuffer(snapshot), now());
    deleteUpdatesUpTo.run(name, uptoSeq);
  });

  return {
    flushPending: flush,
    commits: () => commits,
    loadDocument: async (name) => {
      flush(); // a load must see every update already accepted
      return load(name);
    },
    loadUpdatesAfter: async (name, afterSeq) => {
      flush(); // like a load: every update already accepted is in
      return loadAfter(name, afterSeq);
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
