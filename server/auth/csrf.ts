/**
 * CSRF protection for the web app's cookie session, in two layers: a change must come from this
 * server's own page (its Origin), and carry the session's CSRF token in a header. The token is an
 * HMAC of the session id, so it needs no storage and a page of another site can neither read nor
 * guess it (it sits in a cookie only this site's pages can read).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { CSRF_HEADER } from '../../shared/protocol/auth-api';

export function csrfKey(tokenSecret: Uint8Array): Buffer {
  return createHmac('sha256', tokenSecret).update('dampingi csrf v1').digest();
}

export function csrfTokenFor(key: Buffer, sessionId: string): string {
  return createHmac('sha256', key).update(sessionId).digest('base64url');
}

export function csrfHeaderMatches(key: Buffer, sessionId: string, headers: IncomingHttpHeaders): boolean {
  const sent = headers[CSRF_HEADER];
  if (typeof sent !== 'string' || sent.length > 128) return false;
  const expected = Buffer.from(csrfTokenFor(key, sessionId));
  const given = Buffer.from(sent);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The request comes from a page of this server: its Origin is this server's (by the Host it was
 * sent to, or the configured public address). Without an Origin header, Sec-Fetch-Site must say
 * same-origin; a request with neither is no browser's page (e.g. curl) and cannot carry a victim's cookie
 * anyway, but it is refused too: cookie sessions are for the web app only.
 */
export function isOwnOrigin(headers: IncomingHttpHeaders, publicOrigin: string | null): boolean {
  const origin = headers.origin;
  if (origin === undefined) return headers['sec-fetch-site'] === 'same-origin';
  if (publicOrigin !== null && origin === publicOrigin) return true;
  const host = headers.host;
  return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
}
