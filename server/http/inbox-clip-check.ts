/**
 * An inbox clip is checked as a draft will check it when it is placed: the draft schema (the final
 * allowlist) and pictures stored in it, never by address (shared/model/content-images.ts). So the
 * inbox never holds what a draft would refuse. Imported lazily (the draft schema is large: see template-kit.ts).
 */
import type { NodeJson } from '../../shared/model/clip';
import { clipToNode } from '../../shared/model/clip-to-node';
import { isStoredImageSource } from '../../shared/model/content-images';
import type { InboxClip } from '../../shared/protocol/clip-inbox-api';

/** Null when the clip may wait in the inbox; else what is wrong with it, in a sentence. */
export function inboxClipProblem(clip: InboxClip): string | null {
  const foreign = pictures(clip.content).find((src) => !isStoredImageSource(src));
  if (foreign !== undefined)
    return `a picture must be stored in the clip (a data: URL), not ${String(foreign).slice(0, 80)}`;
  const checked = clipToNode({ ...clip, draftId: 'inbox' });
  return checked.ok ? null : `the content does not fit the draft: ${checked.detail}`;
}

function pictures(nodes: readonly NodeJson[]): unknown[] {
  return nodes.flatMap((node) => (node.type === 'image' ? [node.attrs?.src] : pictures(node.content ?? [])));
}
