/**
 * The storage the configuration names: PostgreSQL when a database URL is set (rejects, naming the
 * host, when unreachable), else the SQLite file in the data directory. Used by the server and by
 * `npm run user`, so both always work on the same data.
 */
import type { ServerConfig } from '../config';
import { openSqliteStorage } from './sqlite/sqlite-storage';
import type { Storage } from './storage';

export type StorageConfig = Pick<ServerConfig, 'dataDir' | 'sqliteSynchronous' | 'databaseUrl'> &
  Partial<Pick<ServerConfig, 'commitWindowMs'>>;

export async function openConfiguredStorage(
  config: StorageConfig,
  onIdleError: (error: Error) => void = () => {},
): Promise<Storage> {
  if (config.databaseUrl) {
    // Loaded only when used: `pg` costs ~5 MiB of resident memory in every SQLite server otherwise.
    const { openPostgresStorage } = await import('./postgres/postgres-storage');
    return openPostgresStorage({ url: config.databaseUrl, onIdleError });
  }
  return openSqliteStorage({
    dataDir: config.dataDir,
    synchronous: config.sqliteSynchronous,
    commitWindowMs: config.commitWindowMs ?? 0,
  });
}
