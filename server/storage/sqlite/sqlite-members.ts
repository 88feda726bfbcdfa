/** Draft members and share links in SQLite; revoking a link removes the access it granted, atomically. */
import type { Role } from '../../../shared/auth/roles';
import type { MemberRecord, MemberStore, ShareLinkRecord, ShareLinkStore } from '../storage';
import type { SqliteDatabase } from './database';

const MEMBER_COLUMNS = `m.draft_id AS draftId, m.user_id AS userId, u.name AS name, u.guest AS guest, m.role AS role,
  m.via_link_id AS viaLinkId, m.added_at AS addedAt`;

type MemberRow = Omit<MemberRecord, 'guest'> & { guest: number };
const memberOf = (row: MemberRow): MemberRecord => ({ ...row, guest: row.guest === 1 });

const LINK_COLUMNS = `l.id, l.draft_id AS draftId, l.role, l.created_by AS createdBy, l.created_at AS createdAt,
  l.expires_at AS expiresAt, l.revoked_at AS revokedAt,
  (SELECT COUNT(*) FROM draft_members m WHERE m.via_link_id = l.id) AS members`;

export function createSqliteMemberStore(db: SqliteDatabase, now: () => string): MemberStore {
  const selectRole = db.prepare<[string, string], { role: Role }>(
    'SELECT role FROM draft_members WHERE draft_id = ? AND user_id = ?',
  );
  const selectMembers = db.prepare<[string], MemberRow>(
    `SELECT ${MEMBER_COLUMNS} FROM draft_members m JOIN users u ON u.id = m.user_id
     WHERE m.draft_id = ? ORDER BY CASE m.role WHEN 'owner' THEN 0 ELSE 1 END, m.added_at, u.name`,
  );
  const selectMember = db.prepare<[string, string], MemberRow>(
    `SELECT ${MEMBER_COLUMNS} FROM draft_members m JOIN users u ON u.id = m.user_id
     WHERE m.draft_id = ? AND m.user_id = ?`,
  );
  // The owner row is never replaced: `WHERE role <> 'owner'` keeps it as it is.
  const upsertMember = db.prepare<[string, string, string, string | null, string]>(
    `INSERT INTO draft_members (draft_id, user_id, role, via_link_id, added_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (draft_id, user_id) DO UPDATE SET role = excluded.role, via_link_id = excluded.via_link_id
     WHERE draft_members.role <> 'owner'`,
  );
  const deleteMember = db.prepare<[string, string]>(
    "DELETE FROM draft_members WHERE draft_id = ? AND user_id = ? AND role <> 'owner'",
  );

  return {
    getRole: async (draftId, userId) => selectRole.get(draftId, userId)?.role ?? null,
    listMembers: async (draftId) => selectMembers.all(draftId).map(memberOf),
    putMember: async ({ draftId, userId, role, viaLinkId }) => {
      upsertMember.run(draftId, userId, role, viaLinkId, now());
      const member = selectMember.get(draftId, userId);
      if (!member) throw new Error(`member ${userId} of ${draftId} vanished right after upsert`);
      return memberOf(member);
    },
    removeMember: async (draftId, userId) => deleteMember.run(draftId, userId).changes > 0,
  };
}

export function createSqliteShareLinkStore(db: SqliteDatabase, now: () => string): ShareLinkStore {
  const insertLink = db.prepare<[string, string, string, string, string, string, string | null]>(
    `INSERT INTO share_links (id, draft_id, role, secret_hash, created_by, created_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const selectLink = db.prepare<[string], ShareLinkRecord>(`SELECT ${LINK_COLUMNS} FROM share_links l WHERE l.id = ?`);
  const selectBySecret = db.prepare<[string], ShareLinkRecord>(
    `SELECT ${LINK_COLUMNS} FROM share_links l WHERE l.secret_hash = ?`,
  );
  const selectForDraft = db.prepare<[string], ShareLinkRecord>(
    `SELECT ${LINK_COLUMNS} FROM share_links l WHERE l.draft_id = ? ORDER BY l.created_at DESC, l.rowid DESC`,
  );
  const markRevoked = db.prepare<[string, string, string]>(
    'UPDATE share_links SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ? AND draft_id = ?',
  );
  const selectGranted = db.prepare<[string], { userId: string }>(
    "SELECT user_id AS userId FROM draft_members WHERE via_link_id = ? AND role <> 'owner'",
  );
  const deleteGranted = db.prepare<[string]>("DELETE FROM draft_members WHERE via_link_id = ? AND role <> 'owner'");

  const revoke = db.transaction((draftId: string, linkId: string) => {
    if (markRevoked.run(now(), linkId, draftId).changes === 0) return null;
    const removedUserIds = selectGranted.all(linkId).map((row) => row.userId);
    deleteGranted.run(linkId);
    const link = selectLink.get(linkId);
    return link ? { link, removedUserIds } : null;
  });

  return {
    createLink: async (link) => {
      insertLink.run(link.id, link.draftId, link.role, link.secretHash, link.createdBy, now(), link.expiresAt);
      const created = selectLink.get(link.id);
      if (!created) throw new Error(`share link ${link.id} vanished right after insert`);
      return created;
    },
    findLinkBySecretHash: async (secretHash) => selectBySecret.get(secretHash) ?? null,
    listLinks: async (draftId) => selectForDraft.all(draftId),
    revokeLink: async (draftId, linkId) => revoke(draftId, linkId),
  };
}
