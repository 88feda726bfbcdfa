/** Users in PostgreSQL. No credential is stored: tokens are signed, and checked against `tokens_valid_from`. */
import type { UserRecord, UserStore } from '../storage';
import type { PostgresPool } from './database';

const COLUMNS = `id, name, guest, email, is_admin AS "isAdmin", suspended_at AS "suspendedAt",
  created_at AS "createdAt", tokens_valid_from AS "tokensValidFrom"`;

/** Token times (JWT `iat`) are whole seconds; a revocation covers the whole second it happens in. */
function nextWholeSecond(iso: string): string {
  return new Date(Math.ceil(Date.parse(iso) / 1000) * 1000).toISOString();
}

function wholeSecond(iso: string): string {
  return new Date(Math.floor(Date.parse(iso) / 1000) * 1000).toISOString();
}

export function createPostgresUserStore(pool: PostgresPool, now: () => string): UserStore {
  const one = async (sql: string, values: unknown[]) => (await pool.query<UserRecord>(sql, values)).rows[0] ?? null;
  const changed = async (sql: string, values: unknown[]) => ((await pool.query(sql, values)).rowCount ?? 0) > 0;
  return {
    createUser: async ({ id, name, guest = false, email = null, isAdmin = false }) => {
      const createdAt = now();
      const tokensValidFrom = wholeSecond(createdAt);
      await pool.query(
        'INSERT INTO users (id, name, guest, email, is_admin, created_at, tokens_valid_from) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [id, name, guest, email, isAdmin, createdAt, tokensValidFrom],
      );
      return { id, name, guest, email, isAdmin, suspendedAt: null, createdAt, tokensValidFrom };
    },
    getUser: (id) => one(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]),
    getUserByEmail: (email) => one(`SELECT ${COLUMNS} FROM users WHERE email = $1`, [email]),
    setEmail: (id, email) =>
      changed(
        'UPDATE users SET email = $1, guest = FALSE WHERE id = $2 AND NOT EXISTS (SELECT 1 FROM users WHERE email = $1)',
        [email, id],
      ),
    setAdmin: (id, isAdmin) => changed('UPDATE users SET is_admin = $1 WHERE id = $2', [isAdmin, id]),
    setSuspended: (id, at) => changed('UPDATE users SET suspended_at = $1 WHERE id = $2', [at, id]),
    revokeTokens: (id) =>
      changed('UPDATE users SET tokens_valid_from = $1 WHERE id = $2', [nextWholeSecond(now()), id]),
    listUsers: async () =>
      (await pool.query<UserRecord>(`SELECT ${COLUMNS} FROM users ORDER BY created_at, position`)).rows,
    countUsers: async () =>
      (await pool.query<{ count: number }>('SELECT COUNT(*) AS count FROM users')).rows[0]?.count ?? 0,
  };
}
