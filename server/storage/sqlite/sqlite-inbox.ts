/** Each account's clip inbox in SQLite: one row per (account, clipId), checked and written in one transaction. */
import { inboxJsonFacts } from '../inbox-row';
import type { InboxClipRecord, InboxStore, PutInboxResult } from '../storage';
import type { SqliteDatabase } from './database';

const COLUMNS = 'clip_id AS clipId, clip_json AS clipJson, received_at AS receivedAt';

export function createSqliteInboxStore(db: SqliteDatabase, now: () => string): InboxStore {
  const selectOne = db.prepare<[string, string], InboxClipRecord & { jsonHash: string }>(
    `SELECT ${COLUMNS}, json_hash AS jsonHash FROM inbox_clips WHERE user_id = ? AND clip_id = ?`,
  );
  const selectUse = db.prepare<[string], { items: number; bytes: number }>(
    'SELECT COUNT(*) AS items, COALESCE(SUM(byte_size), 0) AS bytes FROM inbox_clips WHERE user_id = ?',
  );
  const insert = db.prepare<[string, string, string, string, number, string]>(
    `INSERT INTO inbox_clips (user_id, clip_id, clip_json, json_hash, byte_size, received_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const selectAll = db.prepare<[string], InboxClipRecord>(
    `SELECT ${COLUMNS} FROM inbox_clips WHERE user_id = ? ORDER BY received_at DESC, rowid DESC`,
  );
  const remove = db.prepare<[string, string]>('DELETE FROM inbox_clips WHERE user_id = ? AND clip_id = ?');

  const put = db.transaction(
    (userId: string, clipId: string, clipJson: string, maxItems: number, maxBytes: number): PutInboxResult => {
      const { hash, bytes } = inboxJsonFacts(clipJson);
      const existing = selectOne.get(userId, clipId);
      if (existing) {
        const { jsonHash, ...item } = existing;
        return jsonHash === hash ? { status: 'exists', item } : { status: 'conflict' };
      }
      const use = selectUse.get(userId) ?? { items: 0, bytes: 0 };
      if (use.items + 1 > maxItems || use.bytes + bytes > maxBytes) return { status: 'full' };
      const receivedAt = now();
      insert.run(userId, clipId, clipJson, hash, bytes, receivedAt);
      return { status: 'stored', item: { clipId, clipJson, receivedAt } };
    },
  );

  return {
    putInboxClip: async (userId, clip, limits) =>
      // IMMEDIATE: the write lock before the count, so another process (the CLI) cannot slip one in between.
      put.immediate(userId, clip.clipId, clip.clipJson, limits.maxItems, limits.maxBytes),
    listInbox: async (userId) => selectAll.all(userId),
    deleteInboxClip: async (userId, clipId) => remove.run(userId, clipId).changes > 0,
  };
}
