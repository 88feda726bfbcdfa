/**
 * How big a classroom photo is stored: at most MAX_PHOTO_SIDE on its long side, JPEG quality
 * stepped down (then the size, if need be) until its data URL fits MAX_PHOTO_CHARS. Pure: the
 * drawing is behind PhotoEncoder, so the rules are tested without a canvas.
 */
import { MAX_PHOTO_CHARS } from '../../../shared/mentoring/cycle-schema';

export const MAX_PHOTO_SIDE = 1024;
/** Tried in order; a classroom photo stays readable down to the last. */
export const PHOTO_QUALITIES = [0.85, 0.75, 0.65, 0.55, 0.45, 0.35] as const;
/** Below this long side a photo shows too little to be worth keeping: give up instead. */
export const MIN_PHOTO_SIDE = 320;
const SHRINK = 0.75;

export interface PhotoSize {
  width: number;
  height: number;
}

/** The size that fits `maxSide` on the long side, keeping the proportions; never larger than given. */
export function fitWithin(size: PhotoSize, maxSide: number = MAX_PHOTO_SIDE): PhotoSize {
  const width = Math.max(1, Math.round(size.width));
  const height = Math.max(1, Math.round(size.height));
  const long = Math.max(width, height);
  if (long <= maxSide) return { width, height };
  const scale = maxSide / long;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Draws the photo at a size and returns it as a JPEG data URL of that quality. */
export interface PhotoEncoder {
  encode(size: PhotoSize, quality: number): string;
}

export type EncodedPhoto =
  | { ok: true; dataUrl: string; size: PhotoSize; quality: number }
  | { ok: false; reason: 'too-large' };

export function encodeWithinLimit(
  original: PhotoSize,
  encoder: PhotoEncoder,
  maxChars: number = MAX_PHOTO_CHARS,
  maxSide: number = MAX_PHOTO_SIDE,
): EncodedPhoto {
  let size = fitWithin(original, maxSide);
  for (;;) {
    for (const quality of PHOTO_QUALITIES) {
      const dataUrl = encoder.encode(size, quality);
      if (dataUrl.length <= maxChars) return { ok: true, dataUrl, size, quality };
    }
    const long = Math.max(size.width, size.height);
    if (long <= MIN_PHOTO_SIDE) return { ok: false, reason: 'too-large' };
    size = fitWithin(size, Math.max(MIN_PHOTO_SIDE, Math.floor(long * SHRINK)));
  }
}
