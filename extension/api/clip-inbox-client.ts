/**
 * Clipping without the extension: the server's fetch of a shared address into clip content, and the
 * account's clip inbox ("Kotak klip"). Contract: shared/protocol/clip-inbox-api.ts. A refused fetch
 * comes back as its reason, so the app can word it for a person.
 */
import { z } from 'zod';
import { CSRF_HEADER } from '../../shared/protocol/auth-api';
import {
  type ClipFetchRefusal,
  ClipFromUrlRefusedSchema,
  type ClipFromUrlRequest,
  type ClipFromUrlResponse,
  ClipFromUrlResponseSchema,
  clipInboxPaths,
  type InboxClip,
  type InboxItem,
  InboxListResponseSchema,
} from '../../shared/protocol/clip-inbox-api';
import { type ApiFailureReason, type ApiResult, createApiCall, csrfFromCookies } from './api-transport';

export type FromUrlResult =
  | { ok: true; value: ClipFromUrlResponse }
  | { ok: false; refused: ClipFetchRefusal }
  | { ok: false; refused: null; reason: ApiFailureReason };

export interface ClipInboxClient {
  fromUrl(request: ClipFromUrlRequest): Promise<FromUrlResult>;
  list(): Promise<ApiResult<InboxItem[]>>;
  /** Idempotent by clipId: the same clip sent twice is kept once. */
  put(clip: InboxClip): Promise<ApiResult<void>>;
  remove(clipId: string): Promise<ApiResult<void>>;
}

/** PUT and DELETE answer with a small JSON body (or none) the app does not need. */
const AnyBody = z.unknown();

export function createClipInboxClient(
  serverUrl: string,
  token: string | null,
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
): ClipInboxClient {
  const { callFor } = createApiCall(serverUrl, token, fetchImpl);
  return {
    async fromUrl(request) {
      const csrf = token ? null : csrfFromCookies();
      let response: Response;
      try {
        response = await fetchImpl(new URL(clipInboxPaths.fromUrl, serverUrl), {
          method: 'POST',
          credentials: 'same-origin',
          headers: {
            accept: 'application/json',
            'content-type': 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(csrf ? { [CSRF_HEADER]: csrf } : {}),
          },
          body: JSON.stringify(request),
        });
      } catch {
        return { ok: false, refused: null, reason: 'network' };
      }
      const body: unknown = await response.json().catch(() => null);
      if (response.ok) {
        const parsed = ClipFromUrlResponseSchema.safeParse(body);
        return parsed.success ? { ok: true, value: parsed.data } : { ok: false, refused: null, reason: 'internal' };
      }
      const refused = ClipFromUrlRefusedSchema.safeParse(body);
      if (refused.success) return { ok: false, refused: refused.data.error.reason };
      return { ok: false, refused: null, reason: reasonOf(response.status) };
    },
    list: () => callFor(clipInboxPaths.inbox, InboxListResponseSchema, (value) => value.items),
    put: (clip) =>
      callFor(clipInboxPaths.inboxItem(clip.clipId), AnyBody, () => undefined, {
        method: 'PUT',
        body: JSON.stringify(clip),
      }),
    remove: (clipId) => callFor(clipInboxPaths.inboxItem(clipId), AnyBody, () => undefined, { method: 'DELETE' }),
  };
}

function reasonOf(status: number): ApiFailureReason {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 429) return 'rate-limited';
  return status >= 500 ? 'internal' : 'bad-request';
}
