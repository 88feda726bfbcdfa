/**
 * The admin page's API (`/api/admin/*`): accounts (invite, suspend, sign out everywhere),
 * workspaces and their members, which mentor accompanies which teacher, storage per draft.
 * Administrators only, from the web app (an extension token is refused).
 */
import { z } from 'zod';
import { PersonNameSchema } from '../auth/person-name';
import { EmailSchema } from './auth-api';

export const AdminUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  guest: z.boolean(),
  isAdmin: z.boolean(),
  suspendedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type AdminUser = z.infer<typeof AdminUserSchema>;
export const AdminUserListResponseSchema = z.object({ users: z.array(AdminUserSchema) });

/** Makes the account (if the address has none) and mails it a one-time sign-in link. */
export const InviteUserRequestSchema = z.object({
  name: PersonNameSchema,
  email: EmailSchema,
  isAdmin: z.boolean().default(false),
  language: z.enum(['id', 'en']).default('id'),
});
export type InviteUserRequest = z.input<typeof InviteUserRequestSchema>;
export const InviteUserResponseSchema = z.object({ user: AdminUserSchema, sent: z.boolean() });

export const SuspendUserRequestSchema = z.object({ suspended: z.boolean() });
export const SetAdminRequestSchema = z.object({ isAdmin: z.boolean() });

export const AdminWorkspaceSchema = z.object({
  id: z.string(),
  name: z.string(),
  members: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type AdminWorkspace = z.infer<typeof AdminWorkspaceSchema>;
export const AdminWorkspaceListResponseSchema = z.object({ workspaces: z.array(AdminWorkspaceSchema) });
export const CreateWorkspaceRequestSchema = z.object({ name: z.string().trim().min(1).max(100) });

export const AssignmentSchema = z.object({
  mentorId: z.string(),
  mentorName: z.string(),
  teacherId: z.string(),
  teacherName: z.string(),
  createdAt: z.iso.datetime(),
});
export type Assignment = z.infer<typeof AssignmentSchema>;
export const AssignmentListResponseSchema = z.object({ assignments: z.array(AssignmentSchema) });
export const CreateAssignmentRequestSchema = z.object({ mentorId: z.string().max(64), teacherId: z.string().max(64) });

export const DraftStorageSchema = z.object({
  draftId: z.string(),
  title: z.string(),
  ownerName: z.string(),
  bytes: z.number().int().nonnegative(),
});
export type DraftStorage = z.infer<typeof DraftStorageSchema>;
export const StorageUseResponseSchema = z.object({
  drafts: z.array(DraftStorageSchema),
  totalBytes: z.number().int().nonnegative(),
});

export const adminPaths = {
  users: '/api/admin/users',
  suspend: (userId: string) => `/api/admin/users/${encodeURIComponent(userId)}/suspend`,
  setAdmin: (userId: string) => `/api/admin/users/${encodeURIComponent(userId)}/admin`,
  signOutEverywhere: (userId: string) => `/api/admin/users/${encodeURIComponent(userId)}/sign-out-everywhere`,
  workspaces: '/api/admin/workspaces',
  workspaceMember: (workspaceId: string, userId: string) =>
    `/api/admin/workspaces/${encodeURIComponent(workspaceId)}/members/${encodeURIComponent(userId)}`,
  assignments: '/api/admin/assignments',
  assignment: (mentorId: string, teacherId: string) =>
    `/api/admin/assignments/${encodeURIComponent(mentorId)}/${encodeURIComponent(teacherId)}`,
  storage: '/api/admin/storage',
} as const;
