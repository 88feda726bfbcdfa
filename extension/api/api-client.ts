/** Typed client for the server's JSON API. Failures are values with a message key, never throws. */
import { z } from 'zod';
import type { GrantableRole } from '../../shared/auth/roles';
import {
  apiPaths,
  type CreateDraftRequest,
  type CreateShareLinkRequest,
  type CreateShareLinkResponse,
  CreateShareLinkResponseSchema,
  type DraftInfo,
  DraftInfoSchema,
  type DraftListItem,
  DraftListResponseSchema,
  type JoinPreviewResponse,
  JoinPreviewResponseSchema,
  type JoinRequest,
  type JoinResponse,
  JoinResponseSchema,
  type Member,
  MemberListResponseSchema,
  MemberSchema,
  type MeResponse,
  MeResponseSchema,
  type SaveTemplateRequest,
  SaveTemplateResponseSchema,
  type SessionResponse,
  SessionResponseSchema,
  type ShareLink,
  ShareLinkListResponseSchema,
  ShareLinkSchema,
  type TemplateInfo,
  TemplateListResponseSchema,
} from '../../shared/protocol/api';
import { authPaths, type DraftInvitationRequest, DraftInvitationResponseSchema } from '../../shared/protocol/auth-api';
import {
  type VersionInfo,
  VersionListResponseSchema,
  VersionResponseSchema,
  type VersionStateResponse,
  VersionStateResponseSchema,
} from '../../shared/versions/version-schema';
import { type ApiResult, createApiCall, post } from './api-transport';

export type { ApiFailureReason, ApiResult } from './api-transport';

export interface ApiClient {
  me(): Promise<ApiResult<MeResponse>>;
  listDrafts(): Promise<ApiResult<DraftListItem[]>>;
  createDraft(request: CreateDraftRequest): Promise<ApiResult<DraftInfo>>;
  getDraft(draftId: string): Promise<ApiResult<DraftInfo>>;
  members(draftId: string): Promise<ApiResult<Member[]>>;
  changeMember(draftId: string, userId: string, role: GrantableRole): Promise<ApiResult<Member>>;
  removeMember(draftId: string, userId: string): Promise<ApiResult<void>>;
  links(draftId: string): Promise<ApiResult<ShareLink[]>>;
  createLink(draftId: string, request: CreateShareLinkRequest): Promise<ApiResult<CreateShareLinkResponse>>;
  revokeLink(draftId: string, linkId: string): Promise<ApiResult<ShareLink>>;
  join(request: JoinRequest): Promise<ApiResult<JoinResponse>>;
  /** What a share link leads to (draft, who invited, role), without joining. */
  joinPreview(secret: string): Promise<ApiResult<JoinPreviewResponse>>;
  refreshSession(): Promise<ApiResult<SessionResponse>>;
  /** Built-in templates and those of the caller's workspaces. */
  templates(): Promise<ApiResult<TemplateInfo[]>>;
  saveTemplate(request: SaveTemplateRequest): Promise<ApiResult<TemplateInfo>>;
  /** The draft's saved versions, newest first. */
  versions(draftId: string): Promise<ApiResult<VersionInfo[]>>;
  /** "Simpan versi": saves the content as it is on the server now (owner and editors). */
  saveVersion(draftId: string, name: string): Promise<ApiResult<VersionInfo>>;
  /** One version with its content's Yjs state (base64). */
  version(draftId: string, versionId: string): Promise<ApiResult<VersionStateResponse>>;
  /** Keeps the content as it is now as a 'restore' entry, before the caller restores `versionId`. */
  recordRestore(draftId: string, versionId: string): Promise<ApiResult<VersionInfo>>;
  /** "Undang lewat email": the server mails the address a one-time link to the draft (not for guests). */
  inviteByEmail(draftId: string, request: DraftInvitationRequest): Promise<ApiResult<string>>;
}

const RemovedSchema = z.object({ removed: z.literal(true) });

export function createApiClient(serverUrl: string, token: string | null, fetchImpl: typeof fetch = fetch): ApiClient {
  const { call, callFor } = createApiCall(serverUrl, token, fetchImpl);

  return {
    me: () => call(apiPaths.me, MeResponseSchema),
    listDrafts: () => callFor(apiPaths.drafts, DraftListResponseSchema, (value) => value.drafts),
    createDraft: (request) => call(apiPaths.drafts, DraftInfoSchema, post(request)),
    templates: () => callFor(apiPaths.templates, TemplateListResponseSchema, (value) => value.templates),
    saveTemplate: (request) =>
      callFor(apiPaths.templates, SaveTemplateResponseSchema, (value) => value.template, post(request)),
    getDraft: (draftId) => call(apiPaths.draft(draftId), DraftInfoSchema),
    members: (draftId) => callFor(apiPaths.members(draftId), MemberListResponseSchema, (value) => value.members),
    changeMember: (draftId, userId, role) =>
      call(apiPaths.member(draftId, userId), MemberSchema, { method: 'PUT', body: JSON.stringify({ role }) }),
    removeMember: (draftId, userId) =>
      callFor(apiPaths.member(draftId, userId), RemovedSchema, () => undefined, { method: 'DELETE' }),
    links: (draftId) => callFor(apiPaths.links(draftId), ShareLinkListResponseSchema, (value) => value.links),
    createLink: (draftId, request) => call(apiPaths.links(draftId), CreateShareLinkResponseSchema, post(request)),
    revokeLink: (draftId, linkId) => call(apiPaths.link(draftId, linkId), ShareLinkSchema, { method: 'DELETE' }),
    join: (request) => call(apiPaths.join, JoinResponseSchema, post(request)),
    joinPreview: (secret) => call(apiPaths.joinPreview, JoinPreviewResponseSchema, post({ secret })),
    refreshSession: () => call(apiPaths.refreshSession, SessionResponseSchema, { method: 'POST' }),
    versions: (draftId) => callFor(apiPaths.versions(draftId), VersionListResponseSchema, (value) => value.versions),
    saveVersion: (draftId, name) =>
      callFor(apiPaths.versions(draftId), VersionResponseSchema, (value) => value.version, post({ name })),
    version: (draftId, versionId) => call(apiPaths.version(draftId, versionId), VersionStateResponseSchema),
    recordRestore: (draftId, versionId) =>
      callFor(apiPaths.restoreVersion(draftId, versionId), VersionResponseSchema, (value) => value.version, {
        method: 'POST',
      }),
    inviteByEmail: (draftId, request) =>
      callFor(authPaths.invitations(draftId), DraftInvitationResponseSchema, (value) => value.email, post(request)),
  };
}
