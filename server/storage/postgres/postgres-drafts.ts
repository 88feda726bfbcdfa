/**
 * Drafts in PostgreSQL; a draft's "updated" time (its last activity) also follows the last stored
 * update of its content and feedback documents, and its stored summary comes with it in the list.
 */
import type { DraftRecord, DraftStorageUse, DraftStore, ListedDraftRecord, MemberDraftRecord } from '../storage';
import { inTransaction, type PostgresPool } from './database';

// The content document's room name is the draft id, the feedback document's `<id>.feedback`
// (shared/protocol/rooms.ts); both joins use the documents' primary key. GREATEST skips the NULL of
// a document never written.
const SELECT_DRAFTS = `
  SELECT d.id, d.title, d.workspace_id AS "workspaceId", d.owner_id AS "ownerId", u.name AS "ownerName",
         d.created_at AS "createdAt", GREATEST(d.updated_at, doc.updated_at, fb.updated_at) AS "updatedAt",
         d.media_kind AS "mediaKind"`;
const FROM_DRAFTS = `
  FROM drafts d
  JOIN users u ON u.id = d.owner_id
  LEFT JOIN documents doc ON doc.name = d.id
  LEFT JOIN documents fb ON fb.name = d.id || '.feedback'`;
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
          `INSERT INTO drafts (id, title, owner_id, workspace_id, created_at, updated_at, media_kind, summary, summary_seq)
           VALUES ($1, $2, $3, $4, $5, $5, $6, $7, 0)`,
          [
            id,
            draft.title,
            ownerId,
            draft.workspaceId ?? null,
            at,
            draft.mediaKind ?? 'blank',
            draft.summaryJson ?? null,
          ],
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
        await pool.query<ListedDraftRecord>(
          `${SELECT_DRAFTS}, m.role AS role, d.summary AS "summaryJson" ${FROM_MEMBER_DRAFTS} WHERE m.user_id = $1
           ORDER BY "updatedAt" DESC, d.position DESC`,
          [userId],
        )
      ).rows,
    // One statement, so two writers racing are ordered by the row lock: the later seq stays.
    putSummary: async (draftId, summaryJson, seq) =>
      ((
        await pool.query(
          'UPDATE drafts SET summary = $1, summary_seq = $2 WHERE id = $3 AND (summary_seq IS NULL OR summary_seq <= $2)',
          [summaryJson, seq, draftId],
        )
      ).rowCount ?? 0) > 0,
    // A draft's documents are `<id>` and `<id>.feedback` (shared/protocol/rooms.ts).
    storageUse: async () =>
      (
        await pool.query<DraftStorageUse>(
          `SELECT d.id AS "draftId", d.title AS title, u.name AS "ownerName",
             (COALESCE((SELECT SUM(octet_length(data)) FROM document_updates WHERE name IN (d.id, d.id || '.feedback')), 0)
              + COALESCE((SELECT SUM(octet_length(snapshot)) FROM documents WHERE name IN (d.id, d.id || '.feedback')), 0)
              + COALESCE((SELECT SUM(octet_length(state)) FROM draft_versions WHERE draft_id = d.id), 0))::bigint AS bytes
           FROM drafts d JOIN users u ON u.id = d.owner_id
           ORDER BY bytes DESC, d.created_at`,
        )
      ).rows,
  };
}
