/**
 * Word holds PNG, JPEG, GIF and BMP only: a WebP or AVIF picture of the draft is drawn on a canvas
 * by the browser and embedded as PNG. Null when the browser cannot read it (the export then names it).
 */
import type { DecodedImage } from '../../../shared/export/image-data';
import { isAbortError, untilAborted } from '../../../shared/export/pace';
import type { DocxImage } from '../../../shared/export/to-docx';

/**
 * A picture the browser has not drawn by then is left out (and named) rather than holding the
 * export: decoding and `toBlob` can stall on a broken file or a starved tab.
 */
export const IMAGE_CONVERSION_TIMEOUT_MS = 15_000;

class ConversionTimeout extends Error {
  override name = 'ConversionTimeout';
}

export function canvasImageConverter(
  win: Window,
  timeoutMs = IMAGE_CONVERSION_TIMEOUT_MS,
): (image: DecodedImage, signal?: AbortSignal) => Promise<DocxImage | null> {
  return async (image, signal) => {
    let timer: ReturnType<Window['setTimeout']> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = win.setTimeout(() => reject(new ConversionTimeout(`not drawn within ${timeoutMs} ms`)), timeoutMs);
    });
    // Every await gives way to a cancel at once, and to the time limit.
    const step = <T>(promise: Promise<T>) => untilAborted(Promise.race([promise, timeout]), signal);
    try {
      const bitmap = await step(win.createImageBitmap(new Blob([new Uint8Array(image.bytes)], { type: image.type })));
      const canvas = win.document.createElement('canvas');
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
      canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
      bitmap.close();
      const blob = await step(new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png')));
      if (!blob) return null;
      return {
        type: 'png',
        bytes: new Uint8Array(await step(blob.arrayBuffer())),
        width: canvas.width,
        height: canvas.height,
      };
    } catch (error) {
      if (isAbortError(error)) throw error;
      console.warn('dampingi export: a picture could not be converted for Word', { type: image.type, error });
      return null;
    } finally {
      win.clearTimeout(timer);
    }
  };
}
