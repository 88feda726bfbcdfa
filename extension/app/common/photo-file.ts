/**
 * A photo chosen or taken on the phone → a small JPEG data URL to store with a note. Decodes with
 * createImageBitmap (or an <img>), draws on a canvas; the size rules are in ./photo-size.ts.
 */
import { PhotoSchema } from '../../../shared/mentoring/cycle-schema';
import { encodeWithinLimit, type PhotoEncoder, type PhotoSize } from './photo-size';

/** Why a photo was not taken in; each has a message 'observation.photo.problem.<reason>'. */
export type PhotoProblem = 'not-image' | 'unreadable' | 'too-large';

export type PhotoFromFile = { ok: true; dataUrl: string } | { ok: false; reason: PhotoProblem };

interface DecodedImage {
  image: CanvasImageSource;
  size: PhotoSize;
  release(): void;
}

/** How large the stored picture may be; a classroom photo's limits by default (./photo-size.ts). */
export interface PictureLimits {
  maxSide?: number;
  maxChars?: number;
}

export async function photoFromFile(file: Blob, win: Window, limits: PictureLimits = {}): Promise<PhotoFromFile> {
  // Some phones give no type for a camera picture; then decoding decides.
  if (file.type !== '' && !file.type.startsWith('image/')) return { ok: false, reason: 'not-image' };
  const decoded = await decodeImage(file, win);
  if (!decoded) return { ok: false, reason: file.type === '' ? 'not-image' : 'unreadable' };
  try {
    const encoder = canvasEncoder(win, decoded.image);
    if (!encoder) return { ok: false, reason: 'unreadable' };
    const encoded = encodeWithinLimit(decoded.size, encoder, limits.maxChars, limits.maxSide);
    if (!encoded.ok) return encoded;
    // A browser without JPEG encoding hands back PNG (or "data:,"); the schema says what is stored.
    if (!PhotoSchema.safeParse(encoded.dataUrl).success) return { ok: false, reason: 'unreadable' };
    return { ok: true, dataUrl: encoded.dataUrl };
  } finally {
    decoded.release();
  }
}

function canvasEncoder(win: Window, image: CanvasImageSource): PhotoEncoder | null {
  const canvas = win.document.createElement('canvas');
  const context = canvas.getContext('2d');
  if (!context) return null;
  return {
    encode(size, quality) {
      canvas.width = size.width;
      canvas.height = size.height;
      // JPEG has no transparency: a white ground instead of black behind a transparent PNG.
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, size.width, size.height);
      context.drawImage(image, 0, 0, size.width, size.height);
      return canvas.toDataURL('image/jpeg', quality);
    },
  };
}

async function decodeImage(file: Blob, win: Window): Promise<DecodedImage | null> {
  if (typeof win.createImageBitmap === 'function') {
    try {
      const bitmap = await win.createImageBitmap(file);
      return { image: bitmap, size: { width: bitmap.width, height: bitmap.height }, release: () => bitmap.close() };
    } catch {
      return null;
    }
  }
  return decodeWithImageElement(file, win);
}

function decodeWithImageElement(file: Blob, win: Window): Promise<DecodedImage | null> {
  const { URL } = win as Window & typeof globalThis;
  const url = URL.createObjectURL(file);
  const release = () => URL.revokeObjectURL(url);
  return new Promise((resolve) => {
    const image = win.document.createElement('img');
    image.onload = () => {
      if (image.naturalWidth > 0 && image.naturalHeight > 0) {
        resolve({ image, size: { width: image.naturalWidth, height: image.naturalHeight }, release });
      } else {
        release();
        resolve(null);
      }
    };
    image.onerror = () => {
      release();
      resolve(null);
    };
    image.src = url;
  });
}
