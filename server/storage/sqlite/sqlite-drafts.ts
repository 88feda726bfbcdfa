/**
 * Drafts in SQLite; a draft's "updated" time (its last activity) also follows the last stored update
 * of its content and feedback documents, and its stored summary comes with it in the list.
 */
import type {
  DraftRecord,
  DraftStorageUse,
  DraftStore,
  ListedDraftRecord,
  MemberDraftRecord,
  NewDraft,
} from '../storage';
import type { SqliteDatabase } from './database';

// The content document's room name is the draft id, the feedback document's `<id>.feedback`
// (shared/protocol/rooms.ts); both joins use the documents' primary key. ISO 8601 strings in UTC
// compare correctly as text, so MAX picks the latest time.
const SELECT_DRAFTS = `
  SELECT d.id, d.title, d.workspace_id AS workspaceId, d.owner_id AS ownerId, u.name AS ownerName, d.created_at AS createdAt,
         MAX(d.updated_at, COALESCE(doc.updated_at, d.updated_at), COALESCE(fb.updated_at, d.updated_at)) AS updatedAt,
         d.media_kind AS mediaKind`;
const FROM_DRAFTS = `
  FROM drafts d
  JOIN users u ON u.id = d.owner_id
  LEFT JOIN documents doc ON doc.name = d.id
  LEFT JOIN documents fb ON fb.name = d.id || '.feedback'`;
const FROM_MEMBER_DRAFTS = `${FROM_DRAFTS}
  JOIN draft_members m ON m.draft_id = d.id`;

export function createSqliteDraftStore(db: SqliteDatabase, now: () => string): DraftStore {
  const insertDraft = db.prepare<[string, string, string, string | null, string, string, string, string | null]>(
    `INSERT INTO drafts (id, title, owner_id, workspace_id, created_at, updated_at, media_kind, summary, summary_seq)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)`,
  );
  const insertOwner = db.prepare<[string, string, string]>(
    "INSERT INTO draft_members (draft_id, user_id, role, via_link_id, added_at) VALUES (?, ?, 'owner', NULL, ?)",
  );
  const selectDraft = db.prepare<[string], DraftRecord>(`${SELECT_DRAFTS} ${FROM_DRAFTS} WHERE d.id = ?`);
  const selectForMember = db.prepare<[string, string], MemberDraftRecord>(
    `${SELECT_DRAFTS}, m.role AS role ${FROM_MEMBER_DRAFTS} WHERE d.id = ? AND m.user_id = ?`,
  );
  const selectAllForMember = db.prepare<[string], ListedDraftRecord>(
    `${SELECT_DRAFTS}, m.role AS role, d.summary AS summaryJson ${FROM_MEMBER_DRAFTS}
     WHERE m.user_id = ? ORDER BY updatedAt DESC, d.rowid DESC`,
  );
  const updateSummary = db.prepare<[string, number, string, number]>(
    'UPDATE drafts SET summary = ?, summary_seq = ? WHERE id = ? AND (summary_seq IS NULL OR summary_seq <= ?)',
  );

  const create = db.transaction((draft: NewDraft): MemberDraftRecord => {
    const { id, ownerId } = draft;
    const at = now();
    const summary = draft.summaryJson ?? null;
    insertDraft.run(id, draft.title, ownerId, draft.workspaceId ?? null, at, at, draft.mediaKind ?? 'blank', summary);
    insertOwner.run(id, ownerId, at);
    const created = selectForMember.get(id, ownerId);
    if (!created) throw new Error(`draft ${id} vanished right after insert`);
    return created;
  });

  // A draft's documents are `<id>` and `<id>.feedback` (shared/protocol/rooms.ts).
  const selectStorageUse = db.prepare<[], DraftStorageUse>(
    `SELECT d.id AS draftId, d.title AS title, u.name AS ownerName,
       COALESCE((SELECT SUM(length(data)) FROM document_updates WHERE name IN (d.id, d.id || '.feedback')), 0)
       + COALESCE((SELECT SUM(length(snapshot)) FROM documents WHERE name IN (d.id, d.id || '.feedback')), 0)
       + COALESCE((SELECT SUM(length(state)) FROM draft_versions WHERE draft_id = d.id), 0) AS bytes
     FROM drafts d JOIN users u ON u.id = d.owner_id
     ORDER BY bytes DESC, d.created_at`,
  );

  return {
    createDraft: async (draft) => create(draft),
    getDraft: async (id) => selectDraft.get(id) ?? null,
    getDraftForMember: async (id, userId) => selectForMember.get(id, userId) ?? null,
    listDraftsForMember: async (userId) => selectAllForMember.all(userId),
    putSummary: async (draftId, summaryJson, seq) => updateSummary.run(summaryJson, seq, draftId, seq).changes > 0,
    storageUse: async () => selectStorageUse.all(),
  };
}
