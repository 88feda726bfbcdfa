/**
 * PictureCanvas on a real canvas: createImageBitmap to decode, an OffscreenCanvas (pages and the
 * extension's service worker) or a <canvas> (older pages) to draw and encode.
 */
import type { DecodedPicture, PictureCanvas } from './downscale-picture';
import type { EncodingAttempt, PictureSize } from './picture-plan';

type Surface = OffscreenCanvas | HTMLCanvasElement;
type Scope = Pick<typeof globalThis, 'createImageBitmap'> & {
  OffscreenCanvas?: typeof OffscreenCanvas;
  document?: Document;
};

export function browserPictureCanvas(scope: Scope = globalThis): PictureCanvas {
  return {
    async decode(bytes, type) {
      if (typeof scope.createImageBitmap !== 'function') return null;
      const bitmap = await scope.createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
      return decodedBitmap(bitmap, scope);
    },
  };
}

function decodedBitmap(bitmap: ImageBitmap, scope: Scope): DecodedPicture {
  const draw = (size: PictureSize, ground: string | null) => {
    const surface = makeSurface(scope, size);
    const context = surface.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
    if (!context) return null;
    if (ground) {
      // JPEG has no transparency: white behind a transparent picture, not black.
      context.fillStyle = ground;
      context.fillRect(0, 0, size.width, size.height);
    }
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, size.width, size.height);
    return { surface, context };
  };
  return {
    size: { width: bitmap.width, height: bitmap.height },
    async transparentAt(size) {
      const drawn = draw(size, null);
      if (!drawn) return false;
      const pixels = drawn.context.getImageData(0, 0, size.width, size.height).data;
      for (let index = 3; index < pixels.length; index += 4) if (pixels[index] !== 255) return true;
      return false;
    },
    async encode(size, attempt) {
      const drawn = draw(size, attempt.type === 'image/jpeg' ? '#ffffff' : null);
      if (!drawn) return null;
      const blob = await encodeSurface(drawn.surface, attempt);
      return blob ? new Uint8Array(await blob.arrayBuffer()) : null;
    },
    release: () => bitmap.close(),
  };
}

function makeSurface(scope: Scope, size: PictureSize): Surface {
  if (typeof scope.OffscreenCanvas === 'function') return new scope.OffscreenCanvas(size.width, size.height);
  if (!scope.document) throw new Error('no canvas to draw a picture on');
  const canvas = scope.document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  return canvas;
}

function encodeSurface(surface: Surface, attempt: EncodingAttempt): Promise<Blob | null> {
  if ('convertToBlob' in surface) return surface.convertToBlob({ type: attempt.type, quality: attempt.quality });
  return new Promise((resolve) => surface.toBlob(resolve, attempt.type, attempt.quality));
}
