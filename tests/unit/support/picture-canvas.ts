/**
 * A stand-in for the canvas the downscaler draws on (jsdom and Node have none): it reads a PNG's or
 * GIF's size from its header, says whether the picture is transparent as told, and "encodes" to
 * bytes that start as the type's do and weigh what such a picture would (JPEG and WebP shrink with
 * quality; PNG is a PNG header of that size, its body as heavy as told).
 */
import type { DecodedPicture, PictureCanvas } from '../../../extension/pictures/downscale-picture';
import type { EncodingAttempt, PictureSize } from '../../../extension/pictures/picture-plan';

export interface StandInCanvas extends PictureCanvas {
  encodings: { size: PictureSize; attempt: EncodingAttempt; bytes: number }[];
}

function sizeOf(bytes: Uint8Array): PictureSize | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes[0] === 0x89 && bytes[1] === 0x50) return { width: view.getUint32(16), height: view.getUint32(20) };
  if (bytes[0] === 0x47 && bytes[1] === 0x49)
    return { width: view.getUint16(6, true), height: view.getUint16(8, true) };
  return null;
}

/** `bytesPerPixel` at quality 1 for the lossy types; `pngBytesPerPixel` of a redrawn PNG. */
export function standInCanvas(
  options: { transparent?: boolean; bytesPerPixel?: number; pngBytesPerPixel?: number } = {},
): StandInCanvas {
  const { transparent = false, bytesPerPixel = 1, pngBytesPerPixel = 0.1 } = options;
  const encodings: StandInCanvas['encodings'] = [];
  return {
    encodings,
    async decode(bytes) {
      const size = sizeOf(bytes);
      if (!size) return null;
      const decoded: DecodedPicture = {
        size,
        transparentAt: async () => transparent,
        async encode(at, attempt) {
          const out = encoded(at, attempt, bytesPerPixel, pngBytesPerPixel);
          encodings.push({ size: at, attempt, bytes: out.length });
          return out;
        },
        release: () => undefined,
      };
      return decoded;
    },
  };
}

function encoded(size: PictureSize, attempt: EncodingAttempt, bytesPerPixel: number, pngPerPixel: number): Uint8Array {
  if (attempt.type === 'image/png') {
    const png = new Uint8Array(Math.max(33, Math.ceil(size.width * size.height * pngPerPixel)));
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const view = new DataView(png.buffer);
    view.setUint32(16, size.width);
    view.setUint32(20, size.height);
    return png;
  }
  const length = Math.max(16, Math.ceil(size.width * size.height * bytesPerPixel * (attempt.quality ?? 1)));
  const out = new Uint8Array(length);
  if (attempt.type === 'image/jpeg') out.set([0xff, 0xd8, 0xff, 0xe0]);
  else out.set([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50]);
  return out;
}
