/**
 * The public-address guard for one URL: http(s) only, no credentials in it, a host name that is not
 * private by name, and every address it resolves to public. The answer names the address to connect
 * to — the request is pinned to it (./http-transport.ts), so a second DNS answer (rebinding) cannot
 * send it elsewhere.
 */
import { isIP } from 'node:net';
import { type AddressClass, classifyAddress, isPrivateHostName } from './address-rules';
import { refuse } from './clip-refusal';
import type { HostResolver, ResolvedAddress } from './fetch-settings';

export interface CheckedTarget {
  url: URL;
  /** The host as the URL names it, without IPv6 brackets (TLS checks the certificate against it). */
  hostname: string;
  /** The checked address the connection goes to (the first of `addresses`). */
  address: string;
  family: 4 | 6;
  /** Every checked address of the name, all public: the connection may try them in turn (IPv6, then IPv4). */
  addresses: ResolvedAddress[];
}

export interface HostCheckOptions {
  resolve: HostResolver;
  /** Tests only: loopback counts as public (see fetch-settings.ts). */
  allowLoopback: boolean;
  signal: AbortSignal;
}

/** Parses an address typed or shared by a person; `bad-url` unless it is a plain http(s) URL. */
export function parseWebUrl(text: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    refuse('bad-url', 'not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') refuse('bad-url', `${url.protocol} is not http(s)`);
  if (url.username || url.password) refuse('bad-url', 'a URL with a user name or password is not fetched');
  if (!url.hostname) refuse('bad-url', 'the URL has no host');
  return url;
}

export async function checkTarget(url: URL, options: HostCheckOptions): Promise<CheckedTarget> {
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  const allowed = (kind: AddressClass) => kind === 'public' || (kind === 'loopback' && options.allowLoopback);
  const literal = isIP(hostname);
  if (literal !== 0) {
    if (!allowed(classifyAddress(hostname))) refuse('not-public', `${hostname} is not a public address`);
    const family = literal === 6 ? 6 : 4;
    return { url, hostname, address: hostname, family, addresses: [{ address: hostname, family }] };
  }
  if (isPrivateHostName(hostname)) refuse('not-public', `${hostname} names a private or metadata host`);
  const addresses = await resolveWithin(hostname, options);
  if (addresses.length === 0) refuse('unreachable', `${hostname} has no address`);
  // Any private answer refuses the host, even beside public ones: which one a later lookup returns is the attacker's choice.
  const refused = addresses.find((found) => !allowed(classifyAddress(found.address)));
  if (refused) refuse('not-public', `${hostname} resolves to ${refused.address}, which is not a public address`);
  const [first] = addresses as [ResolvedAddress];
  return { url, hostname, address: first.address, family: first.family, addresses };
}

async function resolveWithin(hostname: string, options: HostCheckOptions): Promise<ResolvedAddress[]> {
  const { signal } = options;
  if (signal.aborted) refuse('timeout', 'the time to fetch the page ran out');
  let onAbort: () => void = () => {};
  const aborted = new Promise<never>((_, fail) => {
    onAbort = () => fail(new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([options.resolve(hostname), aborted]);
  } catch {
    if (signal.aborted) refuse('timeout', 'the time to fetch the page ran out');
    refuse('unreachable', `${hostname} could not be resolved`);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
