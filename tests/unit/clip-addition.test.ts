/**
 * A page clipped again into a draft that has it as a source: the new clip goes inside that source
 * card (an addition), once, merges with concurrent edits, and never gets lost if the card is gone.
 */
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type Clip, ClipSchema } from '../../shared/model/clip';
import { appendClip, clipsInDraft, draftFragment, draftPlainText } from '../../shared/model/draft-doc';
import { draftSchema } from '../../shared/model/draft-extensions';

function clipOf(text: string, addTo?: string): Clip {
  return ClipSchema.parse({
    clipId: crypto.randomUUID(),
    draftId: 'draft-0001',
    kind: 'selection',
    source: { title: 'Fotosintesis', url: 'https://example.org/fotosintesis', capturedAt: '2026-11-24T08:00:00.000Z' },
    content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
    ...(addTo ? { addTo } : {}),
  });
}

const topLevelClips = (doc: Y.Doc) =>
  draftFragment(doc)
    .toArray()
    .filter((node) => node instanceof Y.XmlElement && node.nodeName === 'clip');

describe('adding to an existing source card', () => {
  it('goes inside that card, after what it holds, and is a valid document', () => {
    const doc = new Y.Doc();
    const first = clipOf('Kutipan pertama');
    appendClip(doc, first);
    const addition = clipOf('Kutipan kedua', first.clipId);
    expect(appendClip(doc, addition).ok).toBe(true);
    expect(appendClip(doc, addition)).toEqual({ ok: true, duplicate: true });

    expect(topLevelClips(doc)).toHaveLength(1);
    expect(clipsInDraft(doc).map((clip) => clip.clipId)).toEqual([first.clipId, addition.clipId]);
    expect(draftPlainText(doc)).toBe('Kutipan pertama\nKutipan kedua');
    const root = yXmlFragmentToProseMirrorRootNode(draftFragment(doc), draftSchema());
    expect(() => root.check()).not.toThrow();
    expect(root.child(0).lastChild?.type.name).toBe('clip');
  });

  it('when the card was deleted meanwhile (an offline clip delivered later), the clip becomes its own card', () => {
    const teacher = new Y.Doc();
    const first = clipOf('Kutipan pertama');
    appendClip(teacher, first);
    const background = new Y.Doc();
    Y.applyUpdate(background, Y.encodeStateAsUpdate(teacher));
    // The teacher deletes the card while the background holds an addition to it.
    draftFragment(teacher).delete(0, 1);
    Y.applyUpdate(background, Y.encodeStateAsUpdate(teacher));
    appendClip(background, clipOf('Kutipan kedua', first.clipId));
    expect(topLevelClips(background)).toHaveLength(1);
    expect(draftPlainText(background)).toBe('Kutipan kedua');
  });
});
