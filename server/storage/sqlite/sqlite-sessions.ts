/** Sessions in SQLite: one row per signed-in device or app; tokens carry its id. */
import type { SessionRecord, SessionStore } from '../storage';
import type { SqliteDatabase } from './database';

const COLUMNS =
  'id, user_id AS userId, kind, label, created_at AS createdAt, expires_at AS expiresAt, revoked_at AS revokedAt';

export function createSqliteSessionStore(db: SqliteDatabase, now: () => string): SessionStore {
  const insert = db.prepare<[string, string, string, string | null, string, string]>(
    'INSERT INTO sessions (id, user_id, kind, label, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const select = db.prepare<[string], SessionRecord>(`SELECT ${COLUMNS} FROM sessions WHERE id = ?`);
  const extend = db.prepare<[string, string]>('UPDATE sessions SET expires_at = ? WHERE id = ? AND revoked_at IS NULL');
  const revokeOne = db.prepare<[string, string]>(
    'UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL',
  );
  const activeOfUser = db.prepare<[string], { id: string }>(
    'SELECT id FROM sessions WHERE user_id = ? AND revoked_at IS NULL',
  );
  const revokeOfUser = db.prepare<[string, string]>(
    'UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL',
  );
  const listActive = db.prepare<[string, string], SessionRecord>(
    `SELECT ${COLUMNS} FROM sessions WHERE user_id = ? AND revoked_at IS NULL AND expires_at > ?
     ORDER BY created_at DESC, rowid DESC`,
  );
  const revokeAll = db.transaction((userId: string, at: string) => {
    const ids = activeOfUser.all(userId).map((row) => row.id);
    revokeOfUser.run(at, userId);
    return ids;
  });

  return {
    createSession: async ({ id, userId, kind, label, expiresAt }) => {
      const createdAt = now();
      insert.run(id, userId, kind, label, createdAt, expiresAt);
      return { id, userId, kind, label, createdAt, expiresAt, revokedAt: null };
    },
    getSession: async (id) => select.get(id) ?? null,
    extendSession: async (id, expiresAt) => extend.run(expiresAt, id).changes > 0,
    revokeSession: async (id) => (revokeOne.run(now(), id).changes > 0 ? (select.get(id) ?? null) : null),
    revokeUserSessions: async (userId) => revokeAll(userId, now()),
    listUserSessions: async (userId, at) => listActive.all(userId, at),
  };
}
