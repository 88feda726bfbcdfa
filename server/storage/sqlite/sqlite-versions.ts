/** Versions of drafts' content in SQLite: metadata listed per draft, the compressed state read one at a time. */
import type { NewVersion, VersionRecord, VersionStore } from '../storage';
import { VERSION_INSERT_COLUMNS, type VersionRowValues, versionRowValues } from '../version-row';
import { type SqliteDatabase, toBuffer, toBytes } from './database';

const COLUMNS = `v.id, v.draft_id AS draftId, v.name, v.kind, v.from_stage AS fromStage, v.to_stage AS toStage,
  v.restored_from AS restoredFrom, v.created_by AS createdBy, v.created_by_name AS createdByName,
  v.created_at AS createdAt, v.byte_size AS byteSize, COALESCE(LENGTH(v.state), 0) AS storedBytes,
  v.content_hash AS contentHash, v.state_of AS sameAs, v.feedback_open AS feedbackOpen,
  v.feedback_resolved AS feedbackResolved`;

export function createSqliteVersionStore(db: SqliteDatabase, now: () => string): VersionStore {
  const insert = db.prepare<VersionRowValues>(
    `INSERT INTO draft_versions (${VERSION_INSERT_COLUMNS})
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (draft_id, stage_move_id) DO NOTHING`,
  );
  const selectHolder = db.prepare<[string, string], { id: string }>(
    `SELECT id FROM draft_versions WHERE draft_id = ? AND content_hash = ? AND state IS NOT NULL
     ORDER BY created_at DESC, rowid DESC LIMIT 1`,
  );
  const selectOne = db.prepare<[string, string], VersionRecord>(
    `SELECT ${COLUMNS} FROM draft_versions v WHERE v.draft_id = ? AND v.id = ?`,
  );
  const selectAll = db.prepare<[string], VersionRecord>(
    `SELECT ${COLUMNS} FROM draft_versions v WHERE v.draft_id = ? ORDER BY v.created_at DESC, v.rowid DESC`,
  );
  const selectState = db.prepare<[string, string], { state: Buffer | null }>(
    `SELECT COALESCE(v.state, held.state) AS state FROM draft_versions v
     LEFT JOIN draft_versions held ON held.id = v.state_of
     WHERE v.draft_id = ? AND v.id = ?`,
  );

  const create = db.transaction((version: NewVersion): VersionRecord | null => {
    const holder = selectHolder.get(version.draftId, version.contentHash)?.id ?? null;
    const result = insert.run(...versionRowValues(version, now(), holder, toBuffer));
    if (result.changes === 0) return null;
    return selectOne.get(version.draftId, version.id) ?? null;
  });

  return {
    createVersion: async (version) => create.immediate(version),
    listVersions: async (draftId) => selectAll.all(draftId),
    getVersion: async (draftId, versionId) => selectOne.get(draftId, versionId) ?? null,
    getVersionState: async (draftId, versionId) => {
      const state = selectState.get(draftId, versionId)?.state;
      // A copy: better-sqlite3 may reuse the buffer's memory.
      return state ? toBytes(Buffer.from(state)) : null;
    },
  };
}
