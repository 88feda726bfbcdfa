/**
 * Headers every response carries (no referrer, no sniffing, never in a frame), and the
 * Content-Security-Policy of the web editor's pages: only this server's scripts, styles, images
 * and connections, so injected markup can neither run nor send a draft or a token elsewhere.
 */
import type { ServerResponse } from 'node:http';

/** A Host header we may repeat inside a policy: a name or address and a port, nothing that could add a directive. */
const HOST_PATTERN = /^(?:[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

export function policyHost(host: string | undefined): string | null {
  return host && host.length <= 255 && HOST_PATTERN.test(host) ? host.toLowerCase() : null;
}

/**
 * `host`: the Host the page was asked for. The sync socket is `ws(s)://` on that host, which
 * `'self'` does not cover in every browser; both schemes are listed because a TLS proxy in front
 * makes the page https while this server sees http (a browser never lets an https page use ws:).
 */
export function editorContentSecurityPolicy(host: string | null): string {
  const sockets = host ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Tiptap adds its base styles as a <style> element, and table markup carries style attributes
    // (column widths, alignment). Inline CSS cannot send anything away: images, fonts and
    // connections stay limited to this server below.
    "style-src 'self' 'unsafe-inline'",
    // Clipped images are stored in the draft and shown as data: or blob: URLs, never hot-linked.
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${sockets}`,
    // The Word reader (import) and the offline service worker are files of this server.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** JSON, health and metrics are never rendered: nothing may load from them, nor frame them. */
export const API_CONTENT_SECURITY_POLICY =
  "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const everyResponse = {
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  // For browsers that ignore frame-ancestors.
  'x-frame-options': 'DENY',
} as const;

export type ResponseKind = 'page' | 'api';

/** Set before anything is written, so error answers and 404s carry them too. */
export function setSecurityHeaders(response: ServerResponse, kind: ResponseKind, host: string | undefined): void {
  for (const [name, value] of Object.entries(everyResponse)) response.setHeader(name, value);
  response.setHeader(
    'content-security-policy',
    kind === 'page' ? editorContentSecurityPolicy(policyHost(host)) : API_CONTENT_SECURITY_POLICY,
  );
}
