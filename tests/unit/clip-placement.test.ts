/** Where a delivered clip lands: at the end of the draft, or at the end of a chosen section. */
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type Clip, ClipSchema } from '../../shared/model/clip';
import { appendClip, draftFragment, draftPlainText, draftSections } from '../../shared/model/draft-doc';
import { draftSchema } from '../../shared/model/draft-extensions';
import { BackgroundRequestSchema } from '../../shared/protocol/extension-messages';

const heading = (level: number, text: string) => ({
  type: 'heading',
  attrs: { level },
  content: [{ type: 'text', text }],
});
const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

function lkpd(): Y.Doc {
  const doc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(
    draftSchema(),
    {
      type: 'doc',
      content: [
        heading(1, 'LKPD Fotosintesis'),
        heading(2, 'Tujuan'),
        paragraph('Siswa menjelaskan fotosintesis.'),
        heading(2, 'Bahan bacaan'),
        paragraph('Bacalah teks berikut.'),
        heading(3, 'Untuk guru'),
        paragraph('Catatan guru.'),
        heading(2, 'Refleksi'),
        paragraph('Apa yang kamu pelajari?'),
      ],
    },
    draftFragment(doc),
  );
  return doc;
}

function clip(text: string, more: Partial<Clip> = {}): Clip {
  return ClipSchema.parse({
    clipId: crypto.randomUUID(),
    draftId: 'draft-0001',
    kind: 'selection',
    source: { title: 'Sumber', url: 'https://example.org/a', capturedAt: '2026-11-23T08:00:00.000Z' },
    content: [paragraph(text)],
    ...more,
  });
}

const lines = (doc: Y.Doc) => draftPlainText(doc).split('\n');

describe('placing a clip in the draft', () => {
  it('offers the draft’s headings as sections, in order, with their level', () => {
    expect(draftSections(lkpd())).toEqual([
      { index: 0, text: 'LKPD Fotosintesis', level: 1 },
      { index: 1, text: 'Tujuan', level: 2 },
      { index: 2, text: 'Bahan bacaan', level: 2 },
      { index: 3, text: 'Untuk guru', level: 3 },
      { index: 4, text: 'Refleksi', level: 2 },
    ]);
  });

  it('a clip under a heading lands at the end of that section, after its subsections, before the next heading', () => {
    const doc = lkpd();
    expect(appendClip(doc, clip('Kutipan bacaan.', { underHeading: { text: 'Bahan bacaan', index: 2 } })).ok).toBe(
      true,
    );
    const all = lines(doc);
    expect(all.indexOf('Kutipan bacaan.')).toBe(all.indexOf('Catatan guru.') + 1);
    expect(all.indexOf('Refleksi')).toBe(all.indexOf('Kutipan bacaan.') + 1);
  });

  it('a clip under the last heading, or with no place, lands at the end', () => {
    const doc = lkpd();
    appendClip(doc, clip('Di refleksi.', { underHeading: { text: 'Refleksi', index: 4 } }));
    appendClip(doc, clip('Di akhir.'));
    expect(lines(doc).slice(-2)).toEqual(['Di refleksi.', 'Di akhir.']);
  });

  it('a heading that moved is found by its text; a heading that is gone sends the clip to the end', () => {
    const doc = lkpd();
    appendClip(doc, clip('Tujuan tambahan.', { underHeading: { text: 'Tujuan', index: 7 } }));
    const all = lines(doc);
    expect(all.indexOf('Tujuan tambahan.')).toBe(all.indexOf('Siswa menjelaskan fotosintesis.') + 1);
    appendClip(doc, clip('Tanpa tempat.', { underHeading: { text: 'Dihapus', index: 1 } }));
    expect(lines(doc).at(-1)).toBe('Tanpa tempat.');
  });

  it('a clip delivered twice is still added once', () => {
    const doc = lkpd();
    const once = clip('Sekali saja.', { underHeading: { text: 'Tujuan', index: 1 } });
    appendClip(doc, once);
    expect(appendClip(doc, once)).toEqual({ ok: true, duplicate: true });
    expect(lines(doc).filter((line) => line === 'Sekali saja.')).toHaveLength(1);
  });
});

describe('asking the background to place a clip', () => {
  it('a clip request may name a section; the draft’s sections can be asked for; a bad section is refused', () => {
    const request = {
      type: 'clip-selection',
      tabId: 7,
      draftId: 'draft-0001',
      underHeading: { text: 'Bahan bacaan', index: 2 },
    };
    expect(BackgroundRequestSchema.parse(request)).toMatchObject({ underHeading: { text: 'Bahan bacaan', index: 2 } });
    expect(BackgroundRequestSchema.safeParse({ type: 'draft-sections', draftId: 'draft-0001' }).success).toBe(true);
    expect(BackgroundRequestSchema.safeParse({ ...request, underHeading: { text: 'x', index: -1 } }).success).toBe(
      false,
    );
  });
});
