/**
 * A clip asked for outside the popup (context menu, shortcut) that waits for the user: for a draft
 * to be chosen, or for a decision because its source is already in the draft. It travels in the
 * popup tab's address and is validated there like any input.
 */
import { z } from 'zod';
import type { ClipRequest, IfSourceExists } from '../../shared/protocol/extension-messages';

const id = z.coerce.number().int().nonnegative();

export const WaitingClipSchema = z.object({
  kind: z.enum(['selection', 'link', 'image', 'video']),
  tabId: id,
  frameId: id.optional(),
  url: z
    .string()
    .max(4096)
    .refine((value) => /^https?:\/\//i.test(value))
    .optional(),
});
export type WaitingClip = z.infer<typeof WaitingClipSchema>;

/** The clip waiting in `?tab=&clip=&frame=&url=`, or null when the address names none (or a bad one). */
export function waitingClipFrom(search: string): WaitingClip | null {
  const params = new URLSearchParams(search);
  if (!params.get('clip')) return null;
  const parsed = WaitingClipSchema.safeParse({
    kind: params.get('clip'),
    tabId: params.get('tab'),
    frameId: params.get('frame') ?? undefined,
    url: params.get('url') ?? undefined,
  });
  return parsed.success ? parsed.data : null;
}

export function clipRequestFor(
  clip: WaitingClip,
  draftId: string,
  ifSourceExists: IfSourceExists = 'ask',
): ClipRequest {
  const frame = clip.frameId !== undefined ? { frameId: clip.frameId } : {};
  if (clip.kind === 'selection')
    return { type: 'clip-selection', tabId: clip.tabId, ...frame, draftId, ifSourceExists };
  return { type: 'clip-media', media: clip.kind, tabId: clip.tabId, ...frame, draftId, url: clip.url, ifSourceExists };
}
