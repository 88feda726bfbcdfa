/** JSON over plain `node:http`: reading a size-limited body, and sending results and `{ error: { code, message } }`. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiErrorCode, ApiErrorResponse } from '../../shared/protocol/api';

/** What a route answers; routes return values, the router writes them. */
export interface JsonReply {
  status: number;
  body: unknown;
  /** Arrays for headers sent several times (Set-Cookie). */
  headers?: Record<string, string | string[]>;
}

/** A redirect (a browser navigation, e.g. coming back from the school's sign-in page). */
export function redirectReply(location: string, headers: Record<string, string | string[]> = {}): JsonReply {
  return { status: 303, body: null, headers: { location, ...headers } };
}

export function apiError(status: number, code: ApiErrorCode, message: string): JsonReply {
  const body: ApiErrorResponse = { error: { code, message } };
  return { status, body };
}

export function sendJson(response: ServerResponse, reply: JsonReply): void {
  if (reply.status === 204) {
    response.writeHead(204, { 'cache-control': 'no-store', ...reply.headers }).end();
    return;
  }
  const text = JSON.stringify(reply.body);
  response.writeHead(reply.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...reply.headers,
  });
  response.end(text);
}

export type JsonBodyResult = { ok: true; value: unknown } | { ok: false; reply: JsonReply };

export async function readJsonBody(request: IncomingMessage, maxBytes: number): Promise<JsonBodyResult> {
  const contentType = request.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(contentType)) {
    return { ok: false, reply: apiError(415, 'bad-request', 'content-type must be application/json') };
  }
  const tooLarge = (): JsonBodyResult => ({
    ok: false,
    reply: {
      ...apiError(413, 'payload-too-large', `body is larger than ${maxBytes} bytes`),
      headers: { connection: 'close' },
    },
  });
  if (Number(request.headers['content-length'] ?? 0) > maxBytes) return tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.byteLength;
    if (size > maxBytes) return tooLarge();
    chunks.push(buffer);
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
  } catch {
    return { ok: false, reply: apiError(400, 'bad-request', 'body is not valid JSON') };
  }
}
