/** Drafts in SQLite; a draft's "updated" time also follows the last stored edit of its content document. */
import type { DraftRecord, DraftStore, MemberDraftRecord, NewDraft } from '../storage';
import type { SqliteDatabase } from './database';

// The content document's room name is the draft id (shared/protocol/rooms.ts). ISO 8601 strings
// in UTC compare correctly as text, so MAX picks the later time.
const SELECT_DRAFTS = `
  SELECT d.id, d.title, d.workspace_id AS workspaceId, d.owner_id AS ownerId, u.name AS ownerName, d.created_at AS createdAt,
         MAX(d.updated_at, COALESCE(doc.updated_at, d.updated_at)) AS updatedAt`;
const FROM_DRAFTS = `
  FROM drafts d
  JOIN users u ON u.id = d.owner_id
  LEFT JOIN documents doc ON doc.name = d.id`;
const FROM_MEMBER_DRAFTS = `${FROM_DRAFTS}
  JOIN draft_members m ON m.draft_id = d.id`;

export function createSqliteDraftStore(db: SqliteDatabase, now: () => string): DraftStore {
  const insertDraft = db.prepare<[string, string, string, string | null, string, string]>(
    'INSERT INTO drafts (id, title, owner_id, workspace_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertOwner = db.prepare<[string, string, string]>(
    "INSERT INTO draft_members (draft_id, user_id, role, via_link_id, added_at) VALUES (?, ?, 'owner', NULL, ?)",
  );
  const selectDraft = db.prepare<[string], DraftRecord>(`${SELECT_DRAFTS} ${FROM_DRAFTS} WHERE d.id = ?`);
  const selectForMember = db.prepare<[string, string], MemberDraftRecord>(
    `${SELECT_DRAFTS}, m.role AS role ${FROM_MEMBER_DRAFTS} WHERE d.id = ? AND m.user_id = ?`,
  );
  const selectAllForMember = db.prepare<[string], MemberDraftRecord>(
    `${SELECT_DRAFTS}, m.role AS role ${FROM_MEMBER_DRAFTS} WHERE m.user_id = ? ORDER BY updatedAt DESC, d.rowid DESC`,
  );

  const create = db.transaction((draft: NewDraft): MemberDraftRecord => {
    const { id, ownerId } = draft;
    const at = now();
    insertDraft.run(id, draft.title, ownerId, draft.workspaceId ?? null, at, at);
    insertOwner.run(id, ownerId, at);
    const created = selectForMember.get(id, ownerId);
    if (!created) throw new Error(`draft ${id} vanished right after insert`);
    return created;
  });

  return {
    createDraft: async (draft) => create(draft),
    getDraft: async (id) => selectDraft.get(id) ?? null,
    getDraftForMember: async (id, userId) => selectForMember.get(id, userId) ?? null,
    listDraftsForMember: async (userId) => selectAllForMember.all(userId),
  };
}
