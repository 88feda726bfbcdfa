/**
 * A draft holds its pictures (shared/model/content-images.ts): the content policy refuses any image
 * whose source is another site. So the pictures of a clip made on the server are fetched here,
 * through the same guard as the page, checked by their bytes (raster formats only, never SVG) and
 * put in as `data:` URLs. Unlike the extension, the server does not make them smaller (it has no
 * canvas): a picture over the limit is not kept. One that is not kept leaves its alt text, in
 * italics and linked to where the picture still is; without alt text it leaves nothing.
 */
import type { NodeJson } from '../../shared/model/clip';
import type { StoredImage } from './page-extraction';

export interface EmbedImagesDeps {
  /** The picture's bytes through the guard (image/* only, size-limited), or a refusal thrown. */
  fetchImage(url: string): Promise<Buffer>;
  /** Checks bytes (or a page's own data: URL) and makes the data URL the draft stores. */
  fromBytes(bytes: Uint8Array): StoredImage;
  fromDataUrl(dataUrl: string): StoredImage;
  maxImages: number;
  maxImageBytesTotal: number;
  /** Pictures fetched at once. */
  parallel?: number;
}

export interface EmbeddedImages {
  content: NodeJson[];
  kept: number;
  dropped: number;
}

export async function embedImages(content: NodeJson[], deps: EmbedImagesDeps): Promise<EmbeddedImages> {
  const sources = [...new Set(imageNodes(content).map(sourceOf))].filter((src) => src !== '');
  const considered = sources.slice(0, deps.maxImages);
  const checked = await mapInParallel(considered, deps.parallel ?? 4, async (src) => {
    if (/^data:/i.test(src)) return deps.fromDataUrl(src);
    if (!/^https?:\/\//i.test(src)) return null;
    try {
      return deps.fromBytes(await deps.fetchImage(src));
    } catch {
      return null;
    }
  });
  // In the order of the page: the first pictures are the ones the budget keeps.
  const kept = new Map<string, string>();
  let total = 0;
  considered.forEach((src, index) => {
    const image = checked[index];
    if (!image?.ok || total + image.bytes > deps.maxImageBytesTotal) return;
    total += image.bytes;
    kept.set(src, image.dataUrl);
  });
  let dropped = 0;
  const embedded = mapImages(content, (node) => {
    const dataUrl = kept.get(sourceOf(node));
    if (dataUrl) return [{ ...node, attrs: { ...node.attrs, src: dataUrl } }];
    dropped += 1;
    return altText(node);
  });
  return { content: embedded, kept: kept.size, dropped };
}

/** The content with each picture replaced by what `replace` makes of it (itself, its alt text, nothing). */
export function mapImages(content: readonly NodeJson[], replace: (image: NodeJson) => NodeJson[]): NodeJson[] {
  const visit = (node: NodeJson): NodeJson[] => {
    if (node.type === 'image') return replace(node);
    if (!node.content || node.content.length === 0) return [node];
    const children = node.content.flatMap(visit);
    // A table cell or quote that held only pictures still needs a block.
    return [{ ...node, content: children.length > 0 ? children : [{ type: 'paragraph' }] }];
  };
  return content.flatMap(visit);
}

export function imageNodes(nodes: readonly NodeJson[]): NodeJson[] {
  return nodes.flatMap((node) => (node.type === 'image' ? [node] : imageNodes(node.content ?? [])));
}

function sourceOf(node: NodeJson): string {
  const src = node.attrs?.src;
  return typeof src === 'string' ? src.trim() : '';
}

/** What is left of a picture that is not kept: its alt text in italics, linked to the picture's address. */
export function altText(node: NodeJson): NodeJson[] {
  const alt = typeof node.attrs?.alt === 'string' ? node.attrs.alt.replace(/\s+/g, ' ').trim().slice(0, 300) : '';
  if (!alt) return [];
  const src = sourceOf(node);
  const marks: NonNullable<NodeJson['marks']> = [{ type: 'italic' }];
  if (/^https?:\/\//i.test(src)) marks.push({ type: 'link', attrs: { href: src } });
  return [{ type: 'paragraph', content: [{ type: 'text', text: alt, marks }] }];
}

async function mapInParallel<T, R>(items: readonly T[], parallel: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker));
  return results;
}
