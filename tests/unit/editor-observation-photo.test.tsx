// @vitest-environment jsdom
/**
 * A classroom photo is made small on the phone before it is stored with a note: at most 1024 px on
 * the long side, JPEG quality stepped down (then the size) until it fits MAX_PHOTO_CHARS; a file
 * that is not a picture is refused with the reason. jsdom has no canvas: the encoder is a stand-in
 * whose output grows with pixels and quality, as a JPEG's does.
 */
import { describe, expect, it } from 'vitest';
import { photoFromFile } from '../../extension/app/common/photo-file';
import {
  encodeWithinLimit,
  fitWithin,
  MAX_PHOTO_SIDE,
  PHOTO_QUALITIES,
  type PhotoEncoder,
  type PhotoSize,
} from '../../extension/app/common/photo-size';
import { MAX_PHOTO_CHARS, PhotoSchema } from '../../shared/mentoring/cycle-schema';

/** A JPEG-like data URL: `bytesPerPixel * quality` bytes per pixel, base64 (4 chars per 3 bytes). */
function jpegLike(size: PhotoSize, quality: number, bytesPerPixel: number): string {
  const bytes = Math.ceil(size.width * size.height * bytesPerPixel * quality);
  return `data:image/jpeg;base64,${'A'.repeat(Math.ceil(bytes / 3) * 4)}`;
}

function recordingEncoder(bytesPerPixel: number) {
  const calls: { size: PhotoSize; quality: number }[] = [];
  const encoder: PhotoEncoder = {
    encode(size, quality) {
      calls.push({ size, quality });
      return jpegLike(size, quality, bytesPerPixel);
    },
  };
  return { encoder, calls };
}

describe('photo size', () => {
  it('a 4000×3000 camera photo becomes 1024×768; a small one is never enlarged', () => {
    expect(fitWithin({ width: 4000, height: 3000 })).toEqual({ width: 1024, height: 768 });
    expect(fitWithin({ width: 3000, height: 4000 })).toEqual({ width: 768, height: 1024 });
    expect(fitWithin({ width: 640, height: 480 })).toEqual({ width: 640, height: 480 });
  });

  it('steps the quality down until the photo fits the stored size', () => {
    // ~0.5 byte per pixel at full quality: 1024×768 needs a lower quality to fit 400,000 characters.
    const { encoder, calls } = recordingEncoder(0.5);
    const result = encodeWithinLimit({ width: 4000, height: 3000 }, encoder);
    if (!result.ok) throw new Error('expected a photo');
    expect(result.size).toEqual({ width: 1024, height: 768 });
    expect(result.dataUrl.length).toBeLessThanOrEqual(MAX_PHOTO_CHARS);
    expect(result.quality).toBeLessThan(PHOTO_QUALITIES[0]);
    expect(calls.map((call) => call.quality)).toEqual(PHOTO_QUALITIES.filter((q) => q >= result.quality));
    expect(PhotoSchema.safeParse(result.dataUrl).success).toBe(true);
  });

  it('makes the photo smaller still when even the lowest quality is too large, keeping its shape', () => {
    const { encoder } = recordingEncoder(2);
    const result = encodeWithinLimit({ width: 4000, height: 3000 }, encoder);
    if (!result.ok) throw new Error('expected a photo');
    expect(Math.max(result.size.width, result.size.height)).toBeLessThan(MAX_PHOTO_SIDE);
    expect(result.size.width / result.size.height).toBeCloseTo(4 / 3, 1);
    expect(result.dataUrl.length).toBeLessThanOrEqual(MAX_PHOTO_CHARS);
  });

  it('gives up with "too-large" rather than keep a photo too small to see', () => {
    const { encoder } = recordingEncoder(100);
    expect(encodeWithinLimit({ width: 4000, height: 3000 }, encoder)).toEqual({ ok: false, reason: 'too-large' });
  });
});

/** A window whose canvas draws nothing but answers like one (jsdom has none). */
function phoneWindow(bitmap: PhotoSize) {
  const drawn: PhotoSize[] = [];
  const canvas = {
    width: 0,
    height: 0,
    getContext: () => ({
      fillStyle: '',
      fillRect() {},
      drawImage(_image: unknown, _x: number, _y: number, width: number, height: number) {
        drawn.push({ width, height });
      },
    }),
    toDataURL(_type: string, quality: number) {
      return jpegLike({ width: canvas.width, height: canvas.height }, quality, 0.5);
    },
  };
  const win = {
    document: { createElement: (name: string) => (name === 'canvas' ? canvas : document.createElement(name)) },
    createImageBitmap: async () => ({ ...bitmap, close() {} }),
  } as unknown as Window;
  return { win, drawn };
}

describe('a photo from the phone', () => {
  it('is decoded, drawn at most 1024 px wide and stored as a JPEG data URL within the limit', async () => {
    const { win, drawn } = phoneWindow({ width: 4032, height: 3024 });
    const result = await photoFromFile(new Blob(['x'], { type: 'image/jpeg' }), win);
    if (!result.ok) throw new Error(result.reason);
    expect(drawn.at(-1)).toEqual({ width: 1024, height: 768 });
    expect(result.dataUrl.length).toBeLessThanOrEqual(MAX_PHOTO_CHARS);
    expect(result.dataUrl.startsWith('data:image/jpeg;base64,')).toBe(true);
  });

  it('a file that is not a picture is refused as "not-image" before anything is decoded', async () => {
    const { win, drawn } = phoneWindow({ width: 10, height: 10 });
    const result = await photoFromFile(new Blob(['hello'], { type: 'text/plain' }), win);
    expect(result).toEqual({ ok: false, reason: 'not-image' });
    expect(drawn).toEqual([]);
  });

  it('a picture the browser cannot decode is refused as "unreadable"', async () => {
    const win = {
      document,
      createImageBitmap: async () => {
        throw new DOMException('bad image', 'InvalidStateError');
      },
    } as unknown as Window;
    expect(await photoFromFile(new Blob(['x'], { type: 'image/heic' }), win)).toEqual({
      ok: false,
      reason: 'unreadable',
    });
  });
});
