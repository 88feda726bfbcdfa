/** Users in SQLite. No credential is stored: tokens are signed, and checked against `tokens_valid_from`. */
import type { UserRecord, UserStore } from '../storage';
import type { SqliteDatabase } from './database';

const COLUMNS = `id, name, guest, email, is_admin AS isAdmin, suspended_at AS suspendedAt,
  created_at AS createdAt, tokens_valid_from AS tokensValidFrom`;

type UserRow = Omit<UserRecord, 'guest' | 'isAdmin'> & { guest: number; isAdmin: number };

/** Token times (JWT `iat`) are whole seconds; a revocation covers the whole second it happens in. */
function nextWholeSecond(iso: string): string {
  return new Date(Math.ceil(Date.parse(iso) / 1000) * 1000).toISOString();
}

function wholeSecond(iso: string): string {
  return new Date(Math.floor(Date.parse(iso) / 1000) * 1000).toISOString();
}

function userOf(row: UserRow): UserRecord {
  return { ...row, guest: row.guest === 1, isAdmin: row.isAdmin === 1 };
}

export function createSqliteUserStore(db: SqliteDatabase, now: () => string): UserStore {
  const insertUser = db.prepare<[string, string, number, string | null, number, string, string]>(
    'INSERT INTO users (id, name, guest, email, is_admin, created_at, tokens_valid_from) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const selectUser = db.prepare<[string], UserRow>(`SELECT ${COLUMNS} FROM users WHERE id = ?`);
  const selectByEmail = db.prepare<[string], UserRow>(`SELECT ${COLUMNS} FROM users WHERE email = ?`);
  const updateValidFrom = db.prepare<[string, string]>('UPDATE users SET tokens_valid_from = ? WHERE id = ?');
  const updateEmail = db.prepare<[string, string, string]>(
    'UPDATE users SET email = ?, guest = 0 WHERE id = ? AND NOT EXISTS (SELECT 1 FROM users WHERE email = ?)',
  );
  const updateAdmin = db.prepare<[number, string]>('UPDATE users SET is_admin = ? WHERE id = ?');
  const updateSuspended = db.prepare<[string | null, string]>('UPDATE users SET suspended_at = ? WHERE id = ?');
  const selectAll = db.prepare<[], UserRow>(`SELECT ${COLUMNS} FROM users ORDER BY created_at, rowid`);
  const selectCount = db.prepare<[], { count: number }>('SELECT COUNT(*) AS count FROM users');

  return {
    createUser: async ({ id, name, guest = false, email = null, isAdmin = false }) => {
      const createdAt = now();
      const tokensValidFrom = wholeSecond(createdAt);
      insertUser.run(id, name, guest ? 1 : 0, email, isAdmin ? 1 : 0, createdAt, tokensValidFrom);
      return { id, name, guest, email, isAdmin, suspendedAt: null, createdAt, tokensValidFrom };
    },
    getUser: async (id) => {
      const row = selectUser.get(id);
      return row ? userOf(row) : null;
    },
    getUserByEmail: async (email) => {
      const row = selectByEmail.get(email);
      return row ? userOf(row) : null;
    },
    setEmail: async (id, email) => updateEmail.run(email, id, email).changes > 0,
    setAdmin: async (id, isAdmin) => updateAdmin.run(isAdmin ? 1 : 0, id).changes > 0,
    setSuspended: async (id, at) => updateSuspended.run(at, id).changes > 0,
    revokeTokens: async (id) => updateValidFrom.run(nextWholeSecond(now()), id).changes > 0,
    listUsers: async () => selectAll.all().map(userOf),
    countUsers: async () => selectCount.get()?.count ?? 0,
  };
}
