/**
 * The content of link, image and video clips, built as draft node JSON from validated details (no
 * HTML is parsed, so page text can never become markup). The clip block around it carries the source.
 */
import type { NodeJson } from '../../shared/model/clip';

const text = (value: string, marks?: NodeJson['marks']): NodeJson => ({
  type: 'text',
  text: value,
  ...(marks ? { marks } : {}),
});
const link = (value: string, href: string): NodeJson => text(value, [{ type: 'link', attrs: { href } }]);
const paragraph = (...content: NodeJson[]): NodeJson => ({ type: 'paragraph', content });

/** A linked resource: its title as the link, what the link said about it, and the page it was found on. */
export function linkCardContent(
  target: { url: string; title: string | null; caption: string | null },
  foundOn: { title: string; url: string },
  foundOnLabel: string,
): NodeJson[] {
  const blocks = [paragraph(link(target.title ?? target.url, target.url))];
  if (target.caption && target.caption !== target.title) blocks.push(paragraph(text(target.caption)));
  blocks.push(
    paragraph(text(`${foundOnLabel} `, [{ type: 'italic' }]), link(foundOn.title || foundOn.url, foundOn.url)),
  );
  return blocks;
}

/** One image (its web address until ../background/store-images.ts stores it) and its caption. */
export function imageCardContent(image: { url: string; alt: string | null; caption: string | null }): NodeJson[] {
  const blocks: NodeJson[] = [{ type: 'image', attrs: { src: image.url, alt: image.alt, title: image.alt } }];
  if (image.caption) blocks.push(paragraph(text(image.caption)));
  return blocks;
}

/** A card for a video: "▶" and its title linking to where it plays, and its caption. */
export function videoCardContent(video: { url: string; title: string | null; caption: string | null }): NodeJson[] {
  const blocks = [paragraph(text('▶ '), link(video.title ?? video.url, video.url))];
  if (video.caption && video.caption !== video.title) blocks.push(paragraph(text(video.caption)));
  return blocks;
}
