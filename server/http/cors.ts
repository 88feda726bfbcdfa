/**
 * Which web origins may read the JSON API's answers: this server's own pages and the extension's
 * pages. Any other origin gets no CORS headers (its page cannot read the answer) and its preflight
 * is refused, so it cannot even send a JSON request.
 */
import { policyHost } from './security-headers';

/** An extension page's origin: a scheme of its own and an id, no port, no path. */
export const EXTENSION_ORIGIN_PATTERN = /^(?:chrome-extension|moz-extension):\/\/[A-Za-z0-9-]+$/;

export interface CorsPolicy {
  /**
   * Extension origins allowed; null: any `chrome-extension://` or `moz-extension://` origin. That
   * default is safe because the API authenticates with a bearer token the caller must already hold
   * (never a cookie), and unpacked or self-built extensions get IDs nobody can list in advance.
   */
  extensionOrigins: readonly string[] | null;
}

/** `host`: the request's Host header; a page served by this server has that host as its origin. */
export function isAllowedOrigin(policy: CorsPolicy, origin: string, host: string | undefined): boolean {
  const ownHost = policyHost(host);
  if (ownHost && (origin === `http://${ownHost}` || origin === `https://${ownHost}`)) return true;
  if (!EXTENSION_ORIGIN_PATTERN.test(origin)) return false;
  return policy.extensionOrigins === null || policy.extensionOrigins.includes(origin);
}

const allowedRequest = {
  'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type',
  'access-control-max-age': '600',
};

export type CorsDecision =
  /** Same-origin or non-browser caller: nothing to add. */
  { kind: 'no-origin' } | { kind: 'allowed'; headers: Record<string, string> } | { kind: 'refused' };

export function corsFor(policy: CorsPolicy, origin: string | undefined, host: string | undefined): CorsDecision {
  if (origin === undefined) return { kind: 'no-origin' };
  if (!isAllowedOrigin(policy, origin, host)) return { kind: 'refused' };
  return { kind: 'allowed', headers: { 'access-control-allow-origin': origin, ...allowedRequest } };
}
