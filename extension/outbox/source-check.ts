/**
 * Is a clip's page already a source in its draft? Decided on delivery, against the draft as the
 * server has it (the local copy when offline): append the clip as it is, add it to that source
 * card, or hold it for the user to decide.
 */
import type { Clip } from '../../shared/model/clip';
import type { ClipInDraft } from '../../shared/model/draft-doc';
import { sourceKey } from '../../shared/model/source-url';
import type { OutboxEntry, SourceInDraft } from './outbox';

export type SourceCheck = { append: Clip } | { ask: SourceInDraft };

/** Longest clipId `Clip.addTo` holds; a longer id in the draft was not written by us. */
const MAX_ADD_TO = 64;

export function checkSource(entry: Pick<OutboxEntry, 'clip' | 'ifSourceExists'>, clips: ClipInDraft[]): SourceCheck {
  const { clip, ifSourceExists } = entry;
  // Decided already: by the user, by an earlier delivery (addTo), or the clip is in the draft (a retry).
  if (ifSourceExists === 'new-source' || clip.addTo !== undefined) return { append: clip };
  if (clips.some((inDraft) => inDraft.clipId === clip.clipId)) return { append: clip };
  const key = sourceKey(clip.source.url);
  const existing = key ? clips.find((inDraft) => sourceKey(inDraft.sourceUrl) === key) : undefined;
  if (!existing) return { append: clip };
  if (ifSourceExists === 'ask') {
    return { ask: { title: existing.sourceTitle.slice(0, 1000), url: existing.sourceUrl.slice(0, 4096) } };
  }
  return existing.clipId.length <= MAX_ADD_TO ? { append: { ...clip, addTo: existing.clipId } } : { append: clip };
}
