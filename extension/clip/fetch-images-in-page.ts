/**
 * The function injected into a page to fetch a clip's images there, where the page's own cookies
 * and cache apply (`scripting.executeScript({ func: fetchImagesInPage, args: [urls, maxBytes] })`).
 *
 * Self-contained (serialised into the page). Its result is untrusted: the background checks every
 * data URL (size, base64, and the image type from the bytes themselves) before it is stored.
 */

export interface RawFetchedImage {
  url: string;
  dataUrl: string | null;
  problem: 'too-large' | 'not-an-image' | 'unreachable' | null;
}

export async function fetchImagesInPage(urls: string[], maxBytes: number): Promise<RawFetchedImage[]> {
  const readAsDataUrl = (blob: Blob) =>
    new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(blob);
    });
  const fetchOne = async (url: string): Promise<RawFetchedImage> => {
    try {
      const response = await fetch(url, { credentials: 'same-origin', cache: 'force-cache' });
      if (!response.ok) return { url, dataUrl: null, problem: 'unreachable' };
      const declared = Number(response.headers.get('content-length') ?? '0');
      if (declared > maxBytes) return { url, dataUrl: null, problem: 'too-large' };
      const blob = await response.blob();
      if (blob.size > maxBytes) return { url, dataUrl: null, problem: 'too-large' };
      if (!blob.type.startsWith('image/')) return { url, dataUrl: null, problem: 'not-an-image' };
      return { url, dataUrl: await readAsDataUrl(blob), problem: null };
    } catch {
      // Cross-origin without CORS, offline, blocked: the background may still reach it.
      return { url, dataUrl: null, problem: 'unreachable' };
    }
  };
  return Promise.all(urls.map(fetchOne));
}
