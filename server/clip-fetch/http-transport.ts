/**
 * One GET to an address the guard checked (./host-check.ts): the connection goes to that address
 * whatever the DNS says now (a `lookup` that answers with it), while the Host header and TLS keep
 * the URL's name. No agent (no pooled sockets, no cookies), no proxy from the environment, no
 * credentials. Tests replace the transport to run redirect chains without connecting anywhere.
 */
import { request as httpRequest, type IncomingHttpHeaders, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { CheckedTarget } from './host-check';

export interface TransportRequest {
  target: CheckedTarget;
  headers: Record<string, string>;
  /** Aborts the connection and the body (the clip's deadline). */
  signal: AbortSignal;
}

export interface TransportResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body as sent (still compressed if `content-encoding` says so). */
  body: AsyncIterable<Uint8Array> & NodeJS.ReadableStream;
  /** Drops the connection without reading the rest. */
  discard(): void;
}

export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

export const httpTransport: Transport = ({ target, headers, signal }) =>
  new Promise((resolve, reject) => {
    const { url, hostname, address, family, addresses } = target;
    // The socket connects to checked addresses only. Asked for all (`autoSelectFamily`), Node tries
    // each in turn, so a name whose IPv6 address is unreachable from here is still fetched over IPv4.
    const pinned = ((_name: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
      if (options?.all) callback(null, addresses);
      else callback(null, address, family);
    }) as unknown as LookupFunction;
    // `autoSelectFamily` reaches net.connect (Node ≥ 18.13); @types/node 20 does not list it for http.
    const options: RequestOptions & { autoSelectFamily?: boolean } = {
      method: 'GET',
      hostname,
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      headers,
      lookup: pinned,
      autoSelectFamily: addresses.length > 1,
      agent: false,
      signal,
      // A page's headers are not a place to spend memory.
      maxHeaderSize: 32 * 1024,
    };
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(options, (response) => {
      resolve({
        status: response.statusCode ?? 0,
        headers: response.headers,
        body: response,
        discard: () => response.destroy(),
      });
    });
    request.once('error', reject);
    request.end();
  });
