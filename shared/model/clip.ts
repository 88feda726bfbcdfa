/** A clip as it travels from the page to a draft: validated content plus where it came from. */
import { z } from 'zod';

const httpUrl = z
  .string()
  .max(4096)
  .refine((value) => /^https?:\/\//i.test(value), { message: 'must be an http(s) URL' });

export const ClipSourceSchema = z.object({
  title: z.string().max(1000),
  url: httpUrl,
  siteName: z.string().max(300).nullable().default(null),
  author: z.string().max(300).nullable().default(null),
  publishedAt: z.string().max(100).nullable().default(null),
  licence: z.string().max(1000).nullable().default(null),
  /** The page's language (BCP 47, e.g. `id`, `en-US`), as it declares it. */
  language: z.string().max(35).nullable().default(null),
  /** The page's own summary (meta description), for the reader deciding whether to open it. */
  description: z.string().max(2000).nullable().default(null),
  /** ISO 8601 time of capture, set on the user's machine. */
  capturedAt: z.iso.datetime(),
});
export type ClipSource = z.infer<typeof ClipSourceSchema>;

/**
 * `selection`: what the user selected; `article`: the page's main content, found by extraction;
 * `bookmark`: a card naming the page (title as a link, its description), for a resource to read later;
 * `link`: a card for a linked resource; `image`: one image, stored with the draft; `video`: a card
 * linking to a video (YouTube or a page's `<video>`).
 */
export const ClipKindSchema = z.enum(['selection', 'article', 'bookmark', 'link', 'image', 'video']);
export type ClipKind = z.infer<typeof ClipKindSchema>;

/** ProseMirror node JSON; its shape is checked against the draft schema by parseClipContent. */
export const NodeJsonSchema: z.ZodType<NodeJson> = z.lazy(() =>
  z.object({
    type: z.string().max(64),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(NodeJsonSchema).max(10_000).optional(),
    marks: z
      .array(z.object({ type: z.string().max(64), attrs: z.record(z.string(), z.unknown()).optional() }))
      .max(32)
      .optional(),
    text: z.string().max(1_000_000).optional(),
  }),
);
export interface NodeJson {
  type: string;
  attrs?: Record<string, unknown>;
  content?: NodeJson[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
}

export const ClipSchema = z.object({
  /** Chosen once when the clip is taken; makes delivery idempotent (never doubled). */
  clipId: z.uuid(),
  draftId: z.string().min(1).max(64),
  kind: ClipKindSchema,
  source: ClipSourceSchema,
  /**
   * Added to an existing source card (same page clipped again) instead of a new card: the clipId of
   * that card. If the card is gone by delivery time, the clip becomes a card of its own.
   */
  addTo: z.string().min(1).max(64).optional(),
  /**
   * Placed at the end of this section of the draft (see draftSections in ./draft-doc.ts) instead of
   * at the end of the draft. If the heading is gone by delivery time, the clip goes at the end.
   */
  underHeading: z.object({ text: z.string().max(500), index: z.number().int().nonnegative().max(10_000) }).optional(),
  /** Block nodes (already sanitised and parsed by the draft schema in the page). */
  content: z.array(NodeJsonSchema).min(1).max(5_000),
});
export type Clip = z.infer<typeof ClipSchema>;
