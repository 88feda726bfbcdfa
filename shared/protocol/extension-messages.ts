/**
 * Messages between the extension's pages and its background, sent with `runtime.sendMessage`.
 *
 *   popup / side panel / context menu ──request──▶ background ──reply──▶ sender
 *   background ──writes──▶ outbox state in browser.storage.local ──watched by──▶ popup / side panel
 *   background ──offscreen-convert-html / offscreen-extract-article──▶ offscreen document ──reply──▶ background
 *
 * Every request is a union member on `type` and is validated with zod by the receiver (a message
 * is input like any other). Every reply is `{ ok: true, ... }` or `{ ok: false, reason }`; reasons
 * are stable keys the UI translates (`clip.reason.<reason>` in shared/i18n/catalogs/clip.ts).
 * `runtime.sendMessage` reaches every extension page, so a listener answers only the requests it
 * owns and stays silent on the rest.
 */
import { z } from 'zod';
import { NodeJsonSchema } from '../model/clip';
import { DraftIdSchema } from '../model/ids';

/** Why a clip could not be taken at all (nothing was stored). */
export const ClipFailureReasonSchema = z.enum([
  'not-signed-in',
  'page-not-clippable',
  'nothing-selected',
  'selection-too-large',
  'invalid-page-data',
  'conversion-failed',
  'invalid-content',
  'outbox-failed',
  'no-video',
  'bad-message',
  'internal',
]);
export type ClipFailureReason = z.infer<typeof ClipFailureReasonSchema>;

/** Why a stored clip is still waiting in the outbox (it will be retried). */
export const DeliveryProblemSchema = z.enum([
  'offline',
  'not-signed-in',
  'unauthorized',
  'forbidden',
  'not-found',
  'other-server',
  'server-error',
  'timeout',
  'invalid-content',
]);
export type DeliveryProblem = z.infer<typeof DeliveryProblemSchema>;

const tabId = z.number().int().nonnegative();

/**
 * What to do when the clip's source is already a source card in the draft, found when the clip is
 * delivered: `ask`, the default (the clip is held in the outbox and the answer is `source-exists`),
 * add the clip to that card, or make a new card anyway.
 */
export const SourceChoiceSchema = z.enum(['ask', 'add-to-existing', 'new-source']);
export type IfSourceExists = z.infer<typeof SourceChoiceSchema>;
export const IfSourceExistsSchema = SourceChoiceSchema.optional();

/** The user's answer for a clip held because its source is already in the draft. */
export const SourceDecisionSchema = z.enum(['add-to-existing', 'new-source']);
export type SourceDecision = z.infer<typeof SourceDecisionSchema>;

/** A section of the draft (a top-level heading, by place and text) the clip is placed at the end of. */
export const UnderHeadingSchema = z
  .object({ text: z.string().max(500), index: z.number().int().nonnegative().max(10_000) })
  .optional();

export const ClipSelectionRequestSchema = z.object({
  type: z.literal('clip-selection'),
  tabId,
  /** The frame holding the selection (context menu); the top frame when absent. */
  frameId: z.number().int().nonnegative().optional(),
  draftId: DraftIdSchema,
  ifSourceExists: IfSourceExistsSchema,
  underHeading: UnderHeadingSchema,
});
/** The whole article of the tab (its main content, found by extraction), with its metadata. */
export const ClipArticleRequestSchema = z.object({
  type: z.literal('clip-article'),
  tabId,
  draftId: DraftIdSchema,
  ifSourceExists: IfSourceExistsSchema,
  underHeading: UnderHeadingSchema,
});
/** The tab's page as a bookmark card: its title as a link, its description, its source. */
export const ClipBookmarkRequestSchema = z.object({
  type: z.literal('clip-bookmark'),
  tabId,
  draftId: DraftIdSchema,
  ifSourceExists: IfSourceExistsSchema,
  underHeading: UnderHeadingSchema,
});
/**
 * A link, an image or a video of the tab (context menu, or the popup's "Klip video"). `url` is the
 * link's target or the image's address as the browser reported it; a video without `url` is the
 * page's first video (or the page itself on YouTube).
 */
export const ClipMediaRequestSchema = z.object({
  type: z.literal('clip-media'),
  media: z.enum(['link', 'image', 'video']),
  tabId,
  frameId: z.number().int().nonnegative().optional(),
  draftId: DraftIdSchema,
  url: z.string().max(4096).optional(),
  ifSourceExists: IfSourceExistsSchema,
  underHeading: UnderHeadingSchema,
});
export type ClipMediaRequest = z.infer<typeof ClipMediaRequestSchema>;
export const OutboxStatusRequestSchema = z.object({ type: z.literal('outbox-status') });
export const RetryOutboxRequestSchema = z.object({ type: z.literal('retry-outbox') });
/** The user decided about a clip held in the outbox because its source is already in the draft. */
export const DecideSourceRequestSchema = z.object({
  type: z.literal('decide-source'),
  clipId: z.uuid(),
  decision: SourceDecisionSchema,
});
/** The user cancelled a held clip: it leaves the outbox without being delivered. */
export const DiscardClipRequestSchema = z.object({ type: z.literal('discard-clip'), clipId: z.uuid() });
/** The draft's sections (top-level headings), read from the copy the background syncs, to place a clip. */
export const DraftSectionsRequestSchema = z.object({ type: z.literal('draft-sections'), draftId: DraftIdSchema });

/** What the popup (or any extension page) may ask the background. */
export const BackgroundRequestSchema = z.discriminatedUnion('type', [
  ClipSelectionRequestSchema,
  ClipArticleRequestSchema,
  ClipBookmarkRequestSchema,
  ClipMediaRequestSchema,
  OutboxStatusRequestSchema,
  RetryOutboxRequestSchema,
  DecideSourceRequestSchema,
  DiscardClipRequestSchema,
  DraftSectionsRequestSchema,
]);
export type BackgroundRequest = z.infer<typeof BackgroundRequestSchema>;
/** The requests that clip something from a tab into a draft. */
export type ClipRequest = Exclude<Extract<BackgroundRequest, { draftId: string }>, { type: 'draft-sections' }>;

const failure = <R extends z.ZodType>(reason: R) => z.object({ ok: z.literal(false), reason });

export const ClipSelectionReplySchema = z.union([
  z.object({ ok: z.literal(true), clipId: z.uuid(), delivery: z.literal('delivered') }),
  z.object({
    ok: z.literal(true),
    clipId: z.uuid(),
    delivery: z.literal('queued'),
    problem: DeliveryProblemSchema.nullable(),
  }),
  failure(ClipFailureReasonSchema),
  /** The clip is held in the outbox until the user decides (`decide-source` or `discard-clip`). */
  z.object({
    ok: z.literal(false),
    reason: z.literal('source-exists'),
    existing: z.object({ title: z.string().max(1000), url: z.string().max(4096) }),
  }),
]);
export type ClipSelectionReply = z.infer<typeof ClipSelectionReplySchema>;

export const OutboxFailureReasonSchema = z.enum(['outbox-failed', 'bad-message', 'internal']);

export const OutboxStatusReplySchema = z.union([
  z.object({
    ok: z.literal(true),
    pending: z.number().int().nonnegative(),
    /** The most recent reason a waiting clip was not delivered, if any. */
    problem: DeliveryProblemSchema.nullable(),
  }),
  failure(OutboxFailureReasonSchema),
]);
export type OutboxStatusReply = z.infer<typeof OutboxStatusReplySchema>;

export const RetryOutboxReplySchema = z.union([
  z.object({
    ok: z.literal(true),
    delivered: z.number().int().nonnegative(),
    pending: z.number().int().nonnegative(),
    problem: DeliveryProblemSchema.nullable(),
  }),
  failure(OutboxFailureReasonSchema),
]);
export type RetryOutboxReply = z.infer<typeof RetryOutboxReplySchema>;

export const DiscardClipReplySchema = z.union([z.object({ ok: z.literal(true) }), failure(OutboxFailureReasonSchema)]);
export type DiscardClipReply = z.infer<typeof DiscardClipReplySchema>;

export const DraftSectionsReplySchema = z.union([
  z.object({
    ok: z.literal(true),
    sections: z
      .array(z.object({ index: z.number().int().nonnegative(), text: z.string(), level: z.number().int() }))
      .max(10_000),
  }),
  failure(z.enum(['not-signed-in', 'bad-message', 'internal'])),
]);
export type DraftSectionsReply = z.infer<typeof DraftSectionsReplySchema>;

export const backgroundReplySchemas = {
  'clip-selection': ClipSelectionReplySchema,
  'clip-article': ClipSelectionReplySchema,
  'clip-bookmark': ClipSelectionReplySchema,
  'clip-media': ClipSelectionReplySchema,
  'outbox-status': OutboxStatusReplySchema,
  'retry-outbox': RetryOutboxReplySchema,
  'decide-source': ClipSelectionReplySchema,
  'discard-clip': DiscardClipReplySchema,
  'draft-sections': DraftSectionsReplySchema,
} as const satisfies Record<BackgroundRequest['type'], z.ZodType>;

export type BackgroundReply<T extends BackgroundRequest['type']> = z.infer<(typeof backgroundReplySchemas)[T]>;

/** Largest selection HTML accepted from a page (the offscreen document parses it). */
export const MAX_SELECTION_HTML = 2_000_000;

/** Background → offscreen document: sanitise this HTML and parse it with the draft schema. */
export const OffscreenConvertRequestSchema = z.object({
  type: z.literal('offscreen-convert-html'),
  html: z.string().max(MAX_SELECTION_HTML),
});
export type OffscreenConvertRequest = z.infer<typeof OffscreenConvertRequestSchema>;

export const OffscreenConvertReplySchema = z.union([
  z.object({ ok: z.literal(true), content: z.array(NodeJsonSchema).min(1).max(5_000) }),
  failure(z.enum(['nothing-selected', 'conversion-failed'])),
]);
export type OffscreenConvertReply = z.infer<typeof OffscreenConvertReplySchema>;

/** Largest page HTML read for an article clip (the offscreen document parses and extracts it). */
export const MAX_PAGE_HTML = 10_000_000;

/** Background → offscreen document: find this page's article, sanitise it, parse it with the draft schema. */
export const OffscreenExtractArticleRequestSchema = z.object({
  type: z.literal('offscreen-extract-article'),
  /** `article`: the main content; `bookmark`: a card made of the page's title, link and description. */
  mode: z.enum(['article', 'bookmark']),
  html: z.string().max(MAX_PAGE_HTML),
  url: z.string().max(4096),
});
export type OffscreenExtractArticleRequest = z.infer<typeof OffscreenExtractArticleRequestSchema>;

const metaText = (max: number) => z.string().max(max).nullable();

export const OffscreenExtractArticleReplySchema = z.union([
  z.object({
    ok: z.literal(true),
    content: z.array(NodeJsonSchema).min(1).max(5_000),
    metadata: z.object({
      title: metaText(1000),
      byline: metaText(300),
      siteName: metaText(300),
      publishedTime: metaText(100),
      licence: metaText(1000),
      canonicalUrl: metaText(4096),
      excerpt: metaText(2000),
      lang: metaText(35),
      leadImage: metaText(4096),
    }),
  }),
  failure(z.enum(['nothing-selected', 'conversion-failed'])),
]);
export type OffscreenExtractArticleReply = z.infer<typeof OffscreenExtractArticleReplySchema>;
