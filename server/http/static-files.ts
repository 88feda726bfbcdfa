/** Serves the built web editor (WXT output) from one directory: safe paths, right content types, fresh HTML. */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export const EDITOR_PAGE = '/editor.html';
/** The web editor's service worker; it must be revalidated on every load to pick up a new build. */
export const SERVICE_WORKER_PATH = '/web-sw.js';

/**
 * The file a URL path names inside `root`, or null when the path is malformed or escapes it
 * (`..`, encoded slashes, NUL bytes, hidden files).
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').slice(1);
  if (segments.some((segment) => segment === '..' || segment.startsWith('.'))) return null;
  const base = resolve(root);
  const file = resolve(base, ...segments);
  return file.startsWith(base + sep) ? file : null;
}

export function cacheControlFor(urlPath: string): string {
  if (urlPath.endsWith('.html') || urlPath === SERVICE_WORKER_PATH) return 'no-cache';
  // Vite puts a content hash in every file name under these two folders.
  if (urlPath.startsWith('/chunks/') || urlPath.startsWith('/assets/')) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}

function sendText(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache', ...headers });
  response.end(text);
}

const BUILD_HINT =
  'Dampingi server is running, but the web editor is not built yet.\n' +
  'Run `npm run build` (or `npm start`, which builds and serves), then reload this page.\n';

export async function serveStaticFile(
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
  webDir: string,
): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    sendText(response, 405, 'Method not allowed\n', { allow: 'GET, HEAD' });
    return;
  }
  const webDirExists = await stat(webDir).then(
    (info) => info.isDirectory(),
    () => false,
  );
  if (!webDirExists && (pathname === '/' || pathname === EDITOR_PAGE)) {
    sendText(response, 503, BUILD_HINT);
    return;
  }
  if (pathname === '/') {
    const query = request.url?.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    response.writeHead(302, { location: `${EDITOR_PAGE}${query}`, 'cache-control': 'no-cache' });
    response.end();
    return;
  }
  const file = resolveStaticPath(webDir, pathname);
  const info = file ? await stat(file).catch(() => null) : null;
  if (!file || !info?.isFile()) {
    sendText(response, 404, 'Not found\n');
    return;
  }
  response.writeHead(200, {
    'content-type': contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': info.size,
    'cache-control': cacheControlFor(pathname),
    'last-modified': info.mtime.toUTCString(),
    'x-content-type-options': 'nosniff',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file)
    .on('error', () => response.destroy())
    .pipe(response);
}
