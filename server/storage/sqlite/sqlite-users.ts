/** Users in SQLite. No credential is stored: tokens are signed, and checked against `tokens_valid_from`. */
import type { UserRecord, UserStore } from '../storage';
import type { SqliteDatabase } from './database';

const COLUMNS = 'id, name, guest, created_at AS createdAt, tokens_valid_from AS tokensValidFrom';

type UserRow = Omit<UserRecord, 'guest'> & { guest: number };

/** Token times (JWT `iat`) are whole seconds; a revocation covers the whole second it happens in. */
function nextWholeSecond(iso: string): string {
  return new Date(Math.ceil(Date.parse(iso) / 1000) * 1000).toISOString();
}

function wholeSecond(iso: string): string {
  return new Date(Math.floor(Date.parse(iso) / 1000) * 1000).toISOString();
}

function userOf(row: UserRow): UserRecord {
  return { ...row, guest: row.guest === 1 };
}

export function createSqliteUserStore(db: SqliteDatabase, now: () => string): UserStore {
  const insertUser = db.prepare<[string, string, number, string, string]>(
    'INSERT INTO users (id, name, guest, created_at, tokens_valid_from) VALUES (?, ?, ?, ?, ?)',
  );
  const selectUser = db.prepare<[string], UserRow>(`SELECT ${COLUMNS} FROM users WHERE id = ?`);
  const updateValidFrom = db.prepare<[string, string]>('UPDATE users SET tokens_valid_from = ? WHERE id = ?');
  const selectAll = db.prepare<[], UserRow>(`SELECT ${COLUMNS} FROM users ORDER BY created_at, rowid`);
  const selectCount = db.prepare<[], { count: number }>('SELECT COUNT(*) AS count FROM users');

  return {
    createUser: async ({ id, name, guest = false }) => {
      const createdAt = now();
      const tokensValidFrom = wholeSecond(createdAt);
      insertUser.run(id, name, guest ? 1 : 0, createdAt, tokensValidFrom);
      return { id, name, guest, createdAt, tokensValidFrom };
    },
    getUser: async (id) => {
      const row = selectUser.get(id);
      return row ? userOf(row) : null;
    },
    revokeTokens: async (id) => updateValidFrom.run(nextWholeSecond(now()), id).changes > 0,
    listUsers: async () => selectAll.all().map(userOf),
    countUsers: async () => selectCount.get()?.count ?? 0,
  };
}
