/**
 * Which account a proven address or school identity signs in to, and what changes on the way:
 * an existing account is used as it is; a guest signed in on this browser becomes that account
 * (upgraded in place when the address has none — her id, and so every comment she wrote, stays);
 * a second guest of the same person is folded into the account (her draft memberships move, so
 * she is one member, not two); a new address may make an account only when invited or when its
 * domain is allowed, and then needs a name first.
 */
import { checkPersonName } from '../../shared/auth/person-name';
import { type GrantableRole, type Role, strongerRole } from '../../shared/auth/roles';
import { newUserId } from '../ids';
import type { Storage, UserRecord } from '../storage/storage';
import type { SchoolIdentity } from './school-sign-in';

export interface AccountDeps {
  storage: Pick<Storage, 'users' | 'drafts' | 'members' | 'identities' | 'sessions'>;
  allowedDomains: readonly string[];
  /** A member's role changed; open connections follow. */
  accessChanged(draftId: string, userId: string, role: Role | null): void;
  /** A folded guest's sessions ended; its open connections close. */
  sessionsEnded(userId: string): void;
}

/** A draft invitation the sign-in also grants. */
export interface DraftGrant {
  draftId: string;
  role: GrantableRole;
}

export type AccountOutcome =
  | { kind: 'account'; user: UserRecord }
  | { kind: 'needs-name'; email: string }
  | { kind: 'refused'; reason: 'suspended' | 'domain' | 'no-account' | 'unverified-email' };

export function domainAllowed(allowed: readonly string[], email: string): boolean {
  const domain = email.slice(email.lastIndexOf('@') + 1);
  return allowed.includes(domain);
}

/**
 * `mayCreate`: the address was invited (an invitation code); otherwise a new account needs an
 * allowed domain. `current`: who is signed in on this browser now (a guest may be upgraded or folded in).
 */
export async function accountForEmail(
  deps: AccountDeps,
  email: string,
  options: { current: UserRecord | null; invited: boolean },
): Promise<AccountOutcome> {
  const existing = await deps.storage.users.getUserByEmail(email);
  if (existing) return adopt(deps, existing, options.current);
  const mayCreate = options.invited || domainAllowed(deps.allowedDomains, email);
  if (options.current?.guest && !options.current.suspendedAt && mayCreate) {
    if (await deps.storage.users.setEmail(options.current.id, email)) {
      const upgraded = await deps.storage.users.getUser(options.current.id);
      if (upgraded) return { kind: 'account', user: upgraded };
    }
  }
  if (mayCreate) return { kind: 'needs-name', email };
  return { kind: 'refused', reason: deps.allowedDomains.length > 0 ? 'domain' : 'no-account' };
}

export async function createAccount(
  deps: AccountDeps,
  email: string,
  name: string,
): Promise<{ ok: true; user: UserRecord } | { ok: false; reason: 'invalid-name' }> {
  const existing = await deps.storage.users.getUserByEmail(email);
  if (existing) return { ok: true, user: existing };
  const checked = checkPersonName(name);
  if (!checked.ok) return { ok: false, reason: 'invalid-name' };
  return { ok: true, user: await deps.storage.users.createUser({ id: newUserId(), name: checked.name, email }) };
}

/** A school identity: linked before, or an account with its verified address, or a new one if its domain is allowed. */
export async function accountForSchoolIdentity(
  deps: AccountDeps,
  identity: SchoolIdentity,
  current: UserRecord | null,
): Promise<AccountOutcome> {
  const linkedId = await deps.storage.identities.findUserId(identity.issuer, identity.subject);
  const linked = linkedId ? await deps.storage.users.getUser(linkedId) : null;
  if (linked) return adopt(deps, linked, current);
  if (!identity.email) return { kind: 'refused', reason: 'unverified-email' };
  if (!identity.emailVerified) return { kind: 'refused', reason: 'unverified-email' };
  const outcome = await accountForEmail(deps, identity.email, { current, invited: false });
  if (outcome.kind === 'needs-name') {
    // The provider names the person; a name it gives that we refuse becomes the address's first part.
    const name = checkPersonName(identity.name ?? '');
    const fallback = identity.email.slice(0, identity.email.indexOf('@'));
    const created = await createAccount(deps, identity.email, name.ok ? name.name : fallback);
    if (!created.ok) return { kind: 'refused', reason: 'no-account' };
    await deps.storage.identities.link(identity.issuer, identity.subject, created.user.id);
    return { kind: 'account', user: created.user };
  }
  if (outcome.kind === 'account')
    await deps.storage.identities.link(identity.issuer, identity.subject, outcome.user.id);
  return outcome;
}

/** Gives `user` the draft an invitation names; someone who has as much or more keeps what they have. */
export async function grantDraft(deps: AccountDeps, user: UserRecord, grant: DraftGrant): Promise<boolean> {
  if (!(await deps.storage.drafts.getDraft(grant.draftId))) return false;
  const current = await deps.storage.members.getRole(grant.draftId, user.id);
  if (current && strongerRole(current, grant.role) === current) return true;
  const member = await deps.storage.members.putMember({
    draftId: grant.draftId,
    userId: user.id,
    role: grant.role,
    viaLinkId: null,
  });
  deps.accessChanged(grant.draftId, user.id, member.role);
  return true;
}

async function adopt(deps: AccountDeps, user: UserRecord, current: UserRecord | null): Promise<AccountOutcome> {
  if (user.suspendedAt) return { kind: 'refused', reason: 'suspended' };
  if (current?.guest && current.id !== user.id) await foldGuest(deps, current, user);
  return { kind: 'account', user };
}

/**
 * The guest's drafts (not her own) become the account's, at the stronger of the two roles, and
 * the guest stops being a member and signed in anywhere. What she wrote stays under her name.
 */
async function foldGuest(deps: AccountDeps, guest: UserRecord, user: UserRecord): Promise<void> {
  for (const draft of await deps.storage.drafts.listDraftsForMember(guest.id)) {
    if (draft.role === 'owner') continue;
    const mine = await deps.storage.members.getRole(draft.id, user.id);
    if (mine !== 'owner') {
      const role = (mine ? strongerRole(mine, draft.role) : draft.role) as GrantableRole;
      if (role !== mine) {
        await deps.storage.members.putMember({ draftId: draft.id, userId: user.id, role, viaLinkId: null });
        deps.accessChanged(draft.id, user.id, role);
      }
    }
    await deps.storage.members.removeMember(draft.id, guest.id);
    deps.accessChanged(draft.id, guest.id, null);
  }
  await deps.storage.sessions.revokeUserSessions(guest.id);
  await deps.storage.users.revokeTokens(guest.id);
  deps.sessionsEnded(guest.id);
}
