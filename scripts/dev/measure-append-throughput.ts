/**
 * Measures sequential appendUpdate throughput for one document, SQLite (synchronous FULL) vs PostgreSQL
 * (fsync and synchronous_commit on: every acknowledged update is on disk). Not a test; run with
 * `node --import tsx server/storage/postgres/measure-append-throughput.ts [appends] [bytes]`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPostgresStorage } from '../../server/storage/postgres/postgres-storage';
import { openSqliteStorage } from '../../server/storage/sqlite/sqlite-storage';
import type { Storage } from '../../server/storage/storage';
import { startTestPostgres } from './throwaway-postgres';

const appends = Number(process.argv[2] ?? 2000);
const updateBytes = Number(process.argv[3] ?? 100);

async function measure(label: string, storage: Storage): Promise<void> {
  const update = new Uint8Array(randomBytes(updateBytes));
  await storage.documents.appendUpdate('warm-up', update);
  const sequentialStart = performance.now();
  for (let index = 0; index < appends; index += 1) await storage.documents.appendUpdate('doc-sequential', update);
  const sequentialMs = performance.now() - sequentialStart;
  // Many clients typing in one room at once: appends in flight together, group-committed.
  const concurrentStart = performance.now();
  await Promise.all(Array.from({ length: appends }, () => storage.documents.appendUpdate('doc-concurrent', update)));
  const concurrentMs = performance.now() - concurrentStart;
  const rate = (ms: number) => Math.round((appends / ms) * 1000);
  console.log(
    `${label.padEnd(34)} sequential ${rate(sequentialMs)}/s (${(sequentialMs / appends).toFixed(2)} ms each)` +
      `   all ${appends} at once ${rate(concurrentMs)}/s`,
  );
  await storage.close();
}

const dir = mkdtempSync(join(tmpdir(), 'dampingi-measure-'));
try {
  await measure('SQLite, synchronous FULL', openSqliteStorage({ dataDir: dir, synchronous: 'FULL' }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const postgres = await startTestPostgres({ fsync: true });
try {
  await measure(
    'PostgreSQL, fsync + sync. commit',
    await openPostgresStorage({ url: await postgres.createDatabase() }),
  );
} finally {
  await postgres.stop();
}
console.log(`${appends} appends of ${updateBytes} bytes to one document each.`);
