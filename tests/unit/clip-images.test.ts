/**
 * Images are stored with the draft: fetched in the page, else by the extension, checked by their
 * bytes, size-limited; one that cannot be kept becomes a placeholder with its source link.
 */
import { describe, expect, it } from 'vitest';
import { type StoreImagesDeps, storeImages } from '../../extension/background/store-images';
import { imageTypeOf, MAX_IMAGE_BYTES, storedImageFromDataUrl } from '../../extension/clip/stored-image';
import { downscalePicture } from '../../extension/pictures/downscale-picture';
import { base64ToBytes } from '../../shared/encoding/base64';
import type { NodeJson } from '../../shared/model/clip';
import { pngBytes } from '../fixtures/png';
import { standInCanvas } from './support/picture-canvas';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
const dataUrl = (type: string, bytes: Uint8Array) => `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;

/** The downscaler on a stand-in canvas (Node has none); the tiny test bytes above it cannot decode. */
const downscale: StoreImagesDeps['downscale'] = (bytes) =>
  downscalePicture(bytes, standInCanvas({ transparent: true }));

const image = (src: string, alt?: string): NodeJson => ({ type: 'image', attrs: { src, alt: alt ?? null } });
const words: StoreImagesDeps['placeholderText'] = (alt) => ({
  notice: alt ? `Gambar "${alt}" tidak dapat disimpan di draf.` : 'Gambar tidak dapat disimpan di draf.',
  linkText: 'Lihat gambar di sumbernya',
});

describe('image bytes', () => {
  it('the type comes from the bytes, not from what the server or page claims; SVG is refused', () => {
    expect(imageTypeOf(PNG)).toBe('image/png');
    expect(imageTypeOf(JPEG)).toBe('image/jpeg');
    expect(imageTypeOf(SVG)).toBeNull();
    expect(storedImageFromDataUrl(dataUrl('image/gif', PNG))).toMatchObject({
      ok: true,
      dataUrl: dataUrl('image/png', PNG),
    });
    expect(storedImageFromDataUrl(dataUrl('image/png', SVG))).toEqual({ ok: false, problem: 'not-an-image' });
    expect(storedImageFromDataUrl('data:image/png;base64,%%%')).toEqual({ ok: false, problem: 'not-an-image' });
    const huge = new Uint8Array(MAX_IMAGE_BYTES + 1);
    huge.set(PNG);
    expect(storedImageFromDataUrl(dataUrl('image/png', huge))).toEqual({ ok: false, problem: 'too-large' });
  });
});

describe('storing a clip’s images', () => {
  it('page copy first, the extension’s own fetch for what the page could not get, placeholders for the rest', async () => {
    const fetchedDirectly: string[] = [];
    const content: NodeJson[] = [
      { type: 'paragraph', content: [{ type: 'text', text: 'Perhatikan gambar.' }] },
      image('https://situs.id/a.png', 'Kue lapis'),
      { type: 'blockquote', content: [image('https://cdn.lain.id/b.jpg')] },
      image('https://situs.id/a.png', 'Kue lapis lagi'),
      image('https://situs.id/skrip.svg', 'Diagram'),
      image('https://situs.id/hilang.png'),
    ];
    const result = await storeImages(content, {
      fetchInPage: async (urls) =>
        urls.map((url) =>
          url.endsWith('a.png')
            ? { url, dataUrl: dataUrl('image/png', PNG), problem: null }
            : { url, dataUrl: null, problem: 'unreachable' as const },
        ),
      fetchDirect: async (url) => {
        fetchedDirectly.push(url);
        if (url.endsWith('b.jpg')) return JPEG;
        if (url.endsWith('.svg')) return SVG;
        return null;
      },
      placeholderText: words,
      downscale,
    });

    expect(fetchedDirectly.sort()).toEqual([
      'https://cdn.lain.id/b.jpg',
      'https://situs.id/hilang.png',
      'https://situs.id/skrip.svg',
    ]);
    expect(result.stored).toBe(3);
    expect(result.missing).toBe(2);
    expect(result.content[1]?.attrs?.src).toBe(dataUrl('image/png', PNG));
    expect(result.content[1]?.attrs?.alt).toBe('Kue lapis');
    expect(result.content[2]?.content?.[0]?.attrs?.src).toBe(dataUrl('image/jpeg', JPEG));
    expect(result.content[4]).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Gambar "Diagram" tidak dapat disimpan di draf. ', marks: [{ type: 'italic' }] },
        {
          type: 'text',
          text: 'Lihat gambar di sumbernya',
          marks: [{ type: 'link', attrs: { href: 'https://situs.id/skrip.svg' } }],
        },
      ],
    });
    expect(JSON.stringify(result.content[5])).toContain('Gambar tidak dapat disimpan di draf.');
    // Nothing else changed.
    expect(result.content[0]).toEqual(content[0]);
  });

  it('a page that answers nonsense (or fails) does not stop the clip', async () => {
    const result = await storeImages([image('https://situs.id/a.png')], {
      fetchInPage: async () => {
        throw new Error('frame gone');
      },
      fetchDirect: async () => PNG,
      placeholderText: words,
      downscale,
    });
    expect(result.stored).toBe(1);
    const untouched = [image('data:image/png;base64,iVBORw0KGgo=')];
    expect(
      await storeImages(untouched, {
        fetchInPage: async () => [],
        fetchDirect: async () => null,
        placeholderText: words,
        downscale,
      }),
    ).toEqual({ content: untouched, stored: 0, missing: 0 });
  });

  it('a 3000 px clipped picture is stored at 1600 px, not at full size', async () => {
    const large = new Uint8Array(pngBytes(3000, 2000));
    const result = await storeImages([image('https://situs.id/poster.png', 'Poster')], {
      fetchInPage: async (urls) => urls.map((url) => ({ url, dataUrl: dataUrl('image/png', large), problem: null })),
      fetchDirect: async () => null,
      placeholderText: words,
      downscale,
    });
    expect(result.stored).toBe(1);
    const src = String(result.content[0]?.attrs?.src);
    expect(src.startsWith('data:image/png;base64,')).toBe(true);
    const stored = base64ToBytes(src.slice(src.indexOf(',') + 1));
    expect(new DataView(stored.buffer).getUint32(16)).toBe(1600);
  });
});
