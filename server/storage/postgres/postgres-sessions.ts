/** Sessions in PostgreSQL: one row per signed-in device or app; tokens carry its id. */
import type { SessionRecord, SessionStore } from '../storage';
import type { PostgresPool } from './database';

const COLUMNS =
  'id, user_id AS "userId", kind, label, created_at AS "createdAt", expires_at AS "expiresAt", revoked_at AS "revokedAt"';

export function createPostgresSessionStore(pool: PostgresPool, now: () => string): SessionStore {
  const one = async (sql: string, values: unknown[]) => (await pool.query<SessionRecord>(sql, values)).rows[0] ?? null;
  return {
    createSession: async ({ id, userId, kind, label, expiresAt }) =>
      (await one(
        `INSERT INTO sessions (id, user_id, kind, label, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)
         RETURNING ${COLUMNS}`,
        [id, userId, kind, label, now(), expiresAt],
      )) as SessionRecord,
    getSession: (id) => one(`SELECT ${COLUMNS} FROM sessions WHERE id = $1`, [id]),
    extendSession: async (id, expiresAt) =>
      ((await pool.query('UPDATE sessions SET expires_at = $1 WHERE id = $2 AND revoked_at IS NULL', [expiresAt, id]))
        .rowCount ?? 0) > 0,
    revokeSession: (id) =>
      one(`UPDATE sessions SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL RETURNING ${COLUMNS}`, [now(), id]),
    revokeUserSessions: async (userId) =>
      (
        await pool.query<{ id: string }>(
          'UPDATE sessions SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL RETURNING id',
          [now(), userId],
        )
      ).rows.map((row) => row.id),
    listUserSessions: async (userId, at) =>
      (
        await pool.query<SessionRecord>(
          `SELECT ${COLUMNS} FROM sessions WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > $2
           ORDER BY created_at DESC, position DESC`,
          [userId, at],
        )
      ).rows,
  };
}
