/**
 * Share links grant a role on one draft to whoever opens them. The secret is in the URL only;
 * storage keeps its hash. Redeeming never lowers a role someone already has.
 */
import { randomBytes } from 'node:crypto';
import { type GrantableRole, type Role, strongerRole } from '../../shared/auth/roles';
import type { MemberRecord, ShareLinkRecord, Storage } from '../storage/storage';
import { hashSecret, newSecret } from './tokens';

export async function createShareLink(
  storage: Pick<Storage, 'shareLinks'>,
  request: { draftId: string; role: GrantableRole; createdBy: string; expiresInDays: number | null; now: number },
): Promise<{ link: ShareLinkRecord; secret: string }> {
  const secret = newSecret();
  const expiresAt = request.expiresInDays
    ? new Date(request.now + request.expiresInDays * 86_400_000).toISOString()
    : null;
  const link = await storage.shareLinks.createLink({
    id: randomBytes(9).toString('base64url'),
    draftId: request.draftId,
    role: request.role,
    secretHash: hashSecret(secret),
    createdBy: request.createdBy,
    expiresAt,
  });
  return { link, secret };
}

export type LinkCheck =
  | { ok: true; link: ShareLinkRecord }
  | { ok: false; reason: 'unknown-link' | 'revoked-link' | 'expired-link' };

/** Whether a secret names a link that still works, without granting anything yet. */
export async function checkShareLink(
  storage: Pick<Storage, 'shareLinks'>,
  secret: string,
  now: number,
): Promise<LinkCheck> {
  const link = await storage.shareLinks.findLinkBySecretHash(hashSecret(secret));
  if (!link) return { ok: false, reason: 'unknown-link' };
  if (link.revokedAt) return { ok: false, reason: 'revoked-link' };
  if (link.expiresAt && Date.parse(link.expiresAt) <= now) return { ok: false, reason: 'expired-link' };
  return { ok: true, link };
}

/** Makes `userId` a member through `link`; someone who already has as much or more keeps what they have. */
export async function redeemShareLink(
  storage: Pick<Storage, 'members'>,
  link: ShareLinkRecord,
  userId: string,
): Promise<{ role: Role; changed: boolean }> {
  const current = await storage.members.getRole(link.draftId, userId);
  if (current && strongerRole(current, link.role) === current) return { role: current, changed: false };
  const member: MemberRecord = await storage.members.putMember({
    draftId: link.draftId,
    userId,
    role: link.role,
    viaLinkId: link.id,
  });
  return { role: member.role, changed: true };
}
