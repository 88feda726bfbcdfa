/**
 * One JSON call to the server, failures as values: what every API client module builds on. Two
 * ways of proving who calls: a bearer token (the extension), or — no token — the web app's session
 * cookie, which the browser sends by itself; every change then carries the CSRF cookie's value
 * back as a header, which a page of another site cannot read.
 */
import type { z } from 'zod';
import { type ApiErrorCode, ApiErrorResponseSchema } from '../../shared/protocol/api';
import { CSRF_COOKIE, CSRF_HEADER } from '../../shared/protocol/auth-api';

/** Every API error code, plus 'network' when the server could not be asked at all. */
export type ApiFailureReason = ApiErrorCode | 'network';
export type ApiResult<T> = { ok: true; value: T } | { ok: false; reason: ApiFailureReason; message: string };

export interface ApiCall {
  call<S extends z.ZodType>(path: string, schema: S, init?: RequestInit): Promise<ApiResult<z.infer<S>>>;
  /** The same call, answering with one part of the response body. */
  callFor<S extends z.ZodType, T>(
    path: string,
    schema: S,
    pick: (value: z.infer<S>) => T,
    init?: RequestInit,
  ): Promise<ApiResult<T>>;
}

/** A POST with a JSON body. */
export function post(body: unknown): RequestInit {
  return { method: 'POST', body: JSON.stringify(body) };
}

/** When an error body is missing or foreign (a proxy's page), the status still says what happened. */
function reasonOfStatus(status: number): ApiErrorCode {
  if (status >= 500) return 'internal';
  const known: Record<number, ApiErrorCode> = {
    401: 'unauthorized',
    403: 'forbidden',
    404: 'not-found',
    409: 'conflict',
    410: 'gone',
    413: 'payload-too-large',
    429: 'rate-limited',
    503: 'unavailable',
  };
  return known[status] ?? 'bad-request';
}

/** The CSRF cookie's value on a page served by the server; null elsewhere (extension pages, tests without a DOM). */
export function csrfFromCookies(cookieText: string | undefined = globalThis.document?.cookie): string | null {
  for (const part of (cookieText ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === CSRF_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return null;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function createApiCall(serverUrl: string, token: string | null, fetchImpl: typeof fetch = fetch): ApiCall {
  async function call<S extends z.ZodType>(
    path: string,
    schema: S,
    init: RequestInit = {},
  ): Promise<ApiResult<z.infer<S>>> {
    const method = (init.method ?? 'GET').toUpperCase();
    const csrf = token || SAFE_METHODS.has(method) ? null : csrfFromCookies();
    let response: Response;
    try {
      response = await fetchImpl(new URL(path, serverUrl), {
        ...init,
        // The web app's cookie goes only to its own server; an extension page sends none.
        credentials: 'same-origin',
        headers: {
          accept: 'application/json',
          ...(init.body ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(csrf ? { [CSRF_HEADER]: csrf } : {}),
        },
      });
    } catch (error) {
      return { ok: false, reason: 'network', message: error instanceof Error ? error.message : String(error) };
    }
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const parsed = ApiErrorResponseSchema.safeParse(body);
      if (parsed.success) return { ok: false, reason: parsed.data.error.code, message: parsed.data.error.message };
      return { ok: false, reason: reasonOfStatus(response.status), message: `HTTP ${response.status}` };
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) return { ok: false, reason: 'internal', message: 'unexpected response from server' };
    return { ok: true, value: parsed.data };
  }

  async function callFor<S extends z.ZodType, T>(
    path: string,
    schema: S,
    pick: (value: z.infer<S>) => T,
    init?: RequestInit,
  ): Promise<ApiResult<T>> {
    const result = await call(path, schema, init);
    return result.ok ? { ok: true, value: pick(result.value) } : result;
  }

  return { call, callFor };
}
