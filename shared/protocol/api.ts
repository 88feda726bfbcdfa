/** The JSON HTTP API: request and response bodies, validated on both sides with zod. */
import { z } from 'zod';

export const DraftIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'invalid draft id');

export const DraftTitleSchema = z.string().trim().min(1, 'title is required').max(200, 'title is too long');

export const CreateDraftRequestSchema = z.object({ title: DraftTitleSchema });
export type CreateDraftRequest = z.infer<typeof CreateDraftRequestSchema>;

/** What the draft list shows. Room left for stage, summary and counts (later issues). */
export const DraftInfoSchema = z.object({
  id: DraftIdSchema,
  title: z.string(),
  ownerId: z.string(),
  ownerName: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type DraftInfo = z.infer<typeof DraftInfoSchema>;

export const DraftListResponseSchema = z.object({ drafts: z.array(DraftInfoSchema) });
export type DraftListResponse = z.infer<typeof DraftListResponseSchema>;

export const MeResponseSchema = z.object({ id: z.string(), name: z.string() });
export type MeResponse = z.infer<typeof MeResponseSchema>;

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
  'payload-too-large',
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
} as const;
