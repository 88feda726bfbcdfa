/**
 * Images in a clip are stored with the draft, not hot-linked: each web image is fetched in the
 * page (its cookies and cache), else by the extension itself (its host permission, no CORS), checked
 * (./stored-image.ts), made small as every picture in a draft is (../pictures/downscale-picture.ts:
 * long side ≤ 1600 px) and put into the draft as a data URL. One that cannot be kept becomes a
 * visible placeholder that keeps its source link: nothing disappears silently.
 */
import { base64ToBytes } from '../../shared/encoding/base64';
import type { NodeJson } from '../../shared/model/clip';
import type { RawFetchedImage } from '../clip/fetch-images-in-page';
import {
  MAX_CLIPPED_DOWNLOAD_BYTES,
  MAX_IMAGE_BYTES_PER_CLIP,
  MAX_IMAGES_PER_CLIP,
  type StoredImage,
  storedImageFromBytes,
  storedImageFromDataUrl,
} from '../clip/stored-image';
import type { PreparedPicture } from '../pictures/downscale-picture';

export interface StoreImagesDeps {
  /** Fetches in the page; answers per URL, in order. */
  fetchInPage: (urls: string[]) => Promise<RawFetchedImage[]>;
  /** Fetches from the extension; the bytes, or null when unreachable. */
  fetchDirect: (url: string) => Promise<Uint8Array | null>;
  /** Makes a fetched picture small (long side ≤ 1600 px, within the byte budget). */
  downscale: (bytes: Uint8Array) => Promise<PreparedPicture>;
  /** The placeholder's words, in the user's language. */
  placeholderText: (alt: string | null) => { notice: string; linkText: string };
}

export interface StoredImages {
  content: NodeJson[];
  stored: number;
  missing: number;
}

export async function storeImages(content: NodeJson[], deps: StoreImagesDeps): Promise<StoredImages> {
  const urls = [...new Set(imageNodes(content).map((node) => String(node.attrs?.src ?? '')))].filter(isWebUrl);
  if (urls.length === 0) return { content, stored: 0, missing: 0 };

  const wanted = urls.slice(0, MAX_IMAGES_PER_CLIP);
  const fromPage = await deps.fetchInPage(wanted).catch((error: unknown) => {
    console.warn('clip: images could not be fetched in the page', error);
    return [] as RawFetchedImage[];
  });
  const kept = new Map<string, string>();
  let total = 0;
  for (const url of wanted) {
    const image = await fetchChecked(url, fromPage, deps);
    if (!image.ok || total + image.bytes > MAX_IMAGE_BYTES_PER_CLIP) continue;
    total += image.bytes;
    kept.set(url, image.dataUrl);
  }

  let stored = 0;
  let missing = 0;
  const replace = (node: NodeJson): NodeJson[] => {
    if (node.type === 'image') {
      const src = String(node.attrs?.src ?? '');
      if (!isWebUrl(src)) return [node];
      const dataUrl = kept.get(src);
      if (dataUrl) {
        stored++;
        return [{ ...node, attrs: { ...node.attrs, src: dataUrl } }];
      }
      missing++;
      return [placeholder(src, typeof node.attrs?.alt === 'string' ? node.attrs.alt : null, deps)];
    }
    return node.content ? [{ ...node, content: node.content.flatMap(replace) }] : [node];
  };
  return { content: content.flatMap(replace), stored, missing };
}

async function fetchChecked(url: string, fromPage: RawFetchedImage[], deps: StoreImagesDeps): Promise<StoredImage> {
  const fetched = await fetchOriginal(url, fromPage, deps);
  if (!fetched.ok) return fetched;
  const bytes = base64ToBytes(fetched.dataUrl.slice(fetched.dataUrl.indexOf(',') + 1));
  const small = await deps.downscale(bytes).catch((error: unknown) => {
    console.warn('clip: an image could not be made smaller', error);
    return null;
  });
  if (small?.ok) return storedImageFromDataUrl(small.dataUrl);
  if (small?.reason === 'too-large') return { ok: false, problem: 'too-large' };
  // Not decodable here (a format this browser cannot draw): kept as fetched, if within the limit.
  return storedImageFromBytes(bytes);
}

/** The picture as the page or the extension fetched it, its type checked by its bytes. */
async function fetchOriginal(url: string, fromPage: RawFetchedImage[], deps: StoreImagesDeps): Promise<StoredImage> {
  const inPage = fromPage.find((result) => result?.url === url);
  if (typeof inPage?.dataUrl === 'string') {
    const checked = storedImageFromDataUrl(inPage.dataUrl, MAX_CLIPPED_DOWNLOAD_BYTES);
    if (checked.ok || checked.problem === 'too-large') return checked;
  }
  if (inPage?.problem === 'too-large') return { ok: false, problem: 'too-large' };
  const bytes = await deps.fetchDirect(url).catch(() => null);
  return bytes ? storedImageFromBytes(bytes, MAX_CLIPPED_DOWNLOAD_BYTES) : { ok: false, problem: 'not-an-image' };
}

/** A paragraph in place of the image: what is missing and a link to where it still is. */
function placeholder(src: string, alt: string | null, deps: StoreImagesDeps): NodeJson {
  const words = deps.placeholderText(alt?.trim() ? alt.trim().slice(0, 300) : null);
  return {
    type: 'paragraph',
    content: [
      { type: 'text', text: `${words.notice} `, marks: [{ type: 'italic' }] },
      { type: 'text', text: words.linkText, marks: [{ type: 'link', attrs: { href: src } }] },
    ],
  };
}

function imageNodes(nodes: NodeJson[]): NodeJson[] {
  return nodes.flatMap((node) => (node.type === 'image' ? [node] : imageNodes(node.content ?? [])));
}

function isWebUrl(value: string): boolean {
  return /^https?:\/\//i.test(value);
}

/** The extension's own fetch (host permission), size-limited while reading. */
export async function fetchImageDirect(url: string, maxBytes: number): Promise<Uint8Array | null> {
  try {
    const response = await fetch(url, { credentials: 'omit', signal: AbortSignal.timeout(15_000) });
    if (!response.ok || !response.body) return null;
    if (Number(response.headers.get('content-length') ?? '0') > maxBytes) return null;
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > maxBytes) {
        await reader.cancel();
        return null;
      }
      chunks.push(value);
    }
    const bytes = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.length;
    }
    return bytes;
  } catch {
    return null;
  }
}
