import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPostgres, type TestPostgres } from '../../../../scripts/dev/throwaway-postgres';
import { migrations } from '../../../../server/storage/postgres/database';
import { openPostgresStorage } from '../../../../server/storage/postgres/postgres-storage';
import type { Storage } from '../../../../server/storage/storage';
import { describeStorageContract } from '../../../support/storage-contract/storage-contract';

let server: TestPostgres;
beforeAll(async () => {
  server = await startTestPostgres();
}, 120_000);
afterAll(async () => {
  await server?.stop();
}, 60_000);

describeStorageContract('PostgreSQL', async (options = {}) => {
  const url = await server.createDatabase();
  const opened: Storage[] = [];
  const openOne = async (): Promise<Storage> => {
    const storage = await openPostgresStorage({ url, now: options.now });
    opened.push(storage);
    return storage;
  };
  return {
    storage: await openOne(),
    openAgain: openOne,
    cleanup: async () => {
      for (const storage of opened) await storage.close();
    },
  };
});

describe('PostgreSQL schema and connection', () => {
  it('processes starting together on a new database migrate it once, and every later start finds it current', async () => {
    const url = await server.createDatabase();
    const stores = await Promise.all([1, 2, 3].map(() => openPostgresStorage({ url })));
    const again = await openPostgresStorage({ url });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((row) => row.version)).toEqual(migrations.map((_, index) => index + 1));
    } finally {
      await client.end();
      for (const storage of [...stores, again]) await storage.close();
    }
  });

  it('a database written by a newer server is refused instead of being misread', async () => {
    const url = await server.createDatabase();
    const storage = await openPostgresStorage({ url });
    await storage.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [migrations.length + 1]);
    await client.end();
    await expect(openPostgresStorage({ url })).rejects.toThrow(/newer than this server/);
  });

  it('an unreachable server is reported with its host and database, never its password', async () => {
    const url = 'postgres://dampingi:geheim-sandi@127.0.0.1:1/dampingi';
    const failure = openPostgresStorage({ url });
    await expect(failure).rejects.toThrow(/127\.0\.0\.1:1\/dampingi/);
    await expect(failure).rejects.not.toThrow(/geheim-sandi/);
  });
});
