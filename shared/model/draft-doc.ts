/** Operations on a draft's Y.Doc that are not keystrokes: appending clips, finding them, reading text. */
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import type { Clip } from './clip';
import { CLIP_NODE_NAME } from './clip-node';
import { type ClipNodeResult, clipToNode } from './clip-to-node';
import { DRAFT_CONTENT_FIELD, draftSchema } from './draft-extensions';

export function draftFragment(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(DRAFT_CONTENT_FIELD);
}

/** Where a clip in the draft came from: what its card shows, and what a reference to the source needs. */
export interface ClipInDraft {
  clipId: string;
  sourceTitle: string;
  sourceUrl: string;
  capturedAt: string;
  kind: string | null;
  siteName: string | null;
  author: string | null;
  publishedAt: string | null;
  licence: string | null;
}

/** Every clip block in the draft, in document order (nested ones included). */
export function clipsInDraft(doc: Y.Doc): ClipInDraft[] {
  const clips: ClipInDraft[] = [];
  const text = (element: Y.XmlElement, name: string) => {
    const value = element.getAttribute(name);
    return typeof value === 'string' ? value : '';
  };
  const optional = (element: Y.XmlElement, name: string) => text(element, name) || null;
  const walk = (type: Y.XmlFragment | Y.XmlElement) => {
    for (const child of type.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (child.nodeName === CLIP_NODE_NAME && text(child, 'clipId')) {
        clips.push({
          clipId: text(child, 'clipId'),
          sourceTitle: text(child, 'sourceTitle'),
          sourceUrl: text(child, 'sourceUrl'),
          capturedAt: text(child, 'capturedAt'),
          kind: optional(child, 'kind'),
          siteName: optional(child, 'siteName'),
          author: optional(child, 'author'),
          publishedAt: optional(child, 'publishedAt'),
          licence: optional(child, 'licence'),
        });
      }
      walk(child);
    }
  };
  walk(draftFragment(doc));
  return clips;
}

/** Ids of all clips in the draft, so a clip delivered twice is recognised. */
export function clipIdsInDraft(doc: Y.Doc): Set<string> {
  return new Set(clipsInDraft(doc).map((clip) => clip.clipId));
}

export type AppendClipResult = ClipNodeResult | { ok: true; duplicate: true };

/** The clip block with this id, wherever it is in the draft. */
function clipElement(doc: Y.Doc, clipId: string): Y.XmlElement | null {
  const find = (type: Y.XmlFragment | Y.XmlElement): Y.XmlElement | null => {
    for (const child of type.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (child.nodeName === CLIP_NODE_NAME && child.getAttribute('clipId') === clipId) return child;
      const found = find(child);
      if (found) return found;
    }
    return null;
  };
  return find(draftFragment(doc));
}

/** A section of the draft: a top-level heading, the n-th (`index`) in document order. */
export interface DraftSection {
  index: number;
  text: string;
  level: number;
}

/** The draft's top-level headings, offered as places for a clip. */
export function draftSections(doc: Y.Doc): DraftSection[] {
  return topLevelHeadings(draftFragment(doc)).map(({ index, text, level }) => ({ index, text, level }));
}

function topLevelHeadings(fragment: Y.XmlFragment) {
  const headings: (DraftSection & { at: number })[] = [];
  fragment.toArray().forEach((child, at) => {
    if (!(child instanceof Y.XmlElement) || child.nodeName !== 'heading') return;
    const level = Number(child.getAttribute('level')) || 1;
    headings.push({ index: headings.length, text: elementText(child).trim(), level, at });
  });
  return headings;
}

/** The text of a block, without the marks Y.XmlText.toString() would write as tags. */
function elementText(element: Y.XmlElement | Y.XmlText): string {
  if (element instanceof Y.XmlText) {
    const delta = element.toDelta() as { insert?: unknown }[];
    return delta.map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
  }
  return element
    .toArray()
    .map((child) => (child instanceof Y.XmlElement || child instanceof Y.XmlText ? elementText(child) : ''))
    .join('');
}

/**
 * Where a clip placed under `heading` goes among the top-level blocks: at the end of that heading's
 * section (before the next heading of the same or a higher level). The heading is found by its
 * place and text, else by its text alone (headings added above it since); gone, it is the end.
 */
function sectionEnd(fragment: Y.XmlFragment, heading: { text: string; index: number }): number {
  const headings = topLevelHeadings(fragment);
  const text = heading.text.trim();
  const found =
    headings.find((candidate) => candidate.index === heading.index && candidate.text === text) ??
    headings.find((candidate) => candidate.text === text);
  if (!found) return fragment.length;
  const next = headings.find((candidate) => candidate.at > found.at && candidate.level <= found.level);
  return next ? next.at : fragment.length;
}

/**
 * Appends a clip block at the end of the draft, or of the section it is placed under, or of the
 * source card it is added to, in one transaction. Idempotent by clipId.
 * The block is built in a scratch document by the same converter the editor binding uses,
 * then copied in, so the Yjs shape is exactly what Tiptap would have produced.
 */
export function appendClip(doc: Y.Doc, clip: Clip, origin: unknown = 'clip'): AppendClipResult {
  if (clipIdsInDraft(doc).has(clip.clipId)) return { ok: true, duplicate: true };
  const built = clipToNode(clip);
  if (!built.ok) return built;
  const scratch = new Y.Doc();
  const scratchFragment = scratch.getXmlFragment('scratch');
  prosemirrorJSONToYXmlFragment(draftSchema(), { type: 'doc', content: [built.node.toJSON()] }, scratchFragment);
  const copies = scratchFragment.toArray().map((item) => (item as Y.XmlElement).clone());
  const card = clip.addTo ? clipElement(doc, clip.addTo) : null;
  const parent = card ?? draftFragment(doc);
  const at = !card && clip.underHeading ? sectionEnd(draftFragment(doc), clip.underHeading) : parent.length;
  doc.transact(() => {
    parent.insert(at, copies);
  }, origin);
  scratch.destroy();
  return built;
}

/** Plain text of the draft, block per line; used by tests and summaries. */
export function draftPlainText(doc: Y.Doc): string {
  const root = yXmlFragmentToProseMirrorRootNode(draftFragment(doc), draftSchema());
  return root.textBetween(0, root.content.size, '\n', '\n');
}
