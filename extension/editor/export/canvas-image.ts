/**
 * Word holds PNG, JPEG, GIF and BMP only: a WebP or AVIF picture of the draft is drawn on a canvas
 * by the browser and embedded as PNG. Null when the browser cannot read it (the export then names it).
 */
import type { DecodedImage } from '../../../shared/export/image-data';
import type { DocxImage } from '../../../shared/export/to-docx';

export function canvasImageConverter(win: Window): (image: DecodedImage) => Promise<DocxImage | null> {
  return async (image) => {
    try {
      const bitmap = await win.createImageBitmap(new Blob([new Uint8Array(image.bytes)], { type: image.type }));
      const canvas = win.document.createElement('canvas');
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
      canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
      bitmap.close();
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
      if (!blob) return null;
      return {
        type: 'png',
        bytes: new Uint8Array(await blob.arrayBuffer()),
        width: canvas.width,
        height: canvas.height,
      };
    } catch (error) {
      console.warn('dampingi export: a picture could not be converted for Word', error);
      return null;
    }
  };
}
