/**
 * How big a picture is stored in a draft (device files, pasted, dropped, clipped): the long side at
 * most MAX_PICTURE_SIDE, re-encoded within PICTURE_BYTE_BUDGET. Pure: no canvas, so every rule is
 * unit-tested; ./downscale-picture.ts runs the plan with one.
 */

export const MAX_PICTURE_SIDE = 1600;
/** A re-encoded picture must fit this (bytes): a draft syncs over a school's slow link. */
export const PICTURE_BYTE_BUDGET = 1024 * 1024;
/** An animated GIF cannot be redrawn without losing its motion: kept as it is up to this size. */
export const MAX_KEPT_ANIMATION_BYTES = 2 * 1024 * 1024;
/** A file larger than this is not even opened (a phone photo is 3–12 MB). */
export const MAX_PICTURE_FILE_BYTES = 25 * 1024 * 1024;
/** JPEG and WebP qualities, tried in order until the picture fits its budget. */
export const PICTURE_QUALITIES = [0.85, 0.75, 0.65, 0.55, 0.45] as const;
/** Below this long side a picture shows too little: refused instead of shrunk further. */
export const MIN_PICTURE_SIDE = 320;
const SHRINK = 0.75;

export interface PictureSize {
  width: number;
  height: number;
}

export type PictureType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | 'image/avif' | 'image/bmp';

/** What is known of a picture before it is redrawn. */
export interface PictureFacts {
  type: PictureType;
  bytes: number;
  size: PictureSize;
  animated: boolean;
}

/** One way to encode it: a type, and a quality for the lossy ones. */
export interface EncodingAttempt {
  type: 'image/png' | 'image/jpeg' | 'image/webp';
  quality?: number;
}

export type PicturePlan =
  | { kind: 'keep' }
  | { kind: 'redraw'; size: PictureSize }
  | { kind: 'refuse'; reason: 'too-large' };

/** The size that fits `maxSide` on the long side, keeping the proportions; never larger than given. */
export function fitWithin(size: PictureSize, maxSide: number = MAX_PICTURE_SIDE): PictureSize {
  const width = Math.max(1, Math.round(size.width));
  const height = Math.max(1, Math.round(size.height));
  const long = Math.max(width, height);
  if (long <= maxSide) return { width, height };
  const scale = maxSide / long;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Kept as it is when small already (no quality lost); animated GIFs always, if not too heavy. */
export function planPicture(facts: PictureFacts): PicturePlan {
  if (facts.bytes > MAX_PICTURE_FILE_BYTES) return { kind: 'refuse', reason: 'too-large' };
  if (facts.type === 'image/gif' && facts.animated) {
    return facts.bytes <= MAX_KEPT_ANIMATION_BYTES ? { kind: 'keep' } : { kind: 'refuse', reason: 'too-large' };
  }
  const fits = Math.max(facts.size.width, facts.size.height) <= MAX_PICTURE_SIDE;
  // BMP is uncompressed: always redrawn, whatever its size.
  if (fits && facts.bytes <= PICTURE_BYTE_BUDGET && facts.type !== 'image/bmp') return { kind: 'keep' };
  return { kind: 'redraw', size: fitWithin(facts.size) };
}

/**
 * The encodings tried, in order. A transparent picture stays PNG if that fits, else WebP (which
 * keeps transparency); an opaque one is a JPEG. A browser that cannot write WebP answers PNG,
 * which the caller sees and skips.
 */
export function encodingAttempts(transparent: boolean): EncodingAttempt[] {
  if (transparent) {
    return [{ type: 'image/png' }, ...PICTURE_QUALITIES.map((quality) => ({ type: 'image/webp' as const, quality }))];
  }
  return PICTURE_QUALITIES.map((quality) => ({ type: 'image/jpeg' as const, quality }));
}

/** The next smaller size to try when no encoding fitted, or null when it would be too small to keep. */
export function smallerSize(size: PictureSize): PictureSize | null {
  const long = Math.max(size.width, size.height);
  if (long <= MIN_PICTURE_SIDE) return null;
  return fitWithin(size, Math.max(MIN_PICTURE_SIDE, Math.floor(long * SHRINK)));
}

/** Whether a GIF has more than one frame (walks its blocks; a broken file counts as still). */
export function isAnimatedGif(bytes: Uint8Array): boolean {
  if (bytes.length < 13 || bytes[0] !== 0x47 || bytes[1] !== 0x49 || bytes[2] !== 0x46) return false;
  let at = 13;
  const flags = bytes[10] ?? 0;
  if (flags & 0x80) at += 3 * 2 ** ((flags & 0x07) + 1);
  const skipSubBlocks = () => {
    while (at < bytes.length) {
      const length = bytes[at] ?? 0;
      at += 1 + length;
      if (length === 0) return;
    }
  };
  let frames = 0;
  while (at < bytes.length) {
    const block = bytes[at];
    if (block === 0x21) {
      at += 2;
      skipSubBlocks();
    } else if (block === 0x2c) {
      frames += 1;
      if (frames > 1) return true;
      const local = bytes[at + 9] ?? 0;
      at += 10;
      if (local & 0x80) at += 3 * 2 ** ((local & 0x07) + 1);
      at += 1; // LZW minimum code size
      skipSubBlocks();
    } else {
      return false;
    }
  }
  return false;
}
