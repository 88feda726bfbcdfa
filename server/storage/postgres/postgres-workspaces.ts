/** Workspaces and who belongs to them, in PostgreSQL. */
import type { WorkspaceRecord, WorkspaceStore } from '../storage';
import type { PostgresPool } from './database';

const COLUMNS = 'w.id, w.name, w.created_at AS "createdAt"';

export function createPostgresWorkspaceStore(pool: PostgresPool, now: () => string): WorkspaceStore {
  const isMember = async (workspaceId: string, userId: string): Promise<boolean> =>
    ((
      await pool.query('SELECT 1 FROM workspace_members WHERE workspace_id = $1 AND user_id = $2', [
        workspaceId,
        userId,
      ])
    ).rowCount ?? 0) > 0;

  return {
    createWorkspace: async ({ id, name }) => {
      const createdAt = now();
      await pool.query('INSERT INTO workspaces (id, name, created_at) VALUES ($1, $2, $3)', [id, name, createdAt]);
      return { id, name, createdAt };
    },
    getWorkspace: async (id) =>
      (await pool.query<WorkspaceRecord>(`SELECT ${COLUMNS} FROM workspaces w WHERE w.id = $1`, [id])).rows[0] ?? null,
    addMember: async (workspaceId, userId) => {
      // Adds only when both exist, so a typo in the CLI is reported instead of failing on a foreign key.
      await pool.query(
        `INSERT INTO workspace_members (workspace_id, user_id, added_at)
         SELECT $1, $2, $3 WHERE EXISTS (SELECT 1 FROM workspaces WHERE id = $1) AND EXISTS (SELECT 1 FROM users WHERE id = $2)
         ON CONFLICT DO NOTHING`,
        [workspaceId, userId, now()],
      );
      return isMember(workspaceId, userId);
    },
    isMember,
    removeMember: async (workspaceId, userId) =>
      ((
        await pool.query('DELETE FROM workspace_members WHERE workspace_id = $1 AND user_id = $2', [
          workspaceId,
          userId,
        ])
      ).rowCount ?? 0) > 0,
    listMemberships: async () =>
      (
        await pool.query<{ workspaceId: string; userId: string; name: string }>(
          `SELECT m.workspace_id AS "workspaceId", m.user_id AS "userId", u.name FROM workspace_members m
           JOIN users u ON u.id = m.user_id ORDER BY u.name COLLATE "C", u.id COLLATE "C"`,
        )
      ).rows,
    // Names sort byte-wise (COLLATE "C"), as in SQLite, whatever the database's locale.
    listForUser: async (userId) =>
      (
        await pool.query<WorkspaceRecord>(
          `SELECT ${COLUMNS} FROM workspaces w JOIN workspace_members m ON m.workspace_id = w.id
           WHERE m.user_id = $1 ORDER BY w.name COLLATE "C"`,
          [userId],
        )
      ).rows,
    listWorkspaces: async () =>
      (await pool.query<WorkspaceRecord>(`SELECT ${COLUMNS} FROM workspaces w ORDER BY w.name COLLATE "C"`)).rows,
  };
}
