// @vitest-environment jsdom
import { DOMSerializer } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type Clip, ClipSchema } from '../../shared/model/clip';
import { clipToNode } from '../../shared/model/clip-to-node';
import { appendClip, clipIdsInDraft, clipsInDraft, draftPlainText } from '../../shared/model/draft-doc';
import { draftSchema } from '../../shared/model/draft-extensions';

function makeClip(overrides: Partial<Clip> = {}): Clip {
  return ClipSchema.parse({
    clipId: crypto.randomUUID(),
    draftId: 'draft-0001',
    kind: 'selection',
    source: {
      title: 'Fotosintesis untuk kelas 5',
      url: 'https://example.org/fotosintesis',
      capturedAt: '2026-11-23T08:00:00.000Z',
    },
    content: [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Tumbuhan membuat ' },
          { type: 'text', text: 'makanan', marks: [{ type: 'bold' }] },
        ],
      },
    ],
    ...overrides,
  });
}

function renderClip(clip: Clip): HTMLElement {
  const result = clipToNode(clip);
  if (!result.ok) throw new Error(result.detail);
  const container = document.createElement('div');
  container.append(DOMSerializer.fromSchema(draftSchema()).serializeNode(result.node));
  return container;
}

describe('clip block in a draft', () => {
  it('a clip appended to a draft keeps its text, formatting and source', () => {
    const doc = new Y.Doc();
    const clip = makeClip();
    expect(appendClip(doc, clip).ok).toBe(true);
    expect(draftPlainText(doc)).toBe('Tumbuhan membuat makanan');
    const xml = doc.getXmlFragment('default').toString();
    expect(xml).toContain('sourceUrl="https://example.org/fotosintesis"');
    expect(xml).toContain('<bold>makanan</bold>');
  });

  it('the same clip delivered twice is in the draft once', () => {
    const doc = new Y.Doc();
    const clip = makeClip();
    appendClip(doc, clip);
    expect(appendClip(doc, clip)).toEqual({ ok: true, duplicate: true });
    expect([...clipIdsInDraft(doc)]).toEqual([clip.clipId]);
    expect(draftPlainText(doc)).toBe('Tumbuhan membuat makanan');
  });

  it('two clips delivered from two offline copies both survive the merge, each once', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    appendClip(a, makeClip({ content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Satu' }] }] }));
    appendClip(b, makeClip({ content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Dua' }] }] }));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(draftPlainText(a)).toBe(draftPlainText(b));
    expect(draftPlainText(a).split('\n').sort()).toEqual(['Dua', 'Satu']);
  });

  it('the clips of a draft are listed with their source, in document order', () => {
    const doc = new Y.Doc();
    const first = makeClip();
    const second = makeClip({
      kind: 'article',
      source: {
        ...first.source,
        title: 'Kedua',
        url: 'https://example.org/dua',
        siteName: 'Contoh',
        author: 'Dewi Lestari',
        publishedAt: '2025-09-02',
        licence: 'CC BY 4.0',
      },
    });
    appendClip(doc, first);
    appendClip(doc, second);
    expect(clipsInDraft(doc)).toEqual([
      {
        clipId: first.clipId,
        sourceTitle: 'Fotosintesis untuk kelas 5',
        sourceUrl: 'https://example.org/fotosintesis',
        capturedAt: '2026-11-23T08:00:00.000Z',
        kind: 'selection',
        siteName: null,
        author: null,
        publishedAt: null,
        licence: null,
      },
      {
        clipId: second.clipId,
        sourceTitle: 'Kedua',
        sourceUrl: 'https://example.org/dua',
        capturedAt: '2026-11-23T08:00:00.000Z',
        kind: 'article',
        siteName: 'Contoh',
        author: 'Dewi Lestari',
        publishedAt: '2025-09-02',
        licence: 'CC BY 4.0',
      },
    ]);
  });

  it('content the schema does not know is refused, the draft stays unchanged', () => {
    const doc = new Y.Doc();
    const result = appendClip(doc, makeClip({ content: [{ type: 'script', content: [] }] }));
    expect(result).toMatchObject({ ok: false, reason: 'invalid-content' });
    expect(doc.getXmlFragment('default').length).toBe(0);
  });

  it('an unknown mark (e.g. an event handler smuggled as a mark) is refused', () => {
    const bad = makeClip({
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'onclick' }] }] }],
    });
    expect(clipToNode(bad).ok).toBe(false);
  });

  it('the rendered clip card shows title, URL and capture time', () => {
    const html = renderClip(makeClip());
    const link = html.querySelector('header a');
    expect(link?.textContent).toBe('Fotosintesis untuk kelas 5');
    expect(link?.getAttribute('href')).toBe('https://example.org/fotosintesis');
    expect(html.querySelector('time')?.getAttribute('datetime')).toBe('2026-11-23T08:00:00.000Z');
  });

  it('a javascript: source URL is refused by the schema of clips', () => {
    const parsed = ClipSchema.safeParse({
      ...makeClip(),
      source: { ...makeClip().source, url: 'javascript:alert(1)' },
    });
    expect(parsed.success).toBe(false);
  });
});
