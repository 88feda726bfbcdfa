/**
 * The one downscaler for pictures stored in a draft: a file from the device (toolbar button, paste,
 * drop), a picture named by its address, a clipped picture. The bytes decide the type; the rules
 * are in ./picture-plan.ts; the drawing is behind PictureCanvas (./browser-canvas.ts in browsers
 * and the extension's service worker, a stand-in in unit tests, as jsdom has no canvas).
 */
import { bytesToBase64 } from '../../shared/encoding/base64';
import { imageTypeOf } from '../clip/stored-image';
import {
  type EncodingAttempt,
  encodingAttempts,
  isAnimatedGif,
  MAX_PICTURE_FILE_BYTES,
  PICTURE_BYTE_BUDGET,
  type PictureSize,
  type PictureType,
  planPicture,
  smallerSize,
} from './picture-plan';

/** Why a picture was not taken in; each has a message 'picture.problem.<reason>'. */
export type PictureProblem = 'not-image' | 'unreadable' | 'too-large';

export type PreparedPicture =
  | { ok: true; dataUrl: string; bytes: number; size: PictureSize }
  | { ok: false; reason: PictureProblem };

/** A decoded picture that can be drawn at a size. */
export interface DecodedPicture {
  size: PictureSize;
  /** Whether any pixel is (partly) transparent when drawn at `size`. */
  transparentAt(size: PictureSize): Promise<boolean>;
  /** The encoded bytes, or null when this browser cannot encode so. */
  encode(size: PictureSize, attempt: EncodingAttempt): Promise<Uint8Array | null>;
  release(): void;
}

export interface PictureCanvas {
  decode(bytes: Uint8Array, type: PictureType): Promise<DecodedPicture | null>;
}

export async function downscalePicture(bytes: Uint8Array, canvas: PictureCanvas): Promise<PreparedPicture> {
  if (bytes.length > MAX_PICTURE_FILE_BYTES) return { ok: false, reason: 'too-large' };
  const type = imageTypeOf(bytes) as PictureType | null;
  if (!type) return { ok: false, reason: 'not-image' };
  const decoded = await canvas.decode(bytes, type).catch(() => null);
  if (!decoded) return { ok: false, reason: 'unreadable' };
  try {
    const animated = type === 'image/gif' && isAnimatedGif(bytes);
    const plan = planPicture({ type, bytes: bytes.length, size: decoded.size, animated });
    if (plan.kind === 'refuse') return { ok: false, reason: plan.reason };
    if (plan.kind === 'keep') return prepared(bytes, type, decoded.size);
    // JPEG and BMP have no transparency to keep.
    const transparent = type !== 'image/jpeg' && type !== 'image/bmp' && (await decoded.transparentAt(plan.size));
    let size: PictureSize | null = plan.size;
    while (size) {
      for (const attempt of encodingAttempts(transparent)) {
        const encoded = await decoded.encode(size, attempt);
        // A browser that cannot write the type answers another (PNG): skip rather than mislabel.
        if (!encoded || imageTypeOf(encoded) !== attempt.type) continue;
        if (encoded.length <= PICTURE_BYTE_BUDGET) return prepared(encoded, attempt.type, size);
      }
      size = smallerSize(size);
    }
    return { ok: false, reason: 'too-large' };
  } finally {
    decoded.release();
  }
}

function prepared(bytes: Uint8Array, type: string, size: PictureSize): PreparedPicture {
  return { ok: true, dataUrl: `data:${type};base64,${bytesToBase64(bytes)}`, bytes: bytes.length, size };
}

/** A file chosen, pasted or dropped: refused before reading when plainly no picture or too heavy. */
export async function pictureFromFile(file: Blob, canvas: PictureCanvas): Promise<PreparedPicture> {
  // Some phones give no type for a camera picture; then the bytes decide.
  if (file.type !== '' && !file.type.startsWith('image/')) return { ok: false, reason: 'not-image' };
  if (file.size > MAX_PICTURE_FILE_BYTES) return { ok: false, reason: 'too-large' };
  return downscalePicture(new Uint8Array(await readBytes(file)), canvas);
}

function readBytes(file: Blob): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}
