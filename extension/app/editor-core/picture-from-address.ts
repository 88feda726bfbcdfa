/**
 * A picture named by its web address becomes a picture stored in the draft: fetched once here,
 * downscaled (long side ≤ 1600 px) and kept as a data: URL — a draft never makes its readers'
 * browsers fetch from elsewhere (shared/model/content-images.ts). Fails when the site does not let
 * other pages read its pictures (CORS) or the answer is no picture.
 */
import { browserPictureCanvas } from '../../pictures/browser-canvas';
import { pictureFromFile } from '../../pictures/downscale-picture';

/** A picture file larger than this is not fetched to the end. */
const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;

export type PictureFromAddress = { ok: true; dataUrl: string } | { ok: false };

export async function pictureFromAddress(url: string, win: Window): Promise<PictureFromAddress> {
  try {
    const response = await win.fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer', mode: 'cors' });
    if (!response.ok) return { ok: false };
    const length = Number(response.headers.get('content-length') ?? '0');
    if (length > MAX_DOWNLOAD_BYTES) return { ok: false };
    const blob = await response.blob();
    if (blob.size > MAX_DOWNLOAD_BYTES) return { ok: false };
    // The same downscaler as pictures from the device and clipped ones (../../pictures/).
    const picture = await pictureFromFile(blob, browserPictureCanvas(win as Window & typeof globalThis));
    return picture.ok ? { ok: true, dataUrl: picture.dataUrl } : { ok: false };
  } catch {
    return { ok: false };
  }
}
