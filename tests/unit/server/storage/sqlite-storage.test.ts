import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations, SQLITE_FILE_NAME } from '../../../../server/storage/sqlite/database';
import { openSqliteStorage } from '../../../../server/storage/sqlite/sqlite-storage';
import type { Storage } from '../../../../server/storage/storage';
import { describeStorageContract } from '../../../support/storage-contract/storage-contract';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'dampingi-storage-'));
}

describeStorageContract('SQLite', async (options = {}) => {
  const dataDir = tempDir();
  const opened: Storage[] = [];
  const openOne = (): Storage => {
    const storage = openSqliteStorage({ dataDir, synchronous: 'FULL', now: options.now });
    opened.push(storage);
    return storage;
  };
  return {
    storage: openOne(),
    openAgain: async () => openOne(),
    cleanup: async () => {
      for (const storage of opened) await storage.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
});

describe('SQLite files from older versions', () => {
  const dirs: string[] = [];
  const open: Storage[] = [];
  afterEach(async () => {
    for (const storage of open.splice(0)) await storage.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('a database from before roles keeps every user able to open every draft, owners as owners', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const v1 = new Database(join(dir, SQLITE_FILE_NAME));
    v1.exec(migrations[0] as string);
    v1.pragma('user_version = 1');
    v1.exec(`INSERT INTO users VALUES ('user-sari', 'Bu Sari', 'hash-1', '2026-01-01T00:00:00.000Z'),
                                      ('user-budi', 'Pak Budi', 'hash-2', '2026-01-02T00:00:00.000Z');
             INSERT INTO drafts VALUES ('draft-0001', 'Modul', 'user-sari', '2026-01-03T00:00:00.000Z', '2026-01-03T00:00:00.000Z');`);
    v1.close();
    const storage = openSqliteStorage({ dataDir: dir, synchronous: 'FULL' });
    open.push(storage);
    expect(await storage.members.getRole('draft-0001', 'user-sari')).toBe('owner');
    expect(await storage.members.getRole('draft-0001', 'user-budi')).toBe('editor');
    expect(await storage.users.getUser('user-budi')).toMatchObject({ tokensValidFrom: '2026-01-02T00:00:00.000Z' });
  });

  it('a database from before the mentoring cycle keeps its drafts, as blank media with no summary yet', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const v3 = new Database(join(dir, SQLITE_FILE_NAME));
    for (const migration of migrations.slice(0, 3)) v3.exec(migration);
    v3.pragma('user_version = 3');
    v3.exec(`INSERT INTO users VALUES ('user-sari', 'Bu Sari', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
             INSERT INTO drafts (id, title, owner_id, created_at, updated_at)
               VALUES ('draft-0001', 'Modul', 'user-sari', '2026-01-03T00:00:00.000Z', '2026-01-03T00:00:00.000Z');
             INSERT INTO draft_members VALUES ('draft-0001', 'user-sari', 'owner', NULL, '2026-01-03T00:00:00.000Z');`);
    v3.close();
    const storage = openSqliteStorage({ dataDir: dir, synchronous: 'FULL' });
    open.push(storage);
    expect(await storage.drafts.listDraftsForMember('user-sari')).toEqual([
      expect.objectContaining({ id: 'draft-0001', mediaKind: 'blank', summaryJson: null, role: 'owner' }),
    ]);
  });

  it('a database written by a newer server is refused instead of being misread', () => {
    const dir = tempDir();
    dirs.push(dir);
    const future = new Database(join(dir, SQLITE_FILE_NAME));
    future.pragma(`user_version = ${migrations.length + 1}`);
    future.close();
    expect(() => openSqliteStorage({ dataDir: dir, synchronous: 'FULL' })).toThrow(/newer than this server/);
  });
});
