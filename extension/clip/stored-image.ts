/**
 * Turning fetched image bytes into a data URL the draft may hold. The bytes decide the type (a
 * server or page can claim anything): only raster formats a browser shows without running
 * anything; SVG is refused (it can carry script).
 */
import { base64ToBytes, bytesToBase64 } from '../../shared/encoding/base64';

/** Largest image kept in a draft (bytes); larger ones stay a placeholder with their source link. */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
/** Largest image fetched for a clip: it is made smaller (../pictures/) before the limit above applies. */
export const MAX_CLIPPED_DOWNLOAD_BYTES = 12 * 1024 * 1024;
/** Images stored per clip, and their total size: a clip must fit comfortably in one sync message. */
export const MAX_IMAGES_PER_CLIP = 40;
export const MAX_IMAGE_BYTES_PER_CLIP = 8 * 1024 * 1024;

const SIGNATURES: { type: string; test: (b: Uint8Array) => boolean }[] = [
  { type: 'image/png', test: (b) => starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { type: 'image/jpeg', test: (b) => starts(b, [0xff, 0xd8, 0xff]) },
  { type: 'image/gif', test: (b) => starts(b, [0x47, 0x49, 0x46, 0x38]) },
  { type: 'image/webp', test: (b) => starts(b, [0x52, 0x49, 0x46, 0x46]) && ascii(b, 8, 'WEBP') },
  { type: 'image/avif', test: (b) => ascii(b, 4, 'ftyp') && (ascii(b, 8, 'avif') || ascii(b, 8, 'avis')) },
  { type: 'image/bmp', test: (b) => starts(b, [0x42, 0x4d]) },
];

function starts(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((value, index) => bytes[index] === value);
}

function ascii(bytes: Uint8Array, offset: number, text: string): boolean {
  return [...text].every((char, index) => bytes[offset + index] === char.charCodeAt(0));
}

export function imageTypeOf(bytes: Uint8Array): string | null {
  return SIGNATURES.find((signature) => signature.test(bytes))?.type ?? null;
}

export type StoredImage =
  | { ok: true; dataUrl: string; bytes: number }
  | { ok: false; problem: 'too-large' | 'not-an-image' };

export function storedImageFromBytes(bytes: Uint8Array, maxBytes: number = MAX_IMAGE_BYTES): StoredImage {
  if (bytes.length > maxBytes) return { ok: false, problem: 'too-large' };
  const type = imageTypeOf(bytes);
  if (!type) return { ok: false, problem: 'not-an-image' };
  return { ok: true, dataUrl: `data:${type};base64,${bytesToBase64(bytes)}`, bytes: bytes.length };
}

/** A data URL from a page: decoded and checked like bytes from anywhere else. */
export function storedImageFromDataUrl(dataUrl: string, maxBytes: number = MAX_IMAGE_BYTES): StoredImage {
  const match = /^data:[^,;]*(;[^,;]*)*;base64,([A-Za-z0-9+/]*={0,2})$/.exec(dataUrl);
  const base64 = match?.[2];
  if (!base64) return { ok: false, problem: 'not-an-image' };
  if (base64.length > Math.ceil(maxBytes / 3) * 4) return { ok: false, problem: 'too-large' };
  return storedImageFromBytes(base64ToBytes(base64), maxBytes);
}
