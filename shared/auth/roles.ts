/**
 * Who may do what on a draft: one table, read by the server (to refuse) and the UI (to hide or
 * disable). A role is per draft; the owner is the teacher who created it.
 */
import { z } from 'zod';

export const roles = ['owner', 'editor', 'commenter', 'viewer'] as const;
export const RoleSchema = z.enum(roles);
export type Role = z.infer<typeof RoleSchema>;

/** Roles someone can be given (by the owner or a share link); a draft has exactly one owner. */
export const grantableRoles = ['editor', 'commenter', 'viewer'] as const;
export const GrantableRoleSchema = z.enum(grantableRoles);
export type GrantableRole = z.infer<typeof GrantableRoleSchema>;

export const capabilities = [
  /** Open the draft and see its content, feedback and who is online. */
  'read',
  /** Change the draft's content document (typing, clips). */
  'edit-content',
  /** Add or edit one's own feedback in the draft's feedback document. */
  'write-feedback',
  /** Resolve or reopen anyone's feedback thread. */
  'resolve-feedback',
  /** Add, change and remove members; create and revoke share links. */
  'manage-members',
] as const;
export type Capability = (typeof capabilities)[number];

export const roleCapabilities: Readonly<Record<Role, readonly Capability[]>> = {
  owner: ['read', 'edit-content', 'write-feedback', 'resolve-feedback', 'manage-members'],
  editor: ['read', 'edit-content', 'write-feedback', 'resolve-feedback'],
  commenter: ['read', 'write-feedback'],
  viewer: ['read'],
};

export function can(role: Role | null | undefined, capability: Capability): boolean {
  return role ? roleCapabilities[role].includes(capability) : false;
}

/** Higher grants more; used so that redeeming a weaker link never lowers someone's role. */
const rank: Readonly<Record<Role, number>> = { viewer: 0, commenter: 1, editor: 2, owner: 3 };

export function strongerRole(a: Role, b: Role): Role {
  return rank[a] >= rank[b] ? a : b;
}
