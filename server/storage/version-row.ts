/**
 * A new `draft_versions` row as both backends insert it: the column list and the values in that
 * order (SQLite binds `?`, PostgreSQL `$1…$17`; the rest of the statement is the same).
 */
import type { NewVersion } from './storage';

export const VERSION_INSERT_COLUMNS =
  'id, draft_id, name, kind, from_stage, to_stage, stage_move_id, restored_from, created_by, created_by_name, ' +
  'created_at, byte_size, content_hash, state, state_of, feedback_open, feedback_resolved';

export type VersionRowValues = [
  id: string,
  draftId: string,
  name: string | null,
  kind: string,
  fromStage: string | null,
  toStage: string | null,
  stageMoveId: string | null,
  restoredFrom: string | null,
  createdBy: string,
  createdByName: string,
  createdAt: string,
  byteSize: number,
  contentHash: string,
  state: Buffer | null,
  stateOf: string | null,
  feedbackOpen: number,
  feedbackResolved: number,
];

/** `holder`: an earlier version with the same content, whose stored state this one shares (then no state). */
export function versionRowValues(
  version: NewVersion,
  createdAt: string,
  holder: string | null,
  toBuffer: (bytes: Uint8Array) => Buffer,
): VersionRowValues {
  return [
    version.id,
    version.draftId,
    version.name,
    version.kind,
    version.fromStage,
    version.toStage,
    version.stageMoveId ?? null,
    version.restoredFrom,
    version.createdBy,
    version.createdByName,
    createdAt,
    version.byteSize,
    version.contentHash,
    holder ? null : toBuffer(version.state),
    holder,
    version.feedbackOpen,
    version.feedbackResolved,
  ];
}
