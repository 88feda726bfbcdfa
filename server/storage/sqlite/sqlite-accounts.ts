/** Sign-in codes, school-account identities and mentor assignments in SQLite. */
import type { GrantableRole } from '../../../shared/auth/roles';
import type { AssignmentStore, IdentityStore, MentorAssignment, SigninCodeRecord, SigninCodeStore } from '../storage';
import type { SqliteDatabase } from './database';

const CODE_COLUMNS = `id, purpose, email, user_id AS userId, draft_id AS draftId, role, created_by AS createdBy,
  created_at AS createdAt, expires_at AS expiresAt, used_at AS usedAt, failed_attempts AS failedAttempts`;

type CodeRow = Omit<SigninCodeRecord, 'role'> & { role: string | null };
const codeOf = (row: CodeRow): SigninCodeRecord => ({ ...row, role: row.role as GrantableRole | null });

export function createSqliteSigninCodeStore(db: SqliteDatabase, now: () => string): SigninCodeStore {
  const insert = db.prepare(
    `INSERT INTO signin_codes (id, purpose, secret_hash, short_hash, email, user_id, draft_id, role, created_by, created_at, expires_at)
     VALUES (@id, @purpose, @secretHash, @shortHash, @email, @userId, @draftId, @role, @createdBy, @createdAt, @expiresAt)`,
  );
  const select = db.prepare<[string], CodeRow>(`SELECT ${CODE_COLUMNS} FROM signin_codes WHERE id = ?`);
  const useBySecret = db.prepare<[string, string, string], { id: string }>(
    `UPDATE signin_codes SET used_at = ? WHERE secret_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING id`,
  );
  const activeFor = db.prepare<
    [string, string | null, string | null, string],
    { id: string; shortHash: string | null; failed: number }
  >(
    `SELECT id, short_hash AS shortHash, failed_attempts AS failed FROM signin_codes
     WHERE purpose = ? AND (email = ? OR (? IS NULL AND email IS NULL)) AND used_at IS NULL AND expires_at > ?`,
  );
  const markUsed = db.prepare<[string, string]>('UPDATE signin_codes SET used_at = ? WHERE id = ? AND used_at IS NULL');
  const countFailure = db.prepare<[string]>(
    'UPDATE signin_codes SET failed_attempts = failed_attempts + 1 WHERE id = ?',
  );
  const consumeShort = db.transaction(
    (purpose: string, email: string | null, shortHash: string, at: string, maxFailed: number): string | null => {
      const candidates = activeFor.all(purpose, email, email, at).filter((row) => row.failed < maxFailed);
      const match = candidates.find((row) => row.shortHash === shortHash);
      if (match && markUsed.run(at, match.id).changes > 0) return match.id;
      for (const row of candidates) countFailure.run(row.id);
      return null;
    },
  );
  return {
    createCode: async (code) => {
      const createdAt = now();
      insert.run({ ...code, createdAt });
      return { ...code, createdAt, usedAt: null, failedAttempts: 0 };
    },
    consumeBySecret: async (secretHash, at) => {
      const used = useBySecret.get(at, secretHash, at);
      const row = used ? select.get(used.id) : undefined;
      return row ? codeOf(row) : null;
    },
    consumeByShortCode: async (purpose, email, shortHash, at, maxFailed) => {
      const id = consumeShort.immediate(purpose, email, shortHash, at, maxFailed);
      const row = id ? select.get(id) : undefined;
      return row ? codeOf(row) : null;
    },
  };
}

export function createSqliteIdentityStore(db: SqliteDatabase, now: () => string): IdentityStore {
  const select = db.prepare<[string, string], { userId: string }>(
    'SELECT user_id AS userId FROM identities WHERE issuer = ? AND subject = ?',
  );
  const insert = db.prepare<[string, string, string, string]>(
    'INSERT INTO identities (issuer, subject, user_id, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  return {
    findUserId: async (issuer, subject) => select.get(issuer, subject)?.userId ?? null,
    link: async (issuer, subject, userId) => {
      insert.run(issuer, subject, userId, now());
    },
  };
}

export function createSqliteAssignmentStore(db: SqliteDatabase, now: () => string): AssignmentStore {
  const selectAll = db.prepare<[], MentorAssignment>(
    'SELECT mentor_id AS mentorId, teacher_id AS teacherId, created_at AS createdAt FROM mentor_assignments ORDER BY created_at, rowid',
  );
  const select = db.prepare<[string, string], MentorAssignment>(
    'SELECT mentor_id AS mentorId, teacher_id AS teacherId, created_at AS createdAt FROM mentor_assignments WHERE mentor_id = ? AND teacher_id = ?',
  );
  const insert = db.prepare<[string, string, string]>(
    'INSERT INTO mentor_assignments (mentor_id, teacher_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const remove = db.prepare<[string, string]>('DELETE FROM mentor_assignments WHERE mentor_id = ? AND teacher_id = ?');
  return {
    listAssignments: async () => selectAll.all(),
    addAssignment: async (mentorId, teacherId) => {
      insert.run(mentorId, teacherId, now());
      return select.get(mentorId, teacherId) as MentorAssignment;
    },
    removeAssignment: async (mentorId, teacherId) => remove.run(mentorId, teacherId).changes > 0,
  };
}
