/** Typed client for the server's JSON API. Failures are values with a message key, never throws. */
import type { z } from 'zod';
import {
  ApiErrorResponseSchema,
  apiPaths,
  type CreateDraftRequest,
  type DraftInfo,
  DraftInfoSchema,
  DraftListResponseSchema,
  type MeResponse,
  MeResponseSchema,
} from '../../shared/protocol/api';

export type ApiFailureReason =
  | 'network'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'bad-request'
  | 'payload-too-large'
  | 'internal';
export type ApiResult<T> = { ok: true; value: T } | { ok: false; reason: ApiFailureReason; message: string };

export interface ApiClient {
  me(): Promise<ApiResult<MeResponse>>;
  listDrafts(): Promise<ApiResult<DraftInfo[]>>;
  createDraft(request: CreateDraftRequest): Promise<ApiResult<DraftInfo>>;
}

export function createApiClient(serverUrl: string, token: string | null, fetchImpl: typeof fetch = fetch): ApiClient {
  async function call<S extends z.ZodType>(
    path: string,
    schema: S,
    init: RequestInit = {},
  ): Promise<ApiResult<z.infer<S>>> {
    let response: Response;
    try {
      response = await fetchImpl(new URL(path, serverUrl), {
        ...init,
        headers: {
          accept: 'application/json',
          ...(init.body ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      });
    } catch (error) {
      return { ok: false, reason: 'network', message: error instanceof Error ? error.message : String(error) };
    }
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const parsed = ApiErrorResponseSchema.safeParse(body);
      if (parsed.success) return { ok: false, reason: parsed.data.error.code, message: parsed.data.error.message };
      return {
        ok: false,
        reason: response.status >= 500 ? 'internal' : 'bad-request',
        message: `HTTP ${response.status}`,
      };
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) return { ok: false, reason: 'internal', message: 'unexpected response from server' };
    return { ok: true, value: parsed.data };
  }

  return {
    me: () => call(apiPaths.me, MeResponseSchema),
    listDrafts: async () => {
      const result = await call(apiPaths.drafts, DraftListResponseSchema);
      return result.ok ? { ok: true, value: result.value.drafts } : result;
    },
    createDraft: (request) => call(apiPaths.drafts, DraftInfoSchema, { method: 'POST', body: JSON.stringify(request) }),
  };
}
