/**
 * Yjs documents in PostgreSQL: an append-only update log per document plus an optional compacted snapshot.
 * Appends to one document are group-committed in call order: while one batch is being written, later
 * appends queue and go together in the next statement. Each caller's promise resolves only after the
 * commit (with `synchronous_commit` on, PostgreSQL's default, that means flushed to disk).
 */
import type { DocumentStore, StoredDocument, UpdatesAfter } from '../storage';
import { inTransaction, type PostgresPool, toBuffer, toBytes } from './database';

interface PendingAppend {
  update: Uint8Array;
  resolve(seq: number): void;
  reject(error: unknown): void;
}

interface DocumentQueue {
  pending: PendingAppend[];
  /** Settles when the queue is empty again. */
  drained: Promise<void>;
  /** Settles with the latest append handed over; batches are written in order, so every earlier one is settled too. */
  latest: Promise<unknown>;
}

// One statement, so one implicit transaction: bump the document's counter by the batch size (the row
// lock orders concurrent writers, even in other processes) and insert the batch under the new seqs.
const APPEND_BATCH = `
  WITH counter AS (
    INSERT INTO documents AS doc (name, snapshot, updated_at, last_seq) VALUES ($1, NULL, $2, $3)
    ON CONFLICT (name) DO UPDATE SET updated_at = excluded.updated_at, last_seq = doc.last_seq + $3
    RETURNING last_seq
  )
  INSERT INTO document_updates (name, seq, data)
  SELECT $1, counter.last_seq - $3 + batch.ordinal, batch.data
  FROM counter, unnest($4::bytea[]) WITH ORDINALITY AS batch(data, ordinal)
  RETURNING seq`;

export function createPostgresDocumentStore(
  pool: PostgresPool,
  now: () => string,
): DocumentStore & { drainAll(): Promise<void> } {
  const queues = new Map<string, DocumentQueue>();

  async function writeBatch(name: string, batch: readonly PendingAppend[]): Promise<void> {
    try {
      const data = batch.map((entry) => toBuffer(entry.update));
      const { rows } = await pool.query<{ seq: number }>(APPEND_BATCH, [name, now(), batch.length, data]);
      const seqs = rows.map((row) => row.seq).sort((a, b) => a - b);
      for (const [index, entry] of batch.entries()) entry.resolve(seqs[index] as number);
    } catch (error) {
      // Nothing of the batch was committed (or, if the connection broke during COMMIT, it is unknown):
      // every caller learns it and acknowledges nothing; Yjs updates are safe to resend.
      for (const entry of batch) entry.reject(error);
    }
  }

  async function drain(name: string, queue: DocumentQueue): Promise<void> {
    while (queue.pending.length > 0) await writeBatch(name, queue.pending.splice(0));
    queues.delete(name);
  }

  /** Starts writing on the next microtask, so appends made in the same synchronous run share the first batch. */
  function startQueue(name: string): DocumentQueue {
    const queue: DocumentQueue = { pending: [], drained: Promise.resolve(), latest: Promise.resolve() };
    queues.set(name, queue);
    queue.drained = Promise.resolve().then(() => drain(name, queue));
    return queue;
  }

  /** Waits until every append already handed over for `name` is settled (not for later ones). */
  async function settled(name: string): Promise<void> {
    await queues.get(name)?.latest;
  }

  const load = (name: string): Promise<StoredDocument | null> =>
    // One snapshot of the database for both reads, so a compaction elsewhere cannot fall between them.
    inTransaction(pool, async (client) => {
      await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      const snapshotRows = await client.query<{ snapshot: Buffer | null }>(
        'SELECT snapshot FROM documents WHERE name = $1',
        [name],
      );
      const updateRows = await client.query<{ seq: number; data: Buffer }>(
        'SELECT seq, data FROM document_updates WHERE name = $1 ORDER BY seq',
        [name],
      );
      const row = snapshotRows.rows[0];
      const updates = updateRows.rows.map(({ seq, data }) => ({ seq, update: toBytes(data) }));
      if (!row && updates.length === 0) return null;
      return { snapshot: row?.snapshot ? toBytes(row.snapshot) : null, updates };
    });

  // Catch-up reads, one snapshot of the database like `load`. Seqs are contiguous per document, so
  // fewer updates than `last_seq - afterSeq` means compaction folded some of them: the snapshot comes too.
  const loadAfter = (name: string, afterSeq: number): Promise<UpdatesAfter | null> =>
    inTransaction(pool, async (client) => {
      await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      const head = await client.query<{ last_seq: number }>('SELECT last_seq FROM documents WHERE name = $1', [name]);
      const lastSeq = head.rows[0]?.last_seq;
      if (lastSeq === undefined) return null;
      const updateRows = await client.query<{ seq: number; data: Buffer }>(
        'SELECT seq, data FROM document_updates WHERE name = $1 AND seq > $2 ORDER BY seq',
        [name, afterSeq],
      );
      const updates = updateRows.rows.map(({ seq, data }) => ({ seq, update: toBytes(data) }));
      if (updates.length >= lastSeq - afterSeq) return { snapshot: null, updates, lastSeq };
      const snapshotRows = await client.query<{ snapshot: Buffer | null }>(
        'SELECT snapshot FROM documents WHERE name = $1',
        [name],
      );
      const snapshot = snapshotRows.rows[0]?.snapshot;
      return { snapshot: snapshot ? toBytes(snapshot) : null, updates, lastSeq };
    });

  return {
    drainAll: async () => {
      await Promise.all([...queues.values()].map((queue) => queue.drained));
    },
    loadDocument: async (name) => {
      await settled(name); // a load must see every update already handed over
      return load(name);
    },
    loadUpdatesAfter: async (name, afterSeq) => {
      await settled(name);
      return loadAfter(name, afterSeq);
    },
    loadUpdate: async (name, seq) => {
      await settled(name);
      const { rows } = await pool.query<{ data: Buffer }>(
        'SELECT data FROM document_updates WHERE name = $1 AND seq = $2',
        [name, seq],
      );
      const row = rows[0];
      return row ? toBytes(row.data) : null;
    },
    appendUpdate: (name, update) => {
      const queue = queues.get(name) ?? startQueue(name);
      const appended = new Promise<number>((resolve, reject) => queue.pending.push({ update, resolve, reject }));
      queue.latest = appended.catch(() => undefined);
      return appended;
    },
    replaceWithSnapshot: async (name, snapshot, uptoSeq) => {
      await settled(name);
      await inTransaction(pool, async (client) => {
        // No wait for the disk: a compaction only rewrites what is already durable, atomically. If a
        // crash loses it, the snapshot and the deletion are lost together and the log is still whole.
        await client.query('SET LOCAL synchronous_commit = off');
        // Several processes (a cluster) may compact one document: one that lags must never put a
        // snapshot missing updates over one that folded them. The row lock orders them; if the log no
        // longer holds `uptoSeq + 1` (or is empty past it), a later compaction already happened.
        const head = await client.query<{ last_seq: number; first_seq: number | null }>(
          `SELECT doc.last_seq, (SELECT MIN(seq) FROM document_updates WHERE name = $1) AS first_seq
           FROM documents AS doc WHERE doc.name = $1 FOR UPDATE`,
          [name],
        );
        const row = head.rows[0];
        if (row && (row.first_seq === null ? row.last_seq > uptoSeq : row.first_seq > uptoSeq + 1)) return;
        await client.query(
          `INSERT INTO documents AS doc (name, snapshot, updated_at, last_seq) VALUES ($1, $2, $3, $4)
           ON CONFLICT (name) DO UPDATE SET snapshot = excluded.snapshot`,
          [name, toBuffer(snapshot), now(), uptoSeq],
        );
        await client.query('DELETE FROM document_updates WHERE name = $1 AND seq <= $2', [name, uptoSeq]);
      });
    },
  };
}
