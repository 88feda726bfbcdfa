/**
 * The HTTP entry point: security headers on every answer, then `/metrics` (operators only), the
 * JSON API (CORS for this server's and the extension's pages only) or the static web editor.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { loggablePath } from '../logger';
import type { ServerMetrics } from '../metrics';
import { type ApiContext, handleApiRequest, isApiPath } from './api-routes';
import { type CorsPolicy, corsFor } from './cors';
import { apiError, sendJson } from './json';
import { answerPublicMetrics, METRICS_PATH } from './metrics-access';
import { setSecurityHeaders } from './security-headers';
import { answerShareWithoutWorker, isShareTargetPost } from './share-target-fallback';
import { serveStaticFile } from './static-files';

export interface HttpHandlerOptions extends ApiContext {
  webDir: string;
  /** Prometheus text exposition at `/metrics`. */
  metrics: Pick<ServerMetrics, 'render'>;
  /** Null: `/metrics` is not served on this port (see metrics-access.ts). */
  metricsToken: string | null;
  cors: CorsPolicy;
}

export function createHttpHandler(options: HttpHandlerOptions) {
  const { logger } = options;
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = loggablePath(request.url);
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    logger.debug({ method: request.method, path }, 'http request');
    const api = isApiPath(pathname) || pathname === METRICS_PATH;
    setSecurityHeaders(response, api ? 'api' : 'page', request.headers.host);
    try {
      if (pathname === METRICS_PATH) {
        await answerPublicMetrics(request, response, options.metricsToken, options.metrics);
        return;
      }
      if (isShareTargetPost(request, pathname)) {
        answerShareWithoutWorker(request, response);
        return;
      }
      if (!api) {
        await serveStaticFile(request, response, pathname, options.webDir);
        return;
      }
      // Answers differ by Origin, so a shared cache must not hand one origin's answer to another.
      response.setHeader('vary', 'Origin');
      const cors = corsFor(options.cors, request.headers.origin, request.headers.host);
      if (cors.kind === 'allowed') {
        for (const [name, value] of Object.entries(cors.headers)) response.setHeader(name, value);
      }
      if (request.method === 'OPTIONS') {
        if (cors.kind === 'refused') sendJson(response, apiError(403, 'forbidden', 'this origin may not call the API'));
        else response.writeHead(204).end();
        return;
      }
      sendJson(response, await handleApiRequest(request, pathname, options));
    } catch (error) {
      logger.error({ err: error, method: request.method, path }, 'http request failed');
      if (!response.headersSent) sendJson(response, apiError(500, 'internal', 'internal server error'));
      else response.destroy();
    }
  };
}
