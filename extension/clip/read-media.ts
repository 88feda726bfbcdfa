/**
 * The function injected into a page (`scripting.executeScript({ func: describeMedia, args })`) to
 * describe the link, image or video the user chose: its address, title and caption.
 *
 * Self-contained (it is serialised into the page: no imports, no outer helpers). Its result is
 * untrusted (the page controls its DOM) and validated by `MediaDetailsSchema` (./media-details.ts).
 */

/** What the injected function returns; mirrored by `MediaDetailsSchema`. */
export interface RawMediaDetails {
  found: boolean;
  /** The resource itself: the link's target, the image's address, the video's page or file. */
  url: string | null;
  title: string | null;
  caption: string | null;
  /** `youtube` when the video is a YouTube video (its page or an embed). */
  platform: 'youtube' | null;
}

export function describeMedia(media: 'link' | 'image' | 'video', target: string | null): RawMediaDetails {
  const absolute = (value: string | null | undefined): string | null => {
    if (!value) return null;
    try {
      return new URL(value, document.baseURI).href;
    } catch {
      return null;
    }
  };
  const clean = (value: string | null | undefined): string | null => {
    const text = (value ?? '').replace(/\s+/g, ' ').trim();
    return text === '' ? null : text;
  };
  const captionOf = (element: Element): string | null =>
    clean(element.closest('figure')?.querySelector('figcaption')?.textContent);
  const none: RawMediaDetails = { found: false, url: null, title: null, caption: null, platform: null };

  if (media === 'link') {
    const link = Array.from(document.querySelectorAll('a[href]')).find(
      (element) => absolute(element.getAttribute('href')) === target,
    );
    if (!link) return { ...none, found: target !== null, url: target };
    const imageAlt = link.querySelector('img[alt]')?.getAttribute('alt');
    return {
      found: true,
      url: target,
      title: clean(link.textContent) ?? clean(link.getAttribute('title')) ?? clean(imageAlt),
      caption: clean(link.getAttribute('title')),
      platform: null,
    };
  }

  if (media === 'image') {
    const image = Array.from(document.querySelectorAll('img')).find(
      (element) => element.currentSrc === target || absolute(element.getAttribute('src')) === target,
    );
    if (!image) return { ...none, found: target !== null, url: target };
    return {
      found: true,
      url: target,
      title: clean(image.getAttribute('alt')) ?? clean(image.getAttribute('title')),
      caption: captionOf(image),
      platform: null,
    };
  }

  // A YouTube watch page is the video itself (its <video> only has a blob: address).
  const youTubeId = (url: URL): string | null => {
    const host = url.hostname.replace(/^www\.|^m\./, '');
    if (host === 'youtube.com' && url.pathname === '/watch') return url.searchParams.get('v');
    if ((host === 'youtube.com' || host === 'youtube-nocookie.com') && url.pathname.startsWith('/embed/'))
      return url.pathname.split('/')[2] ?? null;
    if (host === 'youtu.be') return url.pathname.slice(1) || null;
    return null;
  };
  const watchUrl = (id: string) => `https://www.youtube.com/watch?v=${encodeURIComponent(id)}`;
  const pageId = youTubeId(new URL(location.href));
  if (pageId) {
    const ogTitle = document.querySelector('meta[property="og:title"]')?.getAttribute('content');
    return {
      found: true,
      url: watchUrl(pageId),
      title: clean(ogTitle) ?? clean(document.title.replace(/\s*-\s*YouTube\s*$/, '')),
      caption: null,
      platform: 'youtube',
    };
  }

  const videos = Array.from(document.querySelectorAll('video'));
  const addressOf = (video: HTMLVideoElement) =>
    video.currentSrc ||
    absolute(video.getAttribute('src')) ||
    absolute(video.querySelector('source[src]')?.getAttribute('src'));
  const frames = Array.from(document.querySelectorAll('iframe[src]')).filter((frame) => {
    const src = absolute(frame.getAttribute('src'));
    return src !== null && youTubeId(new URL(src)) !== null;
  });
  const video = target ? videos.find((element) => addressOf(element) === target) : videos[0];
  const frame = target ? frames.find((element) => absolute(element.getAttribute('src')) === target) : frames[0];
  const chosen =
    video && frame
      ? video.compareDocumentPosition(frame) & Node.DOCUMENT_POSITION_FOLLOWING
        ? video
        : frame
      : (video ?? frame);
  if (!chosen) return none;
  if (chosen instanceof HTMLIFrameElement) {
    const id = youTubeId(new URL(absolute(chosen.getAttribute('src')) ?? ''));
    return {
      found: true,
      url: id ? watchUrl(id) : null,
      title: clean(chosen.getAttribute('title')),
      caption: captionOf(chosen),
      platform: 'youtube',
    };
  }
  const address = addressOf(chosen as HTMLVideoElement);
  return {
    found: true,
    // A stream (blob:, MediaSource) has no address of its own: the page is where to watch it.
    url: address && /^https?:/i.test(address) ? address : location.href,
    title: clean(chosen.getAttribute('title')) ?? clean(chosen.getAttribute('aria-label')),
    caption: captionOf(chosen),
    platform: null,
  };
}
