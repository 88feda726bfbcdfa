/**
 * The web app's session cookies: `dampingi_session` holds the signed session token (HttpOnly, so
 * no script — nor an injected one — can read it), `dampingi_csrf` the CSRF token the page sends
 * back as a header. SameSite=Lax keeps both off other sites' requests; Secure under HTTPS.
 */
import type { IncomingMessage } from 'node:http';
import { parseCookie, stringifySetCookie } from 'cookie';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../shared/protocol/auth-api';

/** Longer than any token of ours; a longer cookie is ignored rather than parsed. */
const MAX_COOKIE_HEADER = 8192;

export function readCookie(request: Pick<IncomingMessage, 'headers'>, name: string): string | null {
  const header = request.headers.cookie;
  if (!header || header.length > MAX_COOKIE_HEADER) return null;
  return parseCookie(header)[name] ?? null;
}

export function sessionTokenFromCookie(request: Pick<IncomingMessage, 'headers'>): string | null {
  return readCookie(request, SESSION_COOKIE);
}

export interface CookieOptions {
  secure: boolean;
}

/** Set-Cookie values for a session token valid until `expiresAt` (ms). */
export function sessionCookies(token: string, csrfToken: string, expiresAt: number, options: CookieOptions): string[] {
  const expires = new Date(expiresAt);
  const common = { path: '/', sameSite: 'lax' as const, secure: options.secure, expires };
  return [
    stringifySetCookie({ name: SESSION_COOKIE, value: token, httpOnly: true, ...common }),
    stringifySetCookie({ name: CSRF_COOKIE, value: csrfToken, httpOnly: false, ...common }),
  ];
}

export function clearedSessionCookies(options: CookieOptions): string[] {
  const common = { path: '/', sameSite: 'lax' as const, secure: options.secure, maxAge: 0, expires: new Date(0) };
  return [
    stringifySetCookie({ name: SESSION_COOKIE, value: '', httpOnly: true, ...common }),
    stringifySetCookie({ name: CSRF_COOKIE, value: '', httpOnly: false, ...common }),
  ];
}
