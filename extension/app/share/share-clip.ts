/**
 * A kept share becomes clip content, as the extension's clips are: a link alone becomes the page's
 * article card (fetched by the server, `POST /api/clips/from-url`), or a plain link card when the
 * person chose so after a refusal; text becomes a selection clip; pictures become an image clip,
 * made small by the one downscaler (../../pictures/downscale-picture.ts) like device pictures.
 */
import type { ClipKind, ClipSource, NodeJson } from '../../../shared/model/clip';
import type { ClipInboxClient } from '../../api/clip-inbox-client';
import type { PreparedPicture } from '../../pictures/downscale-picture';
import type { SharedEntry, ShareProblem } from './share-store';
import { readSharedContent, shareKind, textParagraphs } from './shared-content';

export interface ClipParts {
  kind: ClipKind;
  source: ClipSource;
  content: NodeJson[];
}

export type ShareClipResult = { ok: true; parts: ClipParts } | { ok: false; problem: ShareProblem };

export interface ShareClipDeps {
  fromUrl: ClipInboxClient['fromUrl'];
  preparePicture(blob: Blob): Promise<PreparedPicture>;
  /** The source of a clip that came without a link: the Dampingi app itself (a source needs an address). */
  appUrl: string;
  /** The source's title when none came, e.g. "Dibagikan dari ponsel". */
  untitled: string;
}

const text = (value: string, marks?: NodeJson['marks']): NodeJson => ({
  type: 'text',
  text: value,
  ...(marks && { marks }),
});
const paragraph = (content: NodeJson[]): NodeJson =>
  content.length ? { type: 'paragraph', content } : { type: 'paragraph' };

/** Lines of one paragraph, with hard breaks between them (as a pasted passage keeps them). */
function paragraphOf(lines: string[]): NodeJson {
  const content: NodeJson[] = [];
  for (const [index, line] of lines.entries()) {
    if (index > 0) content.push({ type: 'hardBreak' });
    if (line !== '') content.push(text(line));
  }
  return paragraph(content);
}

export async function clipPartsOf(entry: SharedEntry, deps: ShareClipDeps): Promise<ShareClipResult> {
  const shared = readSharedContent(entry);
  const pictures = entry.files.filter((file) => file.type === '' || file.type.startsWith('image/'));
  const kind = shareKind(shared, pictures.length);
  const source: ClipSource = {
    title: shared.title ?? (shared.url ? new URL(shared.url).host : deps.untitled),
    url: shared.url ?? deps.appUrl,
    siteName: shared.url ? new URL(shared.url).host : null,
    author: null,
    publishedAt: null,
    licence: null,
    language: null,
    description: null,
    capturedAt: entry.receivedAt,
  };
  if (kind === 'picture') {
    const content: NodeJson[] = [];
    for (const file of pictures) {
      if (!file.blob) return { ok: false, problem: { kind: 'picture', reason: 'too-large' } };
      const prepared = await deps.preparePicture(file.blob);
      if (!prepared.ok) return { ok: false, problem: { kind: 'picture', reason: prepared.reason } };
      const alt = shared.title ?? altOf(file.name);
      content.push({ type: 'image', attrs: { src: prepared.dataUrl, alt, title: alt } });
    }
    for (const lines of shared.text ? textParagraphs(shared.text) : []) content.push(paragraphOf(lines));
    return { ok: true, parts: { kind: 'image', source, content } };
  }
  if (kind === 'text' && shared.text) {
    return { ok: true, parts: { kind: 'selection', source, content: textParagraphs(shared.text).map(paragraphOf) } };
  }
  if (kind === 'page' && shared.url) {
    if (entry.asLink) return { ok: true, parts: linkCard(source) };
    const fetched = await deps.fromUrl({ url: shared.url, mode: 'article' });
    if (fetched.ok) return { ok: true, parts: fetched.value };
    if (fetched.refused) return { ok: false, problem: { kind: 'refused', reason: fetched.refused } };
    if (fetched.reason === 'network') return { ok: false, problem: { kind: 'offline' } };
    return { ok: false, problem: { kind: 'server', reason: fetched.reason } };
  }
  return { ok: false, problem: { kind: 'empty' } };
}

/** A card naming the page: its title as the link, kept when the page itself could not be fetched. */
function linkCard(source: ClipSource): ClipParts {
  const link = text(source.title, [{ type: 'link', attrs: { href: source.url } }]);
  return { kind: 'bookmark', source, content: [paragraph([link])] };
}

function altOf(fileName: string): string {
  const base = fileName.replace(/\.[a-z0-9]{1,5}$/i, '').trim();
  return base === '' ? fileName : base;
}
