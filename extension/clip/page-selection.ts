/**
 * Validates what the injected `readSelection` returned (hostile input: the page controls its DOM)
 * and turns the page metadata into a clip source.
 */
import { z } from 'zod';
import type { ClipSource } from '../../shared/model/clip';
import { MAX_SELECTION_HTML } from '../../shared/protocol/extension-messages';

/** Long text is cut rather than refused: a page with an absurd title can still be clipped. */
const text = (max: number) =>
  z
    .string()
    .transform((value) => value.replace(/\s+/g, ' ').trim().slice(0, max))
    .nullable()
    .transform((value) => (value ? value : null));

export const PageSelectionSchema = z.object({
  empty: z.boolean(),
  html: z.string().max(MAX_SELECTION_HTML),
  title: z.string().transform((value) => value.replace(/\s+/g, ' ').trim().slice(0, 1000)),
  url: z.string().max(4096),
  siteName: text(300),
  author: text(300),
  publishedAt: text(100),
  licence: text(1000),
  language: text(35)
    .optional()
    .transform((value) => value ?? null),
  description: text(2000)
    .optional()
    .transform((value) => value ?? null),
});
export type PageSelection = z.infer<typeof PageSelectionSchema>;

export type PageSelectionResult =
  | { ok: true; selection: PageSelection }
  | { ok: false; reason: 'invalid-page-data' | 'selection-too-large' | 'page-not-clippable' | 'nothing-selected' };

export function parsePageSelection(raw: unknown): PageSelectionResult {
  const page = parsePageSource(raw);
  if (!page.ok) return page;
  if (page.selection.empty || page.selection.html.trim() === '') return { ok: false, reason: 'nothing-selected' };
  return page;
}

/** The page's metadata (title, address, site, author...) whether or not anything is selected. */
export function parsePageSource(raw: unknown): PageSelectionResult {
  const parsed = PageSelectionSchema.safeParse(raw);
  if (!parsed.success) {
    const tooLarge = parsed.error.issues.some((issue) => issue.path[0] === 'html' && issue.code === 'too_big');
    return { ok: false, reason: tooLarge ? 'selection-too-large' : 'invalid-page-data' };
  }
  if (!isHttpUrl(parsed.data.url)) return { ok: false, reason: 'page-not-clippable' };
  return { ok: true, selection: parsed.data };
}

export function clipSourceOf(selection: PageSelection, capturedAt: Date): ClipSource {
  return {
    title: selection.title || selection.url,
    url: selection.url,
    siteName: selection.siteName,
    author: selection.author,
    publishedAt: selection.publishedAt,
    licence: selection.licence && isHttpUrl(selection.licence) ? selection.licence : null,
    language: selection.language,
    description: selection.description,
    capturedAt: capturedAt.toISOString(),
  };
}

/** Only web pages can be clipped; chrome://, file://, extension pages and the like cannot. */
export function isHttpUrl(value: string | undefined | null): boolean {
  if (!value) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
