/**
 * Which address a request comes from, for per-client limits: the socket's peer, or, behind a
 * trusted proxy (DAMPINGI_TRUST_PROXY), the address that proxy appended to `X-Forwarded-For`.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { isIP } from 'node:net';

/** What a request without a usable address is counted as (one shared bucket, never "unlimited"). */
export const UNKNOWN_ADDRESS = 'unknown';

/**
 * The last `X-Forwarded-For` entry is the one our proxy added; earlier entries are whatever the
 * client sent and can be forged, so they are never used.
 */
export function forwardedClient(header: string | string[] | undefined): string | null {
  const joined = Array.isArray(header) ? header.join(',') : header;
  const last = joined?.split(',').at(-1)?.trim();
  return last && isIP(normalise(last)) ? normalise(last) : null;
}

/** `::ffff:10.0.0.1` and `10.0.0.1` are one client; IPv6 in brackets or with a zone loses them. */
function normalise(address: string): string {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  return bare.toLowerCase().startsWith('::ffff:') && isIP(bare.slice(7)) === 4 ? bare.slice(7) : bare;
}

/** What of a request tells where it comes from (an IncomingMessage has both). */
export interface RequestOrigin {
  headers: IncomingHttpHeaders;
  socket: { remoteAddress?: string | undefined };
}

export function clientAddress(request: RequestOrigin, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = forwardedClient(request.headers['x-forwarded-for']);
    if (forwarded) return forwarded;
  }
  const peer = request.socket.remoteAddress;
  return peer ? normalise(peer) : UNKNOWN_ADDRESS;
}

/**
 * The key a per-client limit counts under: an IPv4 address, or an IPv6 address's /64 network
 * (one household or phone gets a whole /64 and can change addresses within it at will).
 */
export function clientLimitKey(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = '', tail] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  const groups = [...left, ...Array<string>(missing).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
