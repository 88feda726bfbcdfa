/**
 * Pictures of a clip made on the server are stored in it: fetched (here: from a stub), checked by
 * their bytes, kept in page order within the budget; one that is not kept leaves its alt text.
 */
import { describe, expect, it } from 'vitest';
import { embedImages } from '../../../../server/clip-fetch/embed-images';
import { storedImageFromBytes, storedImageFromDataUrl } from '../../../../server/clip-fetch/page-extraction';
import type { NodeJson } from '../../../../shared/model/clip';
import { isStoredImageSource } from '../../../../shared/model/content-images';
import { pngBytes } from '../../../fixtures/png';

const small = pngBytes(4, 4);
const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>');

function image(src: string, alt?: string): NodeJson {
  return { type: 'image', attrs: { src, ...(alt ? { alt } : {}) } };
}

function sources(nodes: readonly NodeJson[]): string[] {
  return nodes.flatMap((node) => (node.type === 'image' ? [String(node.attrs?.src)] : sources(node.content ?? [])));
}

const files: Record<string, Buffer> = {
  'https://guru.example/a.png': small,
  'https://guru.example/b.png': small,
  'https://guru.example/c.png': small,
  'https://guru.example/gambar.svg': svg,
};

function deps(overrides: Partial<Parameters<typeof embedImages>[1]> = {}) {
  const fetched: string[] = [];
  return {
    fetched,
    deps: {
      fetchImage: async (url: string) => {
        fetched.push(url);
        const bytes = files[url];
        if (!bytes) throw new Error('unreachable');
        return bytes;
      },
      fromBytes: (bytes: Uint8Array) => storedImageFromBytes(bytes),
      fromDataUrl: (dataUrl: string) => storedImageFromDataUrl(dataUrl),
      maxImages: 12,
      maxImageBytesTotal: 1024 * 1024,
      ...overrides,
    },
  };
}

describe('pictures stored in a clip made on the server', () => {
  it('stores fetched pictures as data: URLs the content policy accepts; SVG and unreachable ones leave their alt text', async () => {
    const content: NodeJson[] = [
      image('https://guru.example/a.png', 'Kue lapis'),
      { type: 'blockquote', content: [image('https://guru.example/gambar.svg', 'Diagram pecahan')] },
      image('https://tidak-ada.example/x.png'),
      {
        type: 'table',
        content: [
          { type: 'tableRow', content: [{ type: 'tableCell', content: [image('https://tidak-ada.example/y.png')] }] },
        ],
      },
    ];
    const { deps: d } = deps();
    const result = await embedImages(content, d);
    expect(result.kept).toBe(1);
    expect(result.dropped).toBe(3);
    const kept = sources(result.content);
    expect(kept).toEqual([`data:image/png;base64,${small.toString('base64')}`]);
    expect(kept.every(isStoredImageSource)).toBe(true);
    expect(result.content[1]).toEqual({
      type: 'blockquote',
      content: [
        {
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: 'Diagram pecahan',
              marks: [{ type: 'italic' }, { type: 'link', attrs: { href: 'https://guru.example/gambar.svg' } }],
            },
          ],
        },
      ],
    });
    // Without alt text nothing is left; a table cell still holds a block.
    expect(result.content).toHaveLength(3);
    expect(JSON.stringify(result.content[2])).toContain('"type":"tableCell","content":[{"type":"paragraph"}]');
  });

  it('fetches at most the allowed number, keeps pictures in page order within the total, and checks a page’s own data: URLs', async () => {
    const { deps: d, fetched } = deps({ maxImages: 2, maxImageBytesTotal: small.length + 1 });
    const content = [
      image('https://guru.example/a.png'),
      image('https://guru.example/b.png', 'Kedua'),
      image('https://guru.example/c.png', 'Ketiga'),
    ];
    const result = await embedImages(content, d);
    expect(fetched).toEqual(['https://guru.example/a.png', 'https://guru.example/b.png']);
    expect(sources(result.content)).toHaveLength(1);
    expect(JSON.stringify(result.content)).toContain('Kedua');
    expect(JSON.stringify(result.content)).toContain('Ketiga');

    const fake = await embedImages([image('data:image/png;base64,PHN2Zz48L3N2Zz4=', 'Palsu')], deps().deps);
    expect(sources(fake.content)).toEqual([]);
  });
});
