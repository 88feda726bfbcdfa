/** Sign-in codes, school-account identities and mentor assignments in PostgreSQL. */
import type { AssignmentStore, IdentityStore, MentorAssignment, SigninCodeRecord, SigninCodeStore } from '../storage';
import type { PostgresPool } from './database';

const CODE_COLUMNS = `id, purpose, email, user_id AS "userId", draft_id AS "draftId", role, created_by AS "createdBy",
  created_at AS "createdAt", expires_at AS "expiresAt", used_at AS "usedAt", failed_attempts AS "failedAttempts"`;

export function createPostgresSigninCodeStore(pool: PostgresPool, now: () => string): SigninCodeStore {
  return {
    createCode: async (code) => {
      const createdAt = now();
      await pool.query(
        `INSERT INTO signin_codes (id, purpose, secret_hash, short_hash, email, user_id, draft_id, role, created_by, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          code.id,
          code.purpose,
          code.secretHash,
          code.shortHash,
          code.email,
          code.userId,
          code.draftId,
          code.role,
          code.createdBy,
          createdAt,
          code.expiresAt,
        ],
      );
      const { secretHash: _secret, shortHash: _short, ...record } = code;
      return { ...record, createdAt, usedAt: null, failedAttempts: 0 };
    },
    consumeBySecret: async (secretHash, at) =>
      (
        await pool.query<SigninCodeRecord>(
          `UPDATE signin_codes SET used_at = $1 WHERE secret_hash = $2 AND used_at IS NULL AND expires_at > $1
           RETURNING ${CODE_COLUMNS}`,
          [at, secretHash],
        )
      ).rows[0] ?? null,
    consumeByShortCode: async (purpose, email, shortHash, at, maxFailed) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const candidates = (
          await client.query<{ id: string; shortHash: string | null }>(
            `SELECT id, short_hash AS "shortHash" FROM signin_codes
             WHERE purpose = $1 AND email IS NOT DISTINCT FROM $2 AND used_at IS NULL AND expires_at > $3
               AND failed_attempts < $4 FOR UPDATE`,
            [purpose, email, at, maxFailed],
          )
        ).rows;
        const match = candidates.find((row) => row.shortHash === shortHash);
        let used: SigninCodeRecord | null = null;
        if (match) {
          used =
            (
              await client.query<SigninCodeRecord>(
                `UPDATE signin_codes SET used_at = $1 WHERE id = $2 RETURNING ${CODE_COLUMNS}`,
                [at, match.id],
              )
            ).rows[0] ?? null;
        } else if (candidates.length > 0) {
          await client.query('UPDATE signin_codes SET failed_attempts = failed_attempts + 1 WHERE id = ANY($1)', [
            candidates.map((row) => row.id),
          ]);
        }
        await client.query('COMMIT');
        return used;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

export function createPostgresIdentityStore(pool: PostgresPool, now: () => string): IdentityStore {
  return {
    findUserId: async (issuer, subject) =>
      (
        await pool.query<{ userId: string }>(
          'SELECT user_id AS "userId" FROM identities WHERE issuer = $1 AND subject = $2',
          [issuer, subject],
        )
      ).rows[0]?.userId ?? null,
    link: async (issuer, subject, userId) => {
      await pool.query(
        'INSERT INTO identities (issuer, subject, user_id, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
        [issuer, subject, userId, now()],
      );
    },
  };
}

export function createPostgresAssignmentStore(pool: PostgresPool, now: () => string): AssignmentStore {
  const COLUMNS = 'mentor_id AS "mentorId", teacher_id AS "teacherId", created_at AS "createdAt"';
  return {
    listAssignments: async () =>
      (await pool.query<MentorAssignment>(`SELECT ${COLUMNS} FROM mentor_assignments ORDER BY created_at, mentor_id`))
        .rows,
    addAssignment: async (mentorId, teacherId) => {
      await pool.query(
        'INSERT INTO mentor_assignments (mentor_id, teacher_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [mentorId, teacherId, now()],
      );
      return (
        await pool.query<MentorAssignment>(
          `SELECT ${COLUMNS} FROM mentor_assignments WHERE mentor_id = $1 AND teacher_id = $2`,
          [mentorId, teacherId],
        )
      ).rows[0] as MentorAssignment;
    },
    removeAssignment: async (mentorId, teacherId) =>
      ((
        await pool.query('DELETE FROM mentor_assignments WHERE mentor_id = $1 AND teacher_id = $2', [
          mentorId,
          teacherId,
        ])
      ).rowCount ?? 0) > 0,
  };
}
