/**
 * Images of a draft as exports need them: the bytes and type of a `data:` URL, and the picture's
 * size read from its header (no DOM, so it runs anywhere), fitted to the page.
 */
import { base64ToBytes } from '../encoding/base64';

export interface DecodedImage {
  /** MIME type from the data URL, checked against the bytes. */
  type: string;
  bytes: Uint8Array;
  /** Natural size in pixels, when the header could be read. */
  width: number | null;
  height: number | null;
}

const RASTER_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif', 'image/bmp']);

/** A data URL that a browser shows as a picture without running anything (no SVG). */
export function isRasterDataUrl(src: unknown): src is string {
  return typeof src === 'string' && /^data:image\/(png|jpeg|gif|webp|avif|bmp);base64,/i.test(src);
}

/** The picture in a data URL, or null for anything else (remote URLs, SVG, broken base64). */
export function decodeDataUrl(src: unknown): DecodedImage | null {
  if (!isRasterDataUrl(src)) return null;
  const comma = src.indexOf(',');
  const type = src.slice(5, src.indexOf(';')).toLowerCase();
  if (!RASTER_TYPES.has(type)) return null;
  let bytes: Uint8Array;
  try {
    bytes = base64ToBytes(src.slice(comma + 1));
  } catch {
    return null;
  }
  const size = imageSize(bytes);
  return { type, bytes, width: size?.width ?? null, height: size?.height ?? null };
}

const u16be = (b: Uint8Array, i: number) => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const u16le = (b: Uint8Array, i: number) => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u24le = (b: Uint8Array, i: number) => u16le(b, i) | ((b[i + 2] ?? 0) << 16);
const u32be = (b: Uint8Array, i: number) => ((u16be(b, i) << 16) >>> 0) + u16be(b, i + 2);
const i32le = (b: Uint8Array, i: number) => u16le(b, i) | (u16le(b, i + 2) << 16);

/** Width and height from a PNG, JPEG, GIF, BMP or WebP header. */
export function imageSize(b: Uint8Array): { width: number; height: number } | null {
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) {
    return positive(u32be(b, 16), u32be(b, 20));
  }
  if (b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46) return positive(u16le(b, 6), u16le(b, 8));
  if (b[0] === 0x42 && b[1] === 0x4d) return positive(Math.abs(i32le(b, 18)), Math.abs(i32le(b, 22)));
  if (b[0] === 0xff && b[1] === 0xd8) return jpegSize(b);
  if (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP')) return webpSize(b);
  return null;
}

function ascii(b: Uint8Array, offset: number, text: string): boolean {
  return [...text].every((char, index) => b[offset + index] === char.charCodeAt(0));
}

function positive(width: number, height: number) {
  return width > 0 && height > 0 ? { width, height } : null;
}

function jpegSize(b: Uint8Array) {
  let offset = 2;
  while (offset + 9 < b.length) {
    if (b[offset] !== 0xff) return null;
    const marker = b[offset + 1] ?? 0;
    // Start-of-frame markers (baseline, progressive…), not DHT (C4), JPG (C8) or DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return positive(u16be(b, offset + 7), u16be(b, offset + 5));
    }
    offset += 2 + u16be(b, offset + 2);
  }
  return null;
}

function webpSize(b: Uint8Array) {
  if (ascii(b, 12, 'VP8 ')) return positive(u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff);
  if (ascii(b, 12, 'VP8L')) {
    const bits = (b[21] ?? 0) | ((b[22] ?? 0) << 8) | ((b[23] ?? 0) << 16) | ((b[24] ?? 0) << 24);
    return positive((bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1);
  }
  if (ascii(b, 12, 'VP8X')) return positive(u24le(b, 24) + 1, u24le(b, 27) + 1);
  return null;
}

/**
 * The size to show an image at, in CSS pixels: the width/height the draft gives it, else its
 * natural size, never wider or taller than the page allows, proportions kept.
 */
export function fitImage(
  natural: { width: number | null; height: number | null },
  attrs: { width?: unknown; height?: unknown },
  box: { maxWidth: number; maxHeight: number },
): { width: number; height: number } {
  const number = (value: unknown) => {
    const parsed = typeof value === 'number' ? value : Number.parseFloat(String(value ?? ''));
    return Number.isFinite(parsed) && parsed > 0 ? parsed : null;
  };
  const ratio = natural.width && natural.height ? natural.height / natural.width : 0.75;
  let width = number(attrs.width) ?? natural.width ?? box.maxWidth;
  let height = number(attrs.height) ?? (number(attrs.width) ? width * ratio : (natural.height ?? width * ratio));
  const scale = Math.min(1, box.maxWidth / width, box.maxHeight / height);
  width *= scale;
  height *= scale;
  return { width: Math.max(1, Math.round(width)), height: Math.max(1, Math.round(height)) };
}
