/** Draft members and share links in PostgreSQL; revoking a link removes the access it granted, atomically. */
import type { Role } from '../../../shared/auth/roles';
import type { MemberRecord, MemberStore, ShareLinkRecord, ShareLinkStore } from '../storage';
import { inTransaction, type PostgresPool } from './database';

const MEMBER_COLUMNS = `m.draft_id AS "draftId", m.user_id AS "userId", u.name AS name, u.guest AS guest, m.role AS role,
  m.via_link_id AS "viaLinkId", m.added_at AS "addedAt"`;

const LINK_COLUMNS = `l.id, l.draft_id AS "draftId", l.role, l.created_by AS "createdBy", l.created_at AS "createdAt",
  l.expires_at AS "expiresAt", l.revoked_at AS "revokedAt",
  (SELECT COUNT(*) FROM draft_members m WHERE m.via_link_id = l.id) AS members`;

const SELECT_MEMBER = `SELECT ${MEMBER_COLUMNS} FROM draft_members m JOIN users u ON u.id = m.user_id
  WHERE m.draft_id = $1 AND m.user_id = $2`;
const SELECT_LINK = `SELECT ${LINK_COLUMNS} FROM share_links l WHERE l.id = $1`;

export function createPostgresMemberStore(pool: PostgresPool, now: () => string): MemberStore {
  return {
    getRole: async (draftId, userId) =>
      (
        await pool.query<{ role: Role }>('SELECT role FROM draft_members WHERE draft_id = $1 AND user_id = $2', [
          draftId,
          userId,
        ])
      ).rows[0]?.role ?? null,
    // Names sort byte-wise (COLLATE "C"), as in SQLite, whatever the database's locale.
    listMembers: async (draftId) =>
      (
        await pool.query<MemberRecord>(
          `SELECT ${MEMBER_COLUMNS} FROM draft_members m JOIN users u ON u.id = m.user_id
           WHERE m.draft_id = $1 ORDER BY CASE m.role WHEN 'owner' THEN 0 ELSE 1 END, m.added_at, u.name COLLATE "C"`,
          [draftId],
        )
      ).rows,
    putMember: async ({ draftId, userId, role, viaLinkId }) => {
      // The owner row is never replaced: `WHERE role <> 'owner'` keeps it as it is.
      await pool.query(
        `INSERT INTO draft_members (draft_id, user_id, role, via_link_id, added_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (draft_id, user_id) DO UPDATE SET role = excluded.role, via_link_id = excluded.via_link_id
         WHERE draft_members.role <> 'owner'`,
        [draftId, userId, role, viaLinkId, now()],
      );
      const member = (await pool.query<MemberRecord>(SELECT_MEMBER, [draftId, userId])).rows[0];
      if (!member) throw new Error(`member ${userId} of ${draftId} vanished right after upsert`);
      return member;
    },
    removeMember: async (draftId, userId) =>
      ((
        await pool.query("DELETE FROM draft_members WHERE draft_id = $1 AND user_id = $2 AND role <> 'owner'", [
          draftId,
          userId,
        ])
      ).rowCount ?? 0) > 0,
  };
}

export function createPostgresShareLinkStore(pool: PostgresPool, now: () => string): ShareLinkStore {
  return {
    createLink: async (link) => {
      await pool.query(
        `INSERT INTO share_links (id, draft_id, role, secret_hash, created_by, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [link.id, link.draftId, link.role, link.secretHash, link.createdBy, now(), link.expiresAt],
      );
      const created = (await pool.query<ShareLinkRecord>(SELECT_LINK, [link.id])).rows[0];
      if (!created) throw new Error(`share link ${link.id} vanished right after insert`);
      return created;
    },
    findLinkBySecretHash: async (secretHash) =>
      (
        await pool.query<ShareLinkRecord>(`SELECT ${LINK_COLUMNS} FROM share_links l WHERE l.secret_hash = $1`, [
          secretHash,
        ])
      ).rows[0] ?? null,
    listLinks: async (draftId) =>
      (
        await pool.query<ShareLinkRecord>(
          `SELECT ${LINK_COLUMNS} FROM share_links l WHERE l.draft_id = $1 ORDER BY l.created_at DESC, l.position DESC`,
          [draftId],
        )
      ).rows,
    revokeLink: (draftId, linkId) =>
      inTransaction(pool, async (client) => {
        const marked = await client.query(
          'UPDATE share_links SET revoked_at = COALESCE(revoked_at, $1) WHERE id = $2 AND draft_id = $3',
          [now(), linkId, draftId],
        );
        if ((marked.rowCount ?? 0) === 0) return null;
        const removed = await client.query<{ userId: string }>(
          `DELETE FROM draft_members WHERE via_link_id = $1 AND role <> 'owner' RETURNING user_id AS "userId"`,
          [linkId],
        );
        const link = (await client.query<ShareLinkRecord>(SELECT_LINK, [linkId])).rows[0];
        // RETURNING has no order; sorted, so the answer does not depend on the physical row order.
        const removedUserIds = removed.rows.map((row) => row.userId).sort();
        return link ? { link, removedUserIds } : null;
      }),
  };
}
