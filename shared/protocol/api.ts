/** The JSON HTTP API: request and response bodies, validated on both sides with zod. */
import { z } from 'zod';
import { PersonNameSchema } from '../auth/person-name';
import { GrantableRoleSchema, RoleSchema } from '../auth/roles';
import { DraftSummarySchema, EMPTY_SUMMARY } from '../model/draft-summary';
import { DraftIdSchema, TemplateIdSchema, WorkspaceIdSchema } from '../model/ids';
import { MediaKindSchema } from '../model/media-kinds';

export const DraftTitleSchema = z.string().trim().min(1, 'title is required').max(200, 'title is too long');

export const LanguageSchema = z.enum(['id', 'en']);

/**
 * `workspaceId`: create it in one of the caller's workspaces (omitted: a personal draft).
 * `templateId`: start from that template (built-in, or one of a workspace the caller belongs to)
 * in `language` (default id); omitted: an empty draft of media kind 'blank' (the editor's form always
 * names a template). The draft's media kind is the template's.
 */
export const CreateDraftRequestSchema = z.object({
  title: DraftTitleSchema,
  workspaceId: WorkspaceIdSchema.optional(),
  templateId: TemplateIdSchema.optional(),
  language: LanguageSchema.optional(),
});
export type CreateDraftRequest = z.infer<typeof CreateDraftRequestSchema>;

/** What the draft list shows. Room left for stage, summary and counts (later issues). */
export const DraftInfoSchema = z.object({
  id: DraftIdSchema,
  title: z.string(),
  ownerId: z.string(),
  ownerName: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** The caller's role on this draft (shared/auth/roles.ts says what it allows). */
  role: RoleSchema,
  /** The workspace it belongs to; null or absent for a personal draft. */
  workspaceId: z.string().nullable().optional(),
  /** What kind of lesson media it is (from its template); absent from older servers and caches. */
  mediaKind: MediaKindSchema.default('blank'),
});
export type DraftInfo = z.infer<typeof DraftInfoSchema>;

/** A draft in the caller's list, with what needs their attention. */
export const DraftListItemSchema = DraftInfoSchema.extend({
  /** Feedback threads still open (= summary.openFeedback); absent from older servers, hence the default. */
  openFeedback: z.number().int().nonnegative().default(0),
  /** Stage and counts, kept by the server as the draft's feedback document changes. */
  summary: DraftSummarySchema.default(EMPTY_SUMMARY),
});
export type DraftListItem = z.infer<typeof DraftListItemSchema>;

export const DraftListResponseSchema = z.object({ drafts: z.array(DraftListItemSchema) });
export type DraftListResponse = z.infer<typeof DraftListResponseSchema>;

/** A template as the create form lists it (its content stays on the server). */
export const TemplateInfoSchema = z.object({
  id: TemplateIdSchema,
  mediaKind: MediaKindSchema,
  name: z.object({ id: z.string(), en: z.string() }),
  description: z.object({ id: z.string(), en: z.string() }),
  /** Null for a built-in template; else the workspace it was saved in. */
  workspaceId: z.string().nullable(),
});
export type TemplateInfo = z.infer<typeof TemplateInfoSchema>;

export const TemplateListResponseSchema = z.object({ templates: z.array(TemplateInfoSchema) });
export type TemplateListResponse = z.infer<typeof TemplateListResponseSchema>;

/** The owner of `draftId` saves its content as a template of a workspace they belong to. */
export const SaveTemplateRequestSchema = z.object({
  draftId: DraftIdSchema,
  workspaceId: WorkspaceIdSchema,
  name: z.string().trim().min(1, 'name is required').max(120, 'name is too long'),
});
export type SaveTemplateRequest = z.infer<typeof SaveTemplateRequestSchema>;

export const SaveTemplateResponseSchema = z.object({ template: TemplateInfoSchema });

export const WorkspaceSchema = z.object({ id: z.string(), name: z.string() });
export type Workspace = z.infer<typeof WorkspaceSchema>;

/** `workspaces`: the school communities the user belongs to (absent from older servers and caches). */
export const MeResponseSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Joined by a share link with only a name (absent from older servers and caches). */
  guest: z.boolean().optional(),
  workspaces: z.array(WorkspaceSchema).optional(),
  /** The account's address; null for guests and accounts made without one. */
  email: z.string().nullable().optional(),
  /** May open the admin page. */
  isAdmin: z.boolean().optional(),
  /** The session this request came with (not a secret: it names the session, it does not prove it). */
  sessionId: z.string().nullable().optional(),
  /** 'extension': a paired extension's token, which cannot manage sessions or the server. */
  sessionKind: z.enum(['web', 'extension', 'link']).nullable().optional(),
});
export type MeResponse = z.infer<typeof MeResponseSchema>;

/** A signed, expiring token for the API and sync (`Authorization: Bearer` / `?token=`). */
export const SessionResponseSchema = z.object({
  token: z.string(),
  expiresAt: z.iso.datetime(),
  user: MeResponseSchema,
});
export type SessionResponse = z.infer<typeof SessionResponseSchema>;

/** One person's access to a draft. `viaLink`: granted by a share link, so revoking the link removes it. */
export const MemberSchema = z.object({
  userId: z.string(),
  name: z.string(),
  /** Joined by a share link with only a name: listed as a guest. */
  guest: z.boolean(),
  role: RoleSchema,
  viaLink: z.boolean(),
  addedAt: z.iso.datetime(),
});
export type Member = z.infer<typeof MemberSchema>;

export const MemberListResponseSchema = z.object({ members: z.array(MemberSchema) });
export type MemberListResponse = z.infer<typeof MemberListResponseSchema>;

export const ChangeMemberRequestSchema = z.object({ role: GrantableRoleSchema });
export type ChangeMemberRequest = z.infer<typeof ChangeMemberRequestSchema>;

/** A share link as its owner sees it; the secret in its URL is shown only once, when created. */
export const ShareLinkSchema = z.object({
  id: z.string(),
  role: GrantableRoleSchema,
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  /** People who joined through it and still have the access it gave. */
  members: z.number().int().nonnegative(),
});
export type ShareLink = z.infer<typeof ShareLinkSchema>;

export const ShareLinkListResponseSchema = z.object({ links: z.array(ShareLinkSchema) });
export type ShareLinkListResponse = z.infer<typeof ShareLinkListResponseSchema>;

export const CreateShareLinkRequestSchema = z.object({
  role: GrantableRoleSchema,
  /** Omitted or null: the link works until revoked. */
  expiresInDays: z.number().int().min(1).max(365).nullable().optional(),
});
export type CreateShareLinkRequest = z.infer<typeof CreateShareLinkRequestSchema>;

export const ShareLinkSecretSchema = z.string().regex(/^[A-Za-z0-9_-]{20,128}$/, 'invalid share link');

export const CreateShareLinkResponseSchema = z.object({ link: ShareLinkSchema, secret: ShareLinkSecretSchema });
export type CreateShareLinkResponse = z.infer<typeof CreateShareLinkResponseSchema>;

/**
 * Joining a draft through a share link. Signed in: the caller becomes a member. Not signed in:
 * `name` is required and a new account is made; the answer then carries its session.
 */
export const JoinRequestSchema = z.object({
  secret: ShareLinkSecretSchema,
  name: PersonNameSchema.optional(),
  /** 'web' (default): a new guest's session goes into the cookie; 'extension': into the answer. */
  client: z.enum(['web', 'extension']).default('web'),
});
export type JoinRequest = z.input<typeof JoinRequestSchema>;

export const JoinResponseSchema = z.object({ draft: DraftInfoSchema, session: SessionResponseSchema.nullable() });
export type JoinResponse = z.infer<typeof JoinResponseSchema>;

/** What a share link leads to, shown before joining: the draft, who invited, the role it gives. */
export const JoinPreviewRequestSchema = z.object({ secret: ShareLinkSecretSchema });
export const JoinPreviewResponseSchema = z.object({
  title: z.string(),
  ownerName: z.string(),
  invitedBy: z.string(),
  role: GrantableRoleSchema,
  expiresAt: z.iso.datetime().nullable(),
});
export type JoinPreviewResponse = z.infer<typeof JoinPreviewResponseSchema>;

/** The query parameter of a share link on the editor page: `/editor.html?join=<secret>`. */
export const JOIN_PARAM = 'join';

export const HealthResponseSchema = z.object({
  ok: z.boolean(),
  version: z.string(),
  storage: z.enum(['sqlite', 'postgres']),
  rooms: z.number().int().nonnegative(),
  connections: z.number().int().nonnegative(),
});
export type HealthResponse = z.infer<typeof HealthResponseSchema>;

/** Every API error has a stable code (the UI translates it) and an English message for logs. */
export const ApiErrorCodeSchema = z.enum([
  'bad-request',
  'unauthorized',
  'forbidden',
  'not-found',
  'gone',
  'payload-too-large',
  /** Too many requests (e.g. joins from one address); the answer's retry-after says when to try again. */
  'rate-limited',
  /** A share link has made as many guest accounts as it may; only signed-in people join through it now. */
  'guest-limit',
  /** An administrator suspended this account. */
  'suspended',
  /** Something exists already (the server is set up, the address belongs to another account). */
  'conflict',
  /** This server does not offer it (e.g. email when no mail server is configured). */
  'unavailable',
  'internal',
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCodeSchema>;

export const ApiErrorResponseSchema = z.object({
  error: z.object({ code: ApiErrorCodeSchema, message: z.string() }),
});
export type ApiErrorResponse = z.infer<typeof ApiErrorResponseSchema>;

/** Paths of the API, one place for server routes and clients. */
export const apiPaths = {
  health: '/health',
  me: '/api/me',
  drafts: '/api/drafts',
  draft: (id: string) => `/api/drafts/${encodeURIComponent(id)}`,
  members: (id: string) => `/api/drafts/${encodeURIComponent(id)}/members`,
  member: (id: string, userId: string) => `/api/drafts/${encodeURIComponent(id)}/members/${encodeURIComponent(userId)}`,
  links: (id: string) => `/api/drafts/${encodeURIComponent(id)}/links`,
  link: (id: string, linkId: string) => `/api/drafts/${encodeURIComponent(id)}/links/${encodeURIComponent(linkId)}`,
  join: '/api/join',
  joinPreview: '/api/join/preview',
  templates: '/api/templates',
  refreshSession: '/api/session/refresh',
  signOut: '/api/session/sign-out',
  versions: (id: string) => `/api/drafts/${encodeURIComponent(id)}/versions`,
  version: (id: string, versionId: string) =>
    `/api/drafts/${encodeURIComponent(id)}/versions/${encodeURIComponent(versionId)}`,
  restoreVersion: (id: string, versionId: string) =>
    `/api/drafts/${encodeURIComponent(id)}/versions/${encodeURIComponent(versionId)}/restore`,
} as const;
