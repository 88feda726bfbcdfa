/** Workspaces' own templates in PostgreSQL: listed without their content, read whole one at a time. */
import type { TemplateStore, WorkspaceTemplateInfo } from '../storage';
import type { PostgresPool } from './database';

const INFO_COLUMNS = `t.id, t.workspace_id AS "workspaceId", t.name, t.media_kind AS "mediaKind",
  t.created_by AS "createdBy", t.created_at AS "createdAt"`;

type TemplateRow = WorkspaceTemplateInfo & { contentId: string; contentEn: string };

export function createPostgresTemplateStore(pool: PostgresPool, now: () => string): TemplateStore {
  return {
    createTemplate: async (template) => {
      const createdAt = now();
      const { id, workspaceId, name, mediaKind, content, createdBy } = template;
      await pool.query(
        `INSERT INTO workspace_templates (id, workspace_id, name, media_kind, content_id, content_en, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [id, workspaceId, name, mediaKind, content.id, content.en, createdBy, createdAt],
      );
      return { id, workspaceId, name, mediaKind, createdBy, createdAt };
    },
    getTemplate: async (id) => {
      const { rows } = await pool.query<TemplateRow>(
        `SELECT ${INFO_COLUMNS}, t.content_id AS "contentId", t.content_en AS "contentEn"
         FROM workspace_templates t WHERE t.id = $1`,
        [id],
      );
      const row = rows[0];
      if (!row) return null;
      const { contentId, contentEn, ...info } = row;
      return { ...info, content: { id: contentId, en: contentEn } };
    },
    listForWorkspaces: async (workspaceIds) => {
      if (workspaceIds.length === 0) return [];
      const { rows } = await pool.query<WorkspaceTemplateInfo>(
        `SELECT ${INFO_COLUMNS} FROM workspace_templates t WHERE t.workspace_id = ANY($1::text[])
         ORDER BY t.created_at DESC, t.position DESC`,
        [workspaceIds],
      );
      return rows;
    },
  };
}
