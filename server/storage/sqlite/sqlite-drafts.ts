/** Drafts in SQLite; a draft's "updated" time also follows the last stored edit of its content document. */
import type { DraftRecord, DraftStore } from '../storage';
import type { SqliteDatabase } from './database';

interface DraftRow {
  id: string;
  title: string;
  ownerId: string;
  ownerName: string;
  createdAt: string;
  updatedAt: string;
}

// The content document's room name is the draft id (shared/protocol/rooms.ts). ISO 8601 strings
// in UTC compare correctly as text, so MAX picks the later time.
const SELECT_DRAFTS = `
  SELECT d.id, d.title, d.owner_id AS ownerId, u.name AS ownerName, d.created_at AS createdAt,
         MAX(d.updated_at, COALESCE(doc.updated_at, d.updated_at)) AS updatedAt
  FROM drafts d
  JOIN users u ON u.id = d.owner_id
  LEFT JOIN documents doc ON doc.name = d.id`;

export function createSqliteDraftStore(db: SqliteDatabase, now: () => string): DraftStore {
  const insertDraft = db.prepare<[string, string, string, string, string]>(
    'INSERT INTO drafts (id, title, owner_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
  );
  const selectDraft = db.prepare<[string], DraftRow>(`${SELECT_DRAFTS} WHERE d.id = ?`);
  const selectAll = db.prepare<[], DraftRow>(`${SELECT_DRAFTS} ORDER BY updatedAt DESC, d.rowid DESC`);

  const create = db.transaction((id: string, title: string, ownerId: string): DraftRecord => {
    const at = now();
    insertDraft.run(id, title, ownerId, at, at);
    const created = selectDraft.get(id);
    if (!created) throw new Error(`draft ${id} vanished right after insert`);
    return created;
  });

  return {
    createDraft: async ({ id, title, ownerId }) => create(id, title, ownerId),
    getDraft: async (id) => selectDraft.get(id) ?? null,
    listDrafts: async () => selectAll.all(),
  };
}
