/**
 * Clipping without the extension (a phone's share sheet) and the personal clip inbox ("Kotak klip"):
 * request and response bodies, validated with zod on both sides.
 *
 * - `POST /api/clips/from-url` — the server fetches a public page (guarded: public addresses only,
 *   checked after DNS and after every redirect) and runs the extension's own extraction on it; the
 *   answer is clip content ready to place, pictures already inside as `data:` URLs.
 * - `GET /api/inbox`, `PUT /api/inbox/:clipId`, `DELETE /api/inbox/:clipId` — the account's clips
 *   waiting to be placed. PUT is idempotent by clipId: the same clip sent twice is kept once.
 */
import { z } from 'zod';
import { ClipKindSchema, ClipSourceSchema, NodeJsonSchema } from '../model/clip';

export const ClipFromUrlRequestSchema = z.object({
  url: z
    .string()
    .trim()
    .min(1)
    .max(4096)
    .refine((value) => /^https?:\/\//i.test(value), { message: 'must be an http(s) URL' }),
  /** `article`: the page's main text; `bookmark`: a card naming the page. */
  mode: z.enum(['article', 'bookmark']).default('article'),
});
export type ClipFromUrlRequest = z.infer<typeof ClipFromUrlRequestSchema>;

/** Why the server would not or could not clip a page; the app words each one for a person. */
export const ClipFetchRefusalSchema = z.enum([
  /** Not a public internet address (loopback, private, link-local, multicast, cloud metadata…). */
  'not-public',
  /** Not http(s), or not a URL at all. */
  'bad-url',
  'too-many-redirects',
  'too-large',
  'timeout',
  /** The page answered with something that is not a web page (PDF, video…). */
  'not-a-page',
  /** The site answered with an error status, or could not be reached. */
  'unreachable',
  /** The page was read but nothing could be made of it. */
  'conversion-failed',
]);
export type ClipFetchRefusal = z.infer<typeof ClipFetchRefusalSchema>;

export const ClipFromUrlResponseSchema = z.object({
  kind: z.enum(['article', 'bookmark']),
  /** capturedAt is the server's time of fetching. */
  source: ClipSourceSchema,
  content: z.array(NodeJsonSchema).min(1).max(5_000),
});
export type ClipFromUrlResponse = z.infer<typeof ClipFromUrlResponseSchema>;

/** A refused fetch answers HTTP 422 with this body (other errors use ApiErrorResponseSchema). */
export const ClipFromUrlRefusedSchema = z.object({
  error: z.object({ code: z.literal('clip-refused'), reason: ClipFetchRefusalSchema, message: z.string() }),
});
export type ClipFromUrlRefused = z.infer<typeof ClipFromUrlRefusedSchema>;

/** A clip waiting in the inbox: a Clip without a draft yet. */
export const InboxClipSchema = z.object({
  clipId: z.uuid(),
  kind: ClipKindSchema,
  source: ClipSourceSchema,
  content: z.array(NodeJsonSchema).min(1).max(5_000),
  /** Where it came from, for the list ("dari ponsel", "dari ekstensi"). */
  origin: z.enum(['phone', 'extension', 'web']).default('web'),
});
export type InboxClip = z.infer<typeof InboxClipSchema>;

export const InboxItemSchema = InboxClipSchema.extend({ receivedAt: z.iso.datetime() });
export type InboxItem = z.infer<typeof InboxItemSchema>;

export const InboxListResponseSchema = z.object({ items: z.array(InboxItemSchema) });
export type InboxListResponse = z.infer<typeof InboxListResponseSchema>;

/**
 * The answer to PUT: 201 when stored now, 200 when the same clip was there already (a retry). The
 * clip itself is not sent back (it may be megabytes, on a phone's data plan).
 */
export const InboxPutResponseSchema = z.object({ clipId: z.uuid(), receivedAt: z.iso.datetime() });
export type InboxPutResponse = z.infer<typeof InboxPutResponseSchema>;

/**
 * Limits the server enforces (413 payload-too-large / 409 conflict when the inbox is full; 409 also
 * when a different clip is already stored under the same clipId). Guests (joined by a link with only
 * a name) have no inbox and cannot clip from a URL: 403.
 */
export const INBOX_LIMITS = {
  /** One clip's JSON, pictures included. */
  maxClipBytes: 8 * 1024 * 1024,
  maxItemsPerAccount: 500,
  /** All of one account's clips' JSON together; a clip past it is refused like one past the count (409). */
  maxBytesPerAccount: 64 * 1024 * 1024,
} as const;

export const clipInboxPaths = {
  fromUrl: '/api/clips/from-url',
  inbox: '/api/inbox',
  inboxItem: (clipId: string) => `/api/inbox/${encodeURIComponent(clipId)}`,
} as const;
