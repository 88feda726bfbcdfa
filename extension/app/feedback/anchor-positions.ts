/**
 * Anchors in the live editor. Made from a selection as Yjs relative positions into the content
 * (they follow every concurrent edit, offline merge and undo) plus the quote and its context;
 * followed back to document positions through the Yjs binding of the editor.
 *
 * The start sticks to the first quoted character and the end to the last, so text typed just
 * before or after the quote stays outside the highlight, and text typed inside it widens it.
 */
import type { EditorState } from '@tiptap/pm/state';
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { quoteContext } from '../../../shared/mentoring/anchor-text';
import { decodeRelativePosition, encodeRelativePosition } from '../../../shared/mentoring/relative-position';
import { type Anchor, MAX_QUOTE } from '../../../shared/mentoring/thread-schema';
import { documentText, offsetsOf, type PositionRange, positionsOf, trimOffsets } from './document-text';

type ProsemirrorMapping = Parameters<typeof relativePositionToAbsolutePosition>[3];

/** What of the editor's Yjs binding anchors need: the doc, the bound fragment, Y type → node. */
interface YBinding {
  doc: Y.Doc;
  type: Y.XmlFragment;
  mapping: ProsemirrorMapping;
}

function bindingOf(state: EditorState): YBinding | null {
  const binding = (ySyncPluginKey.getState(state) as { binding?: Partial<YBinding> | null } | undefined)?.binding;
  return binding?.doc && binding.type && binding.mapping ? (binding as YBinding) : null;
}

export type NewAnchor =
  | { ok: true; anchor: Anchor; range: PositionRange }
  | { ok: false; reason: 'no-text' | 'too-long' | 'not-ready' };

/** An anchor for the text in `range` (e.g. the selection), trimmed of surrounding spaces. */
export function createAnchor(state: EditorState, range: PositionRange): NewAnchor {
  const binding = bindingOf(state);
  if (!binding) return { ok: false, reason: 'not-ready' };
  const source = documentText(state.doc);
  const offsets = trimOffsets(source.text, offsetsOf(source, range));
  if (offsets.to - offsets.from > MAX_QUOTE) return { ok: false, reason: 'too-long' };
  const positions = positionsOf(source, offsets);
  if (!positions) return { ok: false, reason: 'no-text' };
  // y-tiptap makes positions that stick to the character before them: the one before `from + 1`
  // is the first quoted character, the one before `to` the last.
  const start = stickToCharacter(binding, positions.from + 1, 0);
  const end = stickToCharacter(binding, positions.to, -1);
  if (!start || !end) return { ok: false, reason: 'no-text' };
  return {
    ok: true,
    anchor: {
      start: encodeRelativePosition(start),
      end: encodeRelativePosition(end),
      ...quoteContext(source.text, offsets.from, offsets.to),
    },
    range: positions,
  };
}

/** A position bound to the character just before `after`; assoc 0 puts it before that character. */
function stickToCharacter(binding: YBinding, after: number, assoc: number): Y.RelativePosition | null {
  const position = absolutePositionToRelativePosition(after, binding.type, binding.mapping) as Y.RelativePosition;
  if (!position?.item) return null;
  return new Y.RelativePosition(position.type, position.tname, position.item, assoc);
}

/** Where an anchor's relative positions are now; `intact` is false once a quoted end character is gone. */
export interface FollowedRange extends PositionRange {
  intact: boolean;
}

export function followAnchor(state: EditorState, anchor: Pick<Anchor, 'start' | 'end'>): FollowedRange | null {
  const binding = bindingOf(state);
  if (!binding) return null;
  const start = followEndpoint(binding, decodeRelativePosition(anchor.start));
  const end = followEndpoint(binding, decodeRelativePosition(anchor.end));
  const size = state.doc.content.size;
  if (!start || !end || start.pos > size || end.pos > size) return null;
  return { from: start.pos, to: Math.max(start.pos, end.pos), intact: start.intact && end.intact };
}

function followEndpoint(
  binding: YBinding,
  position: Y.RelativePosition | null,
): { pos: number; intact: boolean } | null {
  if (!position) return null;
  const absolute = Y.createAbsolutePositionFromRelativePosition(position, binding.doc);
  if (!absolute || !isLive(absolute.type)) return null;
  let pos: number | null;
  if (absolute.type instanceof Y.XmlText) {
    // Counted from the start of its text: y-tiptap refuses item positions that land at the very
    // start of the document (a guard for dragged blocks), and a quote may start there.
    const textStart = relativePositionToAbsolutePosition(
      binding.doc,
      binding.type,
      Y.createRelativePositionFromTypeIndex(absolute.type, 0, -1),
      binding.mapping,
    );
    pos = textStart === null ? null : textStart + absolute.index;
  } else {
    pos = relativePositionToAbsolutePosition(binding.doc, binding.type, position, binding.mapping);
  }
  return pos === null ? null : { pos, intact: isLiveCharacter(binding.doc, position.item) };
}

/** Not inside anything deleted (a removed paragraph leaves its positions pointing nowhere). */
function isLive(type: Y.AbstractType<unknown>): boolean {
  for (let item = type._item; item; item = (item.parent as Y.AbstractType<unknown>)._item) {
    if (item.deleted) return false;
  }
  return true;
}

/** The character still exists (or was restored by undo, which re-creates it as a new item). */
function isLiveCharacter(doc: Y.Doc, id: Y.ID | null): boolean {
  if (!id) return true;
  const exists = (target: Y.ID) => Y.getState(doc.store, target.client) > target.clock;
  if (!exists(id)) return false;
  let struct: Y.Item | Y.GC = Y.getItem(doc.store, id);
  while (struct instanceof Y.Item && struct.redone && exists(struct.redone))
    struct = Y.getItem(doc.store, struct.redone);
  return struct instanceof Y.Item && !struct.deleted && isLive(struct.parent as Y.AbstractType<unknown>);
}
