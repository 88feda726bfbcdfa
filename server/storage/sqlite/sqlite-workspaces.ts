/** Workspaces and who belongs to them, in SQLite. */
import type { WorkspaceRecord, WorkspaceStore } from '../storage';
import type { SqliteDatabase } from './database';

const COLUMNS = 'w.id, w.name, w.created_at AS createdAt';

export function createSqliteWorkspaceStore(db: SqliteDatabase, now: () => string): WorkspaceStore {
  const insertWorkspace = db.prepare<[string, string, string]>(
    'INSERT INTO workspaces (id, name, created_at) VALUES (?, ?, ?)',
  );
  const selectWorkspace = db.prepare<[string], WorkspaceRecord>(`SELECT ${COLUMNS} FROM workspaces w WHERE w.id = ?`);
  // Adds only when both exist, so a typo in the CLI is reported instead of failing on a foreign key.
  const insertMember = db.prepare<[string, string, string, string, string]>(
    `INSERT OR IGNORE INTO workspace_members (workspace_id, user_id, added_at)
     SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM workspaces WHERE id = ?) AND EXISTS (SELECT 1 FROM users WHERE id = ?)`,
  );
  const selectMembership = db.prepare<[string, string], { found: number }>(
    'SELECT 1 AS found FROM workspace_members WHERE workspace_id = ? AND user_id = ?',
  );
  const selectForUser = db.prepare<[string], WorkspaceRecord>(
    `SELECT ${COLUMNS} FROM workspaces w JOIN workspace_members m ON m.workspace_id = w.id
     WHERE m.user_id = ? ORDER BY w.name`,
  );
  const deleteMember = db.prepare<[string, string]>(
    'DELETE FROM workspace_members WHERE workspace_id = ? AND user_id = ?',
  );
  const selectMemberships = db.prepare<[], { workspaceId: string; userId: string; name: string }>(
    `SELECT m.workspace_id AS workspaceId, m.user_id AS userId, u.name FROM workspace_members m
     JOIN users u ON u.id = m.user_id ORDER BY u.name, u.id`,
  );
  const selectAll = db.prepare<[], WorkspaceRecord>(`SELECT ${COLUMNS} FROM workspaces w ORDER BY w.name`);

  return {
    createWorkspace: async ({ id, name }) => {
      const createdAt = now();
      insertWorkspace.run(id, name, createdAt);
      return { id, name, createdAt };
    },
    getWorkspace: async (id) => selectWorkspace.get(id) ?? null,
    addMember: async (workspaceId, userId) => {
      insertMember.run(workspaceId, userId, now(), workspaceId, userId);
      return selectMembership.get(workspaceId, userId) !== undefined;
    },
    isMember: async (workspaceId, userId) => selectMembership.get(workspaceId, userId) !== undefined,
    removeMember: async (workspaceId, userId) => deleteMember.run(workspaceId, userId).changes > 0,
    listMemberships: async () => selectMemberships.all(),
    listForUser: async (userId) => selectForUser.all(userId),
    listWorkspaces: async () => selectAll.all(),
  };
}
