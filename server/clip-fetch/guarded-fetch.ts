/**
 * Fetching one resource from the public web for a clip: every hop checked by the address guard,
 * redirects followed by hand (each target checked again from scratch, at most `maxRedirects`), the
 * content type checked before the body is read, the body counted while it streams (decompressed)
 * and dropped over the limit, all within the clip's deadline. Sends no cookies and no credentials.
 */
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { ClipRefusedError, refuse } from './clip-refusal';
import type { HostResolver } from './fetch-settings';
import { checkTarget, parseWebUrl } from './host-check';
import type { Transport, TransportResponse } from './http-transport';

export type ResourceKind = 'page' | 'image';

export interface GuardedFetchOptions {
  kind: ResourceKind;
  maxBytes: number;
  maxRedirects: number;
  allowLoopback: boolean;
  resolve: HostResolver;
  transport: Transport;
  /** The clip's deadline: aborted when its time is up. */
  signal: AbortSignal;
  userAgent: string;
  /** Sent with pictures, as a browser would (some sites refuse pictures without it). */
  referer?: string;
}

export interface FetchedResource {
  /** Where the body came from, after redirects. */
  url: URL;
  /** The media type, lower case, without parameters. */
  mediaType: string;
  /** The `charset` parameter of the content type, if any. */
  charset: string | null;
  body: Buffer;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const PAGE_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const ACCEPT: Record<ResourceKind, string> = {
  page: 'text/html,application/xhtml+xml;q=0.9',
  image: 'image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9,image/*;q=0.8',
};

export async function guardedFetch(address: string, options: GuardedFetchOptions): Promise<FetchedResource> {
  let url = parseWebUrl(address);
  for (let redirects = 0; ; redirects += 1) {
    const target = await checkTarget(url, {
      resolve: options.resolve,
      allowLoopback: options.allowLoopback,
      signal: options.signal,
    });
    const response = await send(options, async () => {
      // An aborted signal may never fire again: a hop that starts after the deadline does not start.
      if (options.signal.aborted) throw new Error('aborted');
      return options.transport({ target, headers: requestHeaders(options), signal: options.signal });
    });
    if (REDIRECTS.has(response.status)) {
      response.discard();
      const location = headerText(response.headers.location);
      if (!location) refuse('unreachable', `a redirect (${response.status}) without a Location`);
      if (redirects >= options.maxRedirects)
        refuse('too-many-redirects', `more than ${options.maxRedirects} redirects`);
      url = parseWebUrl(location, url);
      continue;
    }
    return await readResponse(url, response, options);
  }
}

function requestHeaders(options: GuardedFetchOptions): Record<string, string> {
  return {
    'user-agent': options.userAgent,
    accept: ACCEPT[options.kind],
    'accept-language': 'id,en;q=0.8',
    'accept-encoding': 'gzip, deflate, br',
    ...(options.referer ? { referer: options.referer } : {}),
  };
}

async function readResponse(
  url: URL,
  response: TransportResponse,
  options: GuardedFetchOptions,
): Promise<FetchedResource> {
  try {
    if (response.status < 200 || response.status > 299) {
      refuse('unreachable', `the site answered ${response.status}`);
    }
    const [type = '', ...parameters] = (headerText(response.headers['content-type']) ?? '').split(';');
    const mediaType = type.trim().toLowerCase();
    const wanted = options.kind === 'page' ? PAGE_TYPES.has(mediaType) : mediaType.startsWith('image/');
    if (!wanted) refuse('not-a-page', `the answer is ${mediaType || 'of no stated type'}, not ${options.kind}`);
    const charset =
      parameters
        .map((parameter) => /^\s*charset\s*=\s*"?([^";\s]+)"?\s*$/i.exec(parameter)?.[1])
        .find((value) => value !== undefined) ?? null;
    const encoding = (headerText(response.headers['content-encoding']) ?? 'identity').trim().toLowerCase();
    const declared = Number(headerText(response.headers['content-length']) ?? Number.NaN);
    if (encoding === 'identity' && declared > options.maxBytes) refuse('too-large', `${declared} bytes`);
    const body = await send(options, () => readLimited(decoded(response.body, encoding), options.maxBytes));
    return { url, mediaType, charset, body };
  } finally {
    response.discard();
  }
}

function decoded(body: TransportResponse['body'], encoding: string): AsyncIterable<Uint8Array> {
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? createGunzip()
      : encoding === 'deflate'
        ? createInflate()
        : encoding === 'br'
          ? createBrotliDecompress()
          : encoding === 'identity' || encoding === ''
            ? null
            : refuse('unreachable', `the body is encoded as ${encoding}`);
  if (!decoder) return body;
  // A broken source ends the decoder with the source's error.
  (body as Readable).once('error', (error) => decoder.destroy(error));
  return (body as Readable).pipe(decoder);
}

/** Reads until the end or one byte over the limit (then stops reading: the rest is never downloaded). */
async function readLimited(body: AsyncIterable<Uint8Array>, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > maxBytes) refuse('too-large', `more than ${maxBytes} bytes`);
    chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  }
  return Buffer.concat(chunks, size);
}

/** Network failures become `unreachable`, or `timeout` once the deadline has passed; refusals pass. */
async function send<T>(options: GuardedFetchOptions, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (options.signal.aborted) refuse('timeout', 'the time to fetch the page ran out');
    if (error instanceof ClipRefusedError) throw error;
    const code = (error as { code?: unknown }).code;
    refuse('unreachable', `the site could not be reached${typeof code === 'string' ? ` (${code})` : ''}`);
  }
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
