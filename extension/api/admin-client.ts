/**
 * The admin page's calls, on top of api-transport.ts: accounts (invite, suspend, make
 * administrator, sign out everywhere), workspaces and their members, mentor assignments, and
 * storage per draft. The server refuses anyone who is not an administrator on the web app.
 */
import { z } from 'zod';
import {
  type AdminUser,
  AdminUserListResponseSchema,
  AdminUserSchema,
  type AdminWorkspace,
  AdminWorkspaceListResponseSchema,
  AdminWorkspaceSchema,
  type Assignment,
  AssignmentListResponseSchema,
  AssignmentSchema,
  adminPaths,
  type InviteUserRequest,
  InviteUserResponseSchema,
  StorageUseResponseSchema,
} from '../../shared/protocol/admin-api';
import { type ApiResult, createApiCall, post } from './api-transport';

export type InviteUserResult = z.infer<typeof InviteUserResponseSchema>;
export type StorageUse = z.infer<typeof StorageUseResponseSchema>;

export interface AdminClient {
  users(): Promise<ApiResult<AdminUser[]>>;
  /** Makes the account and mails it a sign-in link; `sent` is false when the mail could not go. */
  inviteUser(request: InviteUserRequest): Promise<ApiResult<InviteUserResult>>;
  setSuspended(userId: string, suspended: boolean): Promise<ApiResult<AdminUser>>;
  setAdmin(userId: string, isAdmin: boolean): Promise<ApiResult<AdminUser>>;
  signUserOutEverywhere(userId: string): Promise<ApiResult<void>>;
  workspaces(): Promise<ApiResult<AdminWorkspace[]>>;
  createWorkspace(name: string): Promise<ApiResult<AdminWorkspace>>;
  addWorkspaceMember(workspaceId: string, userId: string): Promise<ApiResult<void>>;
  removeWorkspaceMember(workspaceId: string, userId: string): Promise<ApiResult<void>>;
  assignments(): Promise<ApiResult<Assignment[]>>;
  addAssignment(mentorId: string, teacherId: string): Promise<ApiResult<Assignment>>;
  removeAssignment(mentorId: string, teacherId: string): Promise<ApiResult<void>>;
  storage(): Promise<ApiResult<StorageUse>>;
}

const nothing = () => undefined;
const SignedOutSchema = z.object({ signedOut: z.literal(true) });
const AddedSchema = z.object({ added: z.literal(true) });
const RemovedSchema = z.object({ removed: z.literal(true) });
const DELETE: RequestInit = { method: 'DELETE' };

export function createAdminClient(
  serverUrl: string,
  token: string | null,
  fetchImpl: typeof fetch = fetch,
): AdminClient {
  const { call, callFor } = createApiCall(serverUrl, token, fetchImpl);
  return {
    users: () => callFor(adminPaths.users, AdminUserListResponseSchema, (value) => value.users),
    inviteUser: (request) => call(adminPaths.users, InviteUserResponseSchema, post(request)),
    setSuspended: (userId, suspended) => call(adminPaths.suspend(userId), AdminUserSchema, post({ suspended })),
    setAdmin: (userId, isAdmin) => call(adminPaths.setAdmin(userId), AdminUserSchema, post({ isAdmin })),
    signUserOutEverywhere: (userId) =>
      callFor(adminPaths.signOutEverywhere(userId), SignedOutSchema, nothing, post({})),
    workspaces: () => callFor(adminPaths.workspaces, AdminWorkspaceListResponseSchema, (value) => value.workspaces),
    createWorkspace: (name) => call(adminPaths.workspaces, AdminWorkspaceSchema, post({ name })),
    addWorkspaceMember: (workspaceId, userId) =>
      callFor(adminPaths.workspaceMember(workspaceId, userId), AddedSchema, nothing, { method: 'PUT' }),
    removeWorkspaceMember: (workspaceId, userId) =>
      callFor(adminPaths.workspaceMember(workspaceId, userId), RemovedSchema, nothing, DELETE),
    assignments: () => callFor(adminPaths.assignments, AssignmentListResponseSchema, (value) => value.assignments),
    addAssignment: (mentorId, teacherId) =>
      call(adminPaths.assignments, AssignmentSchema, post({ mentorId, teacherId })),
    removeAssignment: (mentorId, teacherId) =>
      callFor(adminPaths.assignment(mentorId, teacherId), RemovedSchema, nothing, DELETE),
    storage: () => call(adminPaths.storage, StorageUseResponseSchema),
  };
}
