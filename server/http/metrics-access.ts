/**
 * Who may read `/metrics` (room counts, refusals and process names are for operators, not the
 * public): on the public port only with `Authorization: Bearer <DAMPINGI_METRICS_TOKEN>`; on the
 * loopback-only metrics port (DAMPINGI_METRICS_PORT) anyone on the machine. Neither set: 404.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bearerToken } from '../auth/authenticate';
import type { ServerMetrics } from '../metrics';
import { apiError, type JsonReply, sendJson } from './json';
import { setSecurityHeaders } from './security-headers';

export const METRICS_PATH = '/metrics';

export type MetricsAccess = 'serve' | 'not-found' | 'unauthorized';

/** Equal-time comparison of digests, so neither the content nor the length of the token leaks. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export function publicMetricsAccess(token: string | null, authorization: string | undefined): MetricsAccess {
  if (token === null) return 'not-found';
  const given = bearerToken(authorization);
  return given !== null && sameSecret(given, token) ? 'serve' : 'unauthorized';
}

type MetricsSource = Pick<ServerMetrics, 'render'>;

async function sendMetrics(response: ServerResponse, metrics: MetricsSource): Promise<void> {
  const { contentType, body } = await metrics.render();
  response.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' }).end(body);
}

function notFound(response: ServerResponse): void {
  response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
}

const unauthorized: JsonReply = {
  ...apiError(401, 'unauthorized', 'send the metrics token as Authorization: Bearer <token>'),
  headers: { 'www-authenticate': 'Bearer realm="metrics"' },
};

/** `/metrics` on the public port: 404 unless a token is configured, then only to that token. */
export async function answerPublicMetrics(
  request: IncomingMessage,
  response: ServerResponse,
  token: string | null,
  metrics: MetricsSource,
): Promise<void> {
  const access = publicMetricsAccess(token, request.headers.authorization);
  if (access === 'not-found') notFound(response);
  else if (access === 'unauthorized') sendJson(response, unauthorized);
  else if (request.method !== 'GET')
    sendJson(response, { ...apiError(405, 'bad-request', 'GET only'), headers: { allow: 'GET' } });
  else await sendMetrics(response, metrics);
}

export interface MetricsServer {
  readonly url: string;
  close(): Promise<void>;
}

/** A second listener, on 127.0.0.1 only, that serves nothing but `/metrics`. `port` 0 picks a free one. */
export async function startMetricsServer(
  port: number,
  metrics: MetricsSource,
  onError: (error: unknown) => void,
): Promise<MetricsServer> {
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    setSecurityHeaders(response, 'api', undefined);
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (pathname !== METRICS_PATH || request.method !== 'GET') {
      notFound(response);
      return;
    }
    sendMetrics(response, metrics).catch((error: unknown) => {
      onError(error);
      if (!response.headersSent) response.writeHead(500).end();
      else response.destroy();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', fail);
      done();
    });
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}${METRICS_PATH}`,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
