/** The HTTP entry point: JSON API (with CORS for the extension's pages) or the static web editor. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../logger';
import { loggablePath } from '../logger';
import type { ServerMetrics } from '../metrics';
import { type ApiContext, handleApiRequest, isApiPath } from './api-routes';
import { apiError, sendJson } from './json';
import { serveStaticFile } from './static-files';

export interface HttpHandlerOptions extends ApiContext {
  webDir: string;
  logger: Logger;
  /** Prometheus text exposition at `/metrics`. */
  metrics: Pick<ServerMetrics, 'render'>;
}

/**
 * Extension pages call the API from a `chrome-extension://` origin. Auth is a bearer token, never
 * a cookie, so allowing any origin exposes nothing a caller does not already hold.
 */
const corsHeaders = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type',
  'access-control-max-age': '600',
};

export function createHttpHandler(options: HttpHandlerOptions) {
  const { logger } = options;
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = loggablePath(request.url);
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    logger.debug({ method: request.method, path }, 'http request');
    try {
      if (pathname === '/metrics' && request.method === 'GET') {
        const { contentType, body } = await options.metrics.render();
        response.writeHead(200, { 'content-type': contentType }).end(body);
        return;
      }
      if (!isApiPath(pathname)) {
        await serveStaticFile(request, response, pathname, options.webDir);
        return;
      }
      for (const [name, value] of Object.entries(corsHeaders)) response.setHeader(name, value);
      if (request.method === 'OPTIONS') {
        response.writeHead(204).end();
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
