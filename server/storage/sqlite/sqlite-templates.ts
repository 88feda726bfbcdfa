/** Workspaces' own templates in SQLite: listed without their content, read whole one at a time. */
import type { TemplateStore, WorkspaceTemplateInfo, WorkspaceTemplateRecord } from '../storage';
import type { SqliteDatabase } from './database';

const INFO_COLUMNS = `t.id, t.workspace_id AS workspaceId, t.name, t.media_kind AS mediaKind,
  t.created_by AS createdBy, t.created_at AS createdAt`;

type TemplateRow = WorkspaceTemplateInfo & { contentId: string; contentEn: string };

export function createSqliteTemplateStore(db: SqliteDatabase, now: () => string): TemplateStore {
  const insertTemplate = db.prepare<[string, string, string, string, string, string, string, string]>(
    `INSERT INTO workspace_templates (id, workspace_id, name, media_kind, content_id, content_en, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const selectTemplate = db.prepare<[string], TemplateRow>(
    `SELECT ${INFO_COLUMNS}, t.content_id AS contentId, t.content_en AS contentEn FROM workspace_templates t WHERE t.id = ?`,
  );

  return {
    createTemplate: async (template) => {
      const createdAt = now();
      const { id, workspaceId, name, mediaKind, content, createdBy } = template;
      insertTemplate.run(id, workspaceId, name, mediaKind, content.id, content.en, createdBy, createdAt);
      return { id, workspaceId, name, mediaKind, createdBy, createdAt };
    },
    getTemplate: async (id) => {
      const row = selectTemplate.get(id);
      if (!row) return null;
      const { contentId, contentEn, ...info } = row;
      return { ...info, content: { id: contentId, en: contentEn } } satisfies WorkspaceTemplateRecord;
    },
    listForWorkspaces: async (workspaceIds) => {
      if (workspaceIds.length === 0) return [];
      // One placeholder per id; a user belongs to a handful of workspaces, far below SQLite's limit.
      const placeholders = workspaceIds.map(() => '?').join(', ');
      return db
        .prepare<string[], WorkspaceTemplateInfo>(
          `SELECT ${INFO_COLUMNS} FROM workspace_templates t WHERE t.workspace_id IN (${placeholders})
           ORDER BY t.created_at DESC, t.rowid DESC`,
        )
        .all(...workspaceIds);
    },
  };
}
