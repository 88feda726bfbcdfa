/** Users in SQLite, found by the SHA-256 hash of their token (the token itself is never stored). */
import type { UserRecord, UserStore } from '../storage';
import type { SqliteDatabase } from './database';

export function createSqliteUserStore(db: SqliteDatabase, now: () => string): UserStore {
  const insertUser = db.prepare<[string, string, string, string]>(
    'INSERT INTO users (id, name, token_hash, created_at) VALUES (?, ?, ?, ?)',
  );
  const selectByTokenHash = db.prepare<[string], UserRecord>(
    'SELECT id, name, created_at AS createdAt FROM users WHERE token_hash = ?',
  );
  const selectAll = db.prepare<[], UserRecord>(
    'SELECT id, name, created_at AS createdAt FROM users ORDER BY created_at, rowid',
  );
  const selectCount = db.prepare<[], { count: number }>('SELECT COUNT(*) AS count FROM users');

  return {
    createUser: async ({ id, name, tokenHash }) => {
      const createdAt = now();
      insertUser.run(id, name, tokenHash, createdAt);
      return { id, name, createdAt };
    },
    findUserByTokenHash: async (tokenHash) => selectByTokenHash.get(tokenHash) ?? null,
    listUsers: async () => selectAll.all(),
    countUsers: async () => selectCount.get()?.count ?? 0,
  };
}
