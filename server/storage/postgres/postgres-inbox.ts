/**
 * Each account's clip inbox in PostgreSQL: one row per (account, clipId). A put locks the account's
 * row first, so two puts of one account (two processes, two phones) count and insert one after the other.
 */
import { inboxJsonFacts } from '../inbox-row';
import type { InboxClipRecord, InboxStore, PutInboxResult } from '../storage';
import { inTransaction, type PostgresPool } from './database';

const COLUMNS = 'clip_id AS "clipId", clip_json AS "clipJson", received_at AS "receivedAt"';

export function createPostgresInboxStore(pool: PostgresPool, now: () => string): InboxStore {
  return {
    putInboxClip: (userId, clip, limits) =>
      inTransaction(pool, async (client): Promise<PutInboxResult> => {
        const { hash, bytes } = inboxJsonFacts(clip.clipJson);
        await client.query('SELECT id FROM users WHERE id = $1 FOR UPDATE', [userId]);
        const { rows: existing } = await client.query<InboxClipRecord & { jsonHash: string }>(
          `SELECT ${COLUMNS}, json_hash AS "jsonHash" FROM inbox_clips WHERE user_id = $1 AND clip_id = $2`,
          [userId, clip.clipId],
        );
        const found = existing[0];
        if (found) {
          const { jsonHash, ...item } = found;
          return jsonHash === hash ? { status: 'exists', item } : { status: 'conflict' };
        }
        const { rows: use } = await client.query<{ items: number; bytes: number }>(
          `SELECT COUNT(*)::int AS items, COALESCE(SUM(byte_size), 0)::bigint AS bytes
           FROM inbox_clips WHERE user_id = $1`,
          [userId],
        );
        const { items = 0, bytes: used = 0 } = use[0] ?? {};
        if (items + 1 > limits.maxItems || used + bytes > limits.maxBytes) return { status: 'full' };
        const { rows } = await client.query<{ receivedAt: string }>(
          `INSERT INTO inbox_clips (user_id, clip_id, clip_json, json_hash, byte_size, received_at)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING received_at AS "receivedAt"`,
          [userId, clip.clipId, clip.clipJson, hash, bytes, now()],
        );
        return {
          status: 'stored',
          item: { clipId: clip.clipId, clipJson: clip.clipJson, receivedAt: rows[0]?.receivedAt ?? now() },
        };
      }),
    listInbox: async (userId) => {
      const { rows } = await pool.query<InboxClipRecord>(
        `SELECT ${COLUMNS} FROM inbox_clips WHERE user_id = $1 ORDER BY received_at DESC, position DESC`,
        [userId],
      );
      return rows;
    },
    deleteInboxClip: async (userId, clipId) => {
      const result = await pool.query('DELETE FROM inbox_clips WHERE user_id = $1 AND clip_id = $2', [userId, clipId]);
      return (result.rowCount ?? 0) > 0;
    },
  };
}
