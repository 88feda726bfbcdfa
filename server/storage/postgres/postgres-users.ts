/** Users in PostgreSQL. No credential is stored: tokens are signed, and checked against `tokens_valid_from`. */
import type { UserRecord, UserStore } from '../storage';
import type { PostgresPool } from './database';

const COLUMNS = 'id, name, guest, created_at AS "createdAt", tokens_valid_from AS "tokensValidFrom"';

/** Token times (JWT `iat`) are whole seconds; a revocation covers the whole second it happens in. */
function nextWholeSecond(iso: string): string {
  return new Date(Math.ceil(Date.parse(iso) / 1000) * 1000).toISOString();
}

function wholeSecond(iso: string): string {
  return new Date(Math.floor(Date.parse(iso) / 1000) * 1000).toISOString();
}

export function createPostgresUserStore(pool: PostgresPool, now: () => string): UserStore {
  return {
    createUser: async ({ id, name, guest = false }) => {
      const createdAt = now();
      const tokensValidFrom = wholeSecond(createdAt);
      await pool.query(
        'INSERT INTO users (id, name, guest, created_at, tokens_valid_from) VALUES ($1, $2, $3, $4, $5)',
        [id, name, guest, createdAt, tokensValidFrom],
      );
      return { id, name, guest, createdAt, tokensValidFrom };
    },
    getUser: async (id) =>
      (await pool.query<UserRecord>(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id])).rows[0] ?? null,
    revokeTokens: async (id) =>
      ((await pool.query('UPDATE users SET tokens_valid_from = $1 WHERE id = $2', [nextWholeSecond(now()), id]))
        .rowCount ?? 0) > 0,
    listUsers: async () =>
      (await pool.query<UserRecord>(`SELECT ${COLUMNS} FROM users ORDER BY created_at, position`)).rows,
    countUsers: async () =>
      (await pool.query<{ count: number }>('SELECT COUNT(*) AS count FROM users')).rows[0]?.count ?? 0,
  };
}
