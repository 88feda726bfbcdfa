// @vitest-environment jsdom
// @vitest-environment-options {"url": "https://guru.example.id/materi/pecahan"}
/**
 * Link, image and video clips: what the injected function reads from the page, the card it
 * becomes, and the waiting clip carried by the popup tab's address.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { chooseDraftPageUrl, menuClipOf } from '../../extension/background/context-menu';
import { MediaDetailsSchema } from '../../extension/clip/media-details';
import { describeMedia } from '../../extension/clip/read-media';
import { clipRequestFor, waitingClipFrom } from '../../extension/clip/waiting-clip';

afterEach(() => {
  document.body.innerHTML = '';
  document.head.innerHTML = '';
});

describe('describing the chosen link, image or video', () => {
  it('a link: its text as the title, its title attribute as what it says', () => {
    document.body.innerHTML = `<p><a href="/bacaan/pecahan" title="Bacaan untuk kelas 4">  Pecahan   senilai </a></p>`;
    expect(describeMedia('link', 'https://guru.example.id/bacaan/pecahan')).toEqual({
      found: true,
      url: 'https://guru.example.id/bacaan/pecahan',
      title: 'Pecahan senilai',
      caption: 'Bacaan untuk kelas 4',
      platform: null,
    });
  });

  it('an image: its alt text and the caption of its figure', () => {
    document.body.innerHTML = `<figure><img src="/img/kue.png" alt="Kue lapis"><figcaption>Dibagi empat</figcaption></figure>`;
    expect(describeMedia('image', 'https://guru.example.id/img/kue.png')).toMatchObject({
      found: true,
      title: 'Kue lapis',
      caption: 'Dibagi empat',
    });
  });

  it('a video: the first <video> or YouTube embed, whichever comes first; an embed becomes its watch address', () => {
    document.body.innerHTML = `
      <figure><iframe title="Belajar pecahan" src="https://www.youtube-nocookie.com/embed/AbC123xyz?rel=0"></iframe>
      <figcaption>Video pembuka</figcaption></figure>
      <video src="/v/film.mp4" title="Film"></video>`;
    expect(describeMedia('video', null)).toEqual({
      found: true,
      url: 'https://www.youtube.com/watch?v=AbC123xyz',
      title: 'Belajar pecahan',
      caption: 'Video pembuka',
      platform: 'youtube',
    });
    // The context menu names the <video> itself.
    expect(describeMedia('video', 'https://guru.example.id/v/film.mp4')).toMatchObject({
      url: 'https://guru.example.id/v/film.mp4',
      title: 'Film',
      platform: null,
    });
  });

  it('no video on the page is said, not guessed', () => {
    document.body.innerHTML = '<p>Tidak ada video.</p>';
    expect(describeMedia('video', null).found).toBe(false);
  });

  it('what the page returns is checked: a javascript: address is dropped, long text is cut', () => {
    const parsed = MediaDetailsSchema.parse({
      found: true,
      url: 'javascript:alert(1)',
      title: 'x'.repeat(5000),
      caption: '   ',
      platform: null,
    });
    expect(parsed.url).toBeNull();
    expect(parsed.title).toHaveLength(1000);
    expect(parsed.caption).toBeNull();
    expect(MediaDetailsSchema.safeParse({ found: 'yes' }).success).toBe(false);
  });
});

describe('a clip waiting in the popup tab', () => {
  it('a context menu click on an image opens the popup with that image waiting; bad addresses are refused', () => {
    const clip = menuClipOf({ menuItemId: 'dampingi-clip-image', frameId: 3, srcUrl: 'https://a.id/k.png' }, 12);
    expect(clip).toEqual({ kind: 'image', tabId: 12, frameId: 3, url: 'https://a.id/k.png' });
    expect(menuClipOf({ menuItemId: 'someone-else' }, 12)).toBeNull();

    const page = new URL(chooseDraftPageUrl('chrome-extension://x/popup.html', clip!, 'source-exists'));
    expect(page.searchParams.get('reason')).toBe('source-exists');
    const waiting = waitingClipFrom(page.search);
    expect(waiting).toEqual(clip);
    expect(clipRequestFor(waiting!, 'draft-1', 'add-to-existing')).toEqual({
      type: 'clip-media',
      media: 'image',
      tabId: 12,
      frameId: 3,
      draftId: 'draft-1',
      url: 'https://a.id/k.png',
      ifSourceExists: 'add-to-existing',
    });
    expect(waitingClipFrom('?tab=1&clip=image&url=javascript:alert(1)')).toBeNull();
    expect(waitingClipFrom('?tab=-1&clip=link')).toBeNull();
    expect(waitingClipFrom('?tab=4')).toBeNull();
  });
});
