/** Versions of drafts' content in PostgreSQL: metadata listed per draft, the compressed state read one at a time. */
import type { VersionRecord, VersionStore } from '../storage';
import { VERSION_INSERT_COLUMNS, versionRowValues } from '../version-row';
import { inTransaction, type PostgresPool, toBuffer, toBytes } from './database';

const COLUMNS = `v.id, v.draft_id AS "draftId", v.name, v.kind, v.from_stage AS "fromStage", v.to_stage AS "toStage",
  v.restored_from AS "restoredFrom", v.created_by AS "createdBy", v.created_by_name AS "createdByName",
  v.created_at AS "createdAt", v.byte_size AS "byteSize", COALESCE(OCTET_LENGTH(v.state), 0) AS "storedBytes",
  v.content_hash AS "contentHash", v.state_of AS "sameAs", v.feedback_open AS "feedbackOpen",
  v.feedback_resolved AS "feedbackResolved"`;

// Serialises the dedupe check and the insert per draft, so two saves of the same content store it once.
const VERSION_LOCK_SPACE = 4_210_772;

export function createPostgresVersionStore(pool: PostgresPool, now: () => string): VersionStore {
  return {
    createVersion: (version) =>
      inTransaction(pool, async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [VERSION_LOCK_SPACE, version.draftId]);
        const holder = (
          await client.query<{ id: string }>(
            `SELECT id FROM draft_versions WHERE draft_id = $1 AND content_hash = $2 AND state IS NOT NULL
             ORDER BY created_at DESC, position DESC LIMIT 1`,
            [version.draftId, version.contentHash],
          )
        ).rows[0]?.id;
        const inserted = await client.query(
          `INSERT INTO draft_versions (${VERSION_INSERT_COLUMNS})
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
           ON CONFLICT (draft_id, stage_move_id) DO NOTHING`,
          versionRowValues(version, now(), holder ?? null, toBuffer),
        );
        if (inserted.rowCount === 0) return null;
        const { rows } = await client.query<VersionRecord>(
          `SELECT ${COLUMNS} FROM draft_versions v WHERE v.draft_id = $1 AND v.id = $2`,
          [version.draftId, version.id],
        );
        return rows[0] ?? null;
      }),
    listVersions: async (draftId) =>
      (
        await pool.query<VersionRecord>(
          `SELECT ${COLUMNS} FROM draft_versions v WHERE v.draft_id = $1 ORDER BY v.created_at DESC, v.position DESC`,
          [draftId],
        )
      ).rows,
    getVersion: async (draftId, versionId) =>
      (
        await pool.query<VersionRecord>(`SELECT ${COLUMNS} FROM draft_versions v WHERE v.draft_id = $1 AND v.id = $2`, [
          draftId,
          versionId,
        ])
      ).rows[0] ?? null,
    getVersionState: async (draftId, versionId) => {
      const { rows } = await pool.query<{ state: Buffer | null }>(
        `SELECT COALESCE(v.state, held.state) AS state FROM draft_versions v
         LEFT JOIN draft_versions held ON held.id = v.state_of
         WHERE v.draft_id = $1 AND v.id = $2`,
        [draftId, versionId],
      );
      const state = rows[0]?.state;
      return state ? toBytes(state) : null;
    },
  };
}
