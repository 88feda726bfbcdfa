// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { htmlToClipContent } from '../../extension/clip/html-to-nodes';
import { ClipSchema, type NodeJson } from '../../shared/model/clip';
import { clipToNode } from '../../shared/model/clip-to-node';

function convert(html: string): NodeJson[] {
  const result = htmlToClipContent(html, document);
  if (!result.ok) throw new Error(result.reason);
  return result.content;
}

function asClip(content: NodeJson[]) {
  return ClipSchema.parse({
    clipId: crypto.randomUUID(),
    draftId: 'draft-0001',
    kind: 'selection',
    source: { title: 'Sumber', url: 'https://example.org/a', capturedAt: new Date().toISOString() },
    content,
  });
}

const types = (nodes: NodeJson[] | undefined): string[] => (nodes ?? []).map((node) => node.type);
const marksOf = (nodes: NodeJson[]): string[] =>
  nodes.flatMap((node) => [...(node.marks ?? []).map((mark) => mark.type), ...marksOf(node.content ?? [])]);

describe('clipped HTML becomes draft nodes that the draft schema accepts', () => {
  it('paragraph with bold, italic and a link', () => {
    const content = convert(
      '<p>Tumbuhan membuat <strong>makanan</strong> dengan <em>cahaya</em>, lihat <a href="https://example.org/k">klorofil</a>.</p>',
    );
    expect(types(content)).toEqual(['paragraph']);
    expect(marksOf(content).sort()).toEqual(['bold', 'italic', 'link']);
    expect(clipToNode(asClip(content)).ok).toBe(true);
  });

  it('headings, lists, tables and images keep their structure', () => {
    const content = convert(
      [
        '<h2>Kebutuhan</h2>',
        '<ul><li>Cahaya</li><li>Air</li></ul>',
        '<ol><li>Satu</li></ol>',
        '<table><tbody><tr><th>Bahan</th><td>Jumlah</td></tr></tbody></table>',
        '<p><img src="https://example.org/daun.png" alt="daun"></p>',
      ].join(''),
    );
    // Images are blocks in the draft schema.
    expect(types(content)).toEqual(['heading', 'bulletList', 'orderedList', 'table', 'image']);
    expect(content[1]?.content).toHaveLength(2);
    expect(JSON.stringify(content)).toContain('"type":"image"');
    expect(clipToNode(asClip(content)).ok).toBe(true);
  });

  it('list items selected without their list are wrapped into one', () => {
    const content = convert('<li>Cahaya</li><li>Air</li>');
    expect(types(content)).toEqual(['bulletList']);
    expect(clipToNode(asClip(content)).ok).toBe(true);
  });

  it('hostile markup leaves only text and safe links behind, and the result is still valid', () => {
    const content = convert(
      '<p>Baca <a href="javascript:alert(1)" onclick="x()">tautan</a> <img src="x" onerror="y()"> dan <a href="https://example.org/k">klorofil</a>.</p><script>z()</script>',
    );
    const json = JSON.stringify(content);
    expect(json).not.toMatch(/javascript:|onclick|onerror|z\(\)/);
    expect(json).toContain('https://example.org/k');
    expect(clipToNode(asClip(content)).ok).toBe(true);
  });

  it('a selection of only removed things counts as nothing selected', () => {
    expect(htmlToClipContent('<script>x()</script><button>Kirim</button>', document)).toEqual({
      ok: false,
      reason: 'nothing-selected',
    });
    expect(htmlToClipContent('<p>   </p>', document)).toEqual({ ok: false, reason: 'nothing-selected' });
  });
});
