/**
 * Pictures stored in a draft — from the device, pasted, dropped or clipped — are made small: the
 * long side at most 1600 px, JPEG (or WebP) quality stepped down to the byte budget; a transparent
 * PNG stays PNG when that fits; an animated GIF is kept as it is (or refused when too heavy). The
 * size rules are pure; the drawing runs on a stand-in canvas (tests/unit/support/picture-canvas.ts).
 */
import { describe, expect, it } from 'vitest';
import { downscalePicture, pictureFromFile } from '../../extension/pictures/downscale-picture';
import {
  encodingAttempts,
  fitWithin,
  isAnimatedGif,
  MAX_KEPT_ANIMATION_BYTES,
  MAX_PICTURE_FILE_BYTES,
  MAX_PICTURE_SIDE,
  PICTURE_BYTE_BUDGET,
  PICTURE_QUALITIES,
  planPicture,
  smallerSize,
} from '../../extension/pictures/picture-plan';
import { base64ToBytes } from '../../shared/encoding/base64';
import { pngBytes } from '../fixtures/png';
import { standInCanvas } from './support/picture-canvas';

/** A GIF of `frames` 1×1 frames, `padding` bytes of comment to make it heavy. */
function gifBytes(frames: number, padding = 0): Uint8Array {
  const parts: number[] = [...Buffer.from('GIF89a'), 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 255, 255, 255];
  if (frames > 1) parts.push(0x21, 0xff, 11, ...Buffer.from('NETSCAPE2.0'), 3, 1, 0, 0, 0);
  for (let left = padding; left > 0; left -= 255) {
    const length = Math.min(255, left);
    parts.push(0x21, 0xfe, length, ...new Array<number>(length).fill(0x61), 0);
  }
  for (let frame = 0; frame < frames; frame++) {
    parts.push(0x21, 0xf9, 4, 0, 10, 0, 0, 0);
    parts.push(0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x4c, 0x01, 0);
  }
  parts.push(0x3b);
  return Uint8Array.from(parts);
}

const widthOfPng = (dataUrl: string) => {
  const bytes = base64ToBytes(dataUrl.split(',')[1] ?? '');
  return new DataView(bytes.buffer).getUint32(16);
};

describe('the size rules', () => {
  it('a 3000×2000 picture is drawn at 1600×1067; a small one is never enlarged', () => {
    expect(MAX_PICTURE_SIDE).toBe(1600);
    expect(fitWithin({ width: 3000, height: 2000 })).toEqual({ width: 1600, height: 1067 });
    expect(fitWithin({ width: 2000, height: 3000 })).toEqual({ width: 1067, height: 1600 });
    expect(fitWithin({ width: 800, height: 600 })).toEqual({ width: 800, height: 600 });
    const facts = {
      type: 'image/jpeg' as const,
      bytes: 4_000_000,
      size: { width: 3000, height: 2000 },
      animated: false,
    };
    expect(planPicture(facts)).toEqual({ kind: 'redraw', size: { width: 1600, height: 1067 } });
  });

  it('a picture already small in pixels and bytes is kept as it is, except an uncompressed BMP', () => {
    const small = { bytes: 200_000, size: { width: 1200, height: 800 }, animated: false };
    expect(planPicture({ ...small, type: 'image/jpeg' })).toEqual({ kind: 'keep' });
    expect(planPicture({ ...small, type: 'image/png' })).toEqual({ kind: 'keep' });
    expect(planPicture({ ...small, type: 'image/bmp' })).toEqual({
      kind: 'redraw',
      size: { width: 1200, height: 800 },
    });
    // Small in pixels but heavy: redrawn at its own size to fit the budget.
    expect(planPicture({ ...small, bytes: PICTURE_BYTE_BUDGET + 1, type: 'image/png' })).toMatchObject({
      kind: 'redraw',
    });
  });

  it('an animated GIF is kept (its motion would be lost) up to 2 MB and refused above; a file over 25 MB is refused', () => {
    const gif = { type: 'image/gif' as const, size: { width: 3000, height: 2000 }, animated: true };
    expect(planPicture({ ...gif, bytes: MAX_KEPT_ANIMATION_BYTES })).toEqual({ kind: 'keep' });
    expect(planPicture({ ...gif, bytes: MAX_KEPT_ANIMATION_BYTES + 1 })).toEqual({
      kind: 'refuse',
      reason: 'too-large',
    });
    expect(planPicture({ ...gif, animated: false, bytes: 50_000 })).toMatchObject({ kind: 'redraw' });
    expect(
      planPicture({
        type: 'image/jpeg',
        bytes: MAX_PICTURE_FILE_BYTES + 1,
        size: { width: 10, height: 10 },
        animated: false,
      }),
    ).toEqual({ kind: 'refuse', reason: 'too-large' });
  });

  it('a GIF with two frames is animated, one with a single frame is not', () => {
    expect(isAnimatedGif(gifBytes(2))).toBe(true);
    expect(isAnimatedGif(gifBytes(1))).toBe(false);
    expect(isAnimatedGif(gifBytes(1, 1000))).toBe(false);
    expect(isAnimatedGif(pngBytes(2, 2))).toBe(false);
  });

  it('transparent pictures try PNG, then WebP (which keeps transparency); opaque ones JPEG, quality stepping down', () => {
    expect(encodingAttempts(true)[0]).toEqual({ type: 'image/png' });
    expect(
      encodingAttempts(true)
        .slice(1)
        .every((attempt) => attempt.type === 'image/webp'),
    ).toBe(true);
    expect(encodingAttempts(false).map((attempt) => attempt.quality)).toEqual([...PICTURE_QUALITIES]);
    expect(encodingAttempts(false).every((attempt) => attempt.type === 'image/jpeg')).toBe(true);
    expect(smallerSize({ width: 1600, height: 1067 })).toEqual({ width: 1200, height: 800 });
    expect(smallerSize({ width: 320, height: 200 })).toBeNull();
  });
});

/** A 3000×2000 picture, made once (drawing it in Node takes a moment). */
const large = pngBytes(3000, 2000);

describe('downscaling a picture', () => {
  it('a 3000×2000 photo becomes a JPEG of 1600×1067 within the budget, quality stepped down as needed', async () => {
    // 0.75 bytes per pixel at full quality: 1600×1067 at 0.85 is 1.09 MB, over the budget; 0.75 fits.
    const canvas = standInCanvas({ bytesPerPixel: 0.75 });
    const result = await downscalePicture(large, canvas);
    expect(result).toMatchObject({ ok: true, size: { width: 1600, height: 1067 } });
    if (!result.ok) return;
    expect(result.dataUrl.startsWith('data:image/jpeg;base64,')).toBe(true);
    expect(result.bytes).toBeLessThanOrEqual(PICTURE_BYTE_BUDGET);
    expect(canvas.encodings.map((encoding) => encoding.attempt.quality)).toEqual([0.85, 0.75]);
  });

  it('a transparent PNG stays a PNG when it fits; too heavy as PNG it becomes a WebP, never a JPEG', async () => {
    const kept = await downscalePicture(large, standInCanvas({ transparent: true }));
    expect(kept.ok && kept.dataUrl.startsWith('data:image/png;base64,')).toBe(true);
    expect(kept.ok && widthOfPng(kept.dataUrl)).toBe(1600);
    const heavy = standInCanvas({ transparent: true, pngBytesPerPixel: 3, bytesPerPixel: 0.5 });
    const webp = await downscalePicture(large, heavy);
    expect(webp.ok && webp.dataUrl.startsWith('data:image/webp;base64,')).toBe(true);
    expect(heavy.encodings.some((encoding) => encoding.attempt.type === 'image/jpeg')).toBe(false);
  });

  it('a picture that cannot be made to fit is refused as too large; a small one is stored untouched', async () => {
    const hopeless = await downscalePicture(large, standInCanvas({ bytesPerPixel: 100 }));
    expect(hopeless).toEqual({ ok: false, reason: 'too-large' });
    const small = pngBytes(400, 300);
    const canvas = standInCanvas();
    const untouched = await downscalePicture(small, canvas);
    expect(untouched.ok && base64ToBytes(untouched.dataUrl.split(',')[1] ?? '')).toEqual(new Uint8Array(small));
    expect(canvas.encodings).toEqual([]);
    const animated = gifBytes(2);
    const gif = await downscalePicture(animated, standInCanvas());
    expect(gif.ok && gif.dataUrl.startsWith('data:image/gif;base64,')).toBe(true);
  });

  it('a file that is no picture is refused by its type, or by its bytes when the type lies', async () => {
    const canvas = standInCanvas();
    const pdf = new Blob(['%PDF-1.4'], { type: 'application/pdf' });
    expect(await pictureFromFile(pdf, canvas)).toEqual({ ok: false, reason: 'not-image' });
    const svg = new Blob(['<svg xmlns="http://www.w3.org/2000/svg"/>'], { type: 'image/png' });
    expect(await pictureFromFile(svg, canvas)).toEqual({ ok: false, reason: 'not-image' });
    const huge = new Blob([new Uint8Array(MAX_PICTURE_FILE_BYTES + 1)], { type: 'image/jpeg' });
    expect(await pictureFromFile(huge, canvas)).toEqual({ ok: false, reason: 'too-large' });
  });
});
