/**
 * Where a thread shows in the editor's document now: where its relative positions lead while its
 * quoted end characters still exist; otherwise (text retyped, a paragraph split through it, a
 * block moved) the quote found again by its context; failing that, what is left of the range;
 * and when nothing is left, detached — shown as such in the sidebar, never dropped.
 */
import type { Mapping } from '@tiptap/pm/transform';
import { type AnchorPlace, DETACHED, locateQuote, placeAnchor } from '../../../shared/mentoring/anchor-text';
import type { Anchor } from '../../../shared/mentoring/thread-schema';
import type { FollowedRange } from './anchor-positions';
import { type DocumentText, offsetsOf, positionsOf } from './document-text';

type Quote = Pick<Anchor, 'quote' | 'prefix' | 'suffix'>;

export function placeThread(source: DocumentText, anchor: Quote, followed: FollowedRange | null): AnchorPlace {
  const offsets = followed ? offsetsOf(source, followed) : null;
  let place: AnchorPlace = placeAnchor(source.text, anchor, offsets);
  if (followed && !followed.intact) {
    const found = locateQuote(source.text, anchor, offsets?.from ?? null);
    if (found) place = { status: 'reanchored', ...found };
  }
  if (place.status === 'detached') return DETACHED;
  const positions = positionsOf(source, place);
  return positions ? { status: place.status, ...positions } : DETACHED;
}

/**
 * The followed range through a local edit, as Yjs will see it once the edit reaches it: the start
 * stays before the first quoted character, the end after the last; deleting either breaks it.
 */
export function mapFollowedRange(range: FollowedRange | null, mapping: Mapping): FollowedRange | null {
  if (!range) return null;
  const start = mapping.mapResult(range.from, 1);
  const end = mapping.mapResult(range.to, -1);
  return {
    from: start.pos,
    to: Math.max(start.pos, end.pos),
    intact: range.intact && !start.deletedAfter && !end.deletedBefore,
  };
}
