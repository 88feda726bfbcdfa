/** Drafts in PostgreSQL; a draft's "updated" time also follows the last stored edit of its content document. */
import type { DraftRecord, DraftStore, MemberDraftRecord } from '../storage';
import { inTransaction, type PostgresPool } from './database';

// The content document's room name is the draft id (shared/protocol/rooms.ts); GREATEST skips the
// NULL of a draft whose document was never written.
const SELECT_DRAFTS = `
  SELECT d.id, d.title, d.workspace_id AS "workspaceId", d.owner_id AS "ownerId", u.name AS "ownerName",
         d.created_at AS "createdAt", GREATEST(d.updated_at, doc.updated_at) AS "updatedAt"`;
const FROM_DRAFTS = `
  FROM drafts d
  JOIN users u ON u.id = d.owner_id
  LEFT JOIN documents doc ON doc.name = d.id`;
const FROM_MEMBER_DRAFTS = `${FROM_DRAFTS}
  JOIN draft_members m ON m.draft_id = d.id`;
const SELECT_FOR_MEMBER = `${SELECT_DRAFTS}, m.role AS role ${FROM_MEMBER_DRAFTS} WHERE d.id = $1 AND m.user_id = $2`;

export function createPostgresDraftStore(pool: PostgresPool, now: () => string): DraftStore {
  return {
    createDraft: (draft) =>
      inTransaction(pool, async (client) => {
        const { id, ownerId } = draft;
        const at = now();
        await client.query(
          'INSERT INTO drafts (id, title, owner_id, workspace_id, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)',
          [id, draft.title, ownerId, draft.workspaceId ?? null, at],
        );
        await client.query(
          "INSERT INTO draft_members (draft_id, user_id, role, via_link_id, added_at) VALUES ($1, $2, 'owner', NULL, $3)",
          [id, ownerId, at],
        );
        const created = (await client.query<MemberDraftRecord>(SELECT_FOR_MEMBER, [id, ownerId])).rows[0];
        if (!created) throw new Error(`draft ${id} vanished right after insert`);
        return created;
      }),
    getDraft: async (id) =>
      (await pool.query<DraftRecord>(`${SELECT_DRAFTS} ${FROM_DRAFTS} WHERE d.id = $1`, [id])).rows[0] ?? null,
    getDraftForMember: async (id, userId) =>
      (await pool.query<MemberDraftRecord>(SELECT_FOR_MEMBER, [id, userId])).rows[0] ?? null,
    listDraftsForMember: async (userId) =>
      (
        await pool.query<MemberDraftRecord>(
          `${SELECT_DRAFTS}, m.role AS role ${FROM_MEMBER_DRAFTS} WHERE m.user_id = $1
           ORDER BY "updatedAt" DESC, d.position DESC`,
          [userId],
        )
      ).rows,
  };
}
