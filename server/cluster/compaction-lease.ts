/**
 * The cluster-wide compaction lease: a PostgreSQL session advisory lock per document, held on its own
 * connection while one process compacts it. Another process asking meanwhile is told `busy` and
 * skips (it tries again at its next threshold). The lock dies with the holder's connection, so a
 * killed process never leaves a document locked. PostgreSQL's replaceWithSnapshot also refuses a
 * snapshot older than the one stored (postgres-documents.ts), should a lagging process come later.
 */
import pg from 'pg';
import type { CompactionLease } from '../rooms/background-compaction';

/** First key of the two-key advisory lock space, so these never collide with other advisory locks. */
const COMPACTION_LOCK_CLASS = 4_210_772;

export interface PostgresCompactionLease extends CompactionLease {
  close(): Promise<void>;
}

export function createPostgresCompactionLease(options: {
  url: string;
  onIdleError?: (error: Error) => void;
}): PostgresCompactionLease {
  // Few connections: compactions in a process already take turns (compaction-queue.ts).
  const pool = new pg.Pool({ connectionString: options.url, max: 2, connectionTimeoutMillis: 10_000 });
  pool.on('error', (error) => options.onIdleError?.(error));
  return {
    async run(name, task) {
      const client = await pool.connect();
      const key = [COMPACTION_LOCK_CLASS, name];
      let locked: boolean;
      try {
        const { rows } = await client.query<{ locked: boolean }>(
          'SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked',
          key,
        );
        locked = rows[0]?.locked === true;
      } catch (error) {
        client.release(error instanceof Error ? error : true);
        throw error;
      }
      if (!locked) {
        client.release();
        return 'busy';
      }
      let broken: Error | undefined;
      try {
        await task();
        return 'done';
      } finally {
        // A connection that cannot unlock is dropped: closing it releases the lock as well.
        await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', key).catch((error: Error) => {
          broken = error;
        });
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
