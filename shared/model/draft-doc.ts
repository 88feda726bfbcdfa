/** Operations on a draft's Y.Doc that are not keystrokes: appending clips, finding them, reading text. */
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import type { Clip } from '../protocol/clip';
import { CLIP_NODE_NAME } from './clip-node';
import { type ClipNodeResult, clipToNode } from './clip-to-node';
import { DRAFT_CONTENT_FIELD, draftSchema } from './draft-extensions';

export function draftFragment(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(DRAFT_CONTENT_FIELD);
}

/** Ids of all clips in the draft, so a clip delivered twice is recognised. */
export function clipIdsInDraft(doc: Y.Doc): Set<string> {
  const ids = new Set<string>();
  const walk = (type: Y.XmlFragment | Y.XmlElement) => {
    for (const child of type.toArray()) {
      if (child instanceof Y.XmlElement) {
        if (child.nodeName === CLIP_NODE_NAME) {
          const id = child.getAttribute('clipId');
          if (typeof id === 'string') ids.add(id);
        }
        walk(child);
      }
    }
  };
  walk(draftFragment(doc));
  return ids;
}

export type AppendClipResult = ClipNodeResult | { ok: true; duplicate: true };

/**
 * Appends a clip block at the end of the draft in one transaction. Idempotent by clipId.
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
  doc.transact(() => {
    const fragment = draftFragment(doc);
    fragment.insert(fragment.length, copies);
  }, origin);
  scratch.destroy();
  return built;
}

/** Plain text of the draft, block per line; used by tests and summaries. */
export function draftPlainText(doc: Y.Doc): string {
  const root = yXmlFragmentToProseMirrorRootNode(draftFragment(doc), draftSchema());
  return root.textBetween(0, root.content.size, '\n', '\n');
}
