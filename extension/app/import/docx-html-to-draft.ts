/**
 * Where a Word document's HTML (from read-docx.ts) becomes draft content: footnote navigation and
 * refused images are dealt with, the clipper's sanitiser runs (extension/clip/sanitize-html.ts),
 * and the draft's ProseMirror schema parses what is left. Every step compares what went in with
 * what came out and lists the difference, so nothing is dropped without the user being told.
 */
import { DOMParser as ProseMirrorDOMParser } from '@tiptap/pm/model';
import {
  checkImportedContent,
  type ImportedSummary,
  summarizeImported,
  titleFromContent,
} from '../../../shared/import/imported-content';
import { collectNotKept, type NotKeptItem } from '../../../shared/import/not-kept';
import type { NodeJson } from '../../../shared/model/clip';
import { draftSchema } from '../../../shared/model/draft-extensions';
import { sanitizeClipHtml } from '../../clip/sanitize-html';
import { IMAGE_REF, REFUSED_IMAGE_ALT, type RefusedImageReason } from './read-docx';

export interface ImportedDraft {
  /** The document's first heading, or null (the file name is used then). */
  title: string | null;
  content: NodeJson[];
  summary: ImportedSummary;
  notKept: NotKeptItem[];
}

export type ImportConversion = { ok: true; draft: ImportedDraft } | { ok: false; reason: 'damaged' };

/** The note left in the draft where an image could not be kept (in the user's language). */
export type ImagePlaceholder = (reason: RefusedImageReason, altText: string) => string;

const WEB_LINK = /^(https?:|mailto:)/i;
/** Mammoth's footnote and endnote anchors: `#footnote-1` (the mark) and `#footnote-ref-1` (back). */
const NOTE_LINK = /^#(foot|end)note-/;
const NOTE_BACK_LINK = /^#(foot|end)note-ref-/;
/** Formatting the draft has no mark for: the text stays, the formatting goes. */
const UNKEPT_FORMATTING = 'sup, sub';

function tagCounts(root: ParentNode): Map<string, number> {
  const counts = new Map<string, number>();
  for (const element of Array.from(root.querySelectorAll('*'))) {
    const tag = element.localName;
    counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return counts;
}

function visibleLength(text: string | null): number {
  return (text ?? '').replace(/\s+/g, '').length;
}

/** Puts the kept images' data URLs back in place of their references (see read-docx.ts). */
function withImages(nodes: readonly NodeJson[], images: readonly string[]): NodeJson[] {
  return nodes.map((node) => {
    if (node.type === 'image') {
      const src = String(node.attrs?.src ?? '');
      return { ...node, attrs: { ...node.attrs, src: images[Number(src.slice(IMAGE_REF.length))] } };
    }
    return node.content ? { ...node, content: withImages(node.content, images) } : node;
  });
}

export function docxHtmlToDraft(
  reading: { html: string; images: readonly string[]; notKept: readonly NotKeptItem[] },
  document: Document,
  placeholder: ImagePlaceholder,
): ImportConversion {
  const { html, images } = reading;
  const notKept = collectNotKept(reading.notKept);
  // A template's content is inert: nothing in it loads or runs while it is looked at.
  const template = document.createElement('template');
  template.innerHTML = html;
  const source = template.content;

  for (const link of Array.from(source.querySelectorAll('a[href]'))) {
    const href = (link.getAttribute('href') ?? '').trim();
    // "↑" back to the footnote mark: navigation of a web page, meaningless in a draft.
    if (NOTE_BACK_LINK.test(href)) link.remove();
    else if (NOTE_LINK.test(href)) continue;
    else if (href.startsWith('#')) notKept.add('link-internal');
    else if (!WEB_LINK.test(href)) notKept.add('link-unsafe', /^[a-z][a-z0-9+.-]*:/i.exec(href)?.[0] ?? href);
  }
  for (const image of Array.from(source.querySelectorAll('img'))) {
    const alt = image.getAttribute('alt') ?? '';
    if (!alt.startsWith(REFUSED_IMAGE_ALT)) continue;
    const [reason, ...altText] = alt.slice(REFUSED_IMAGE_ALT.length).split(':');
    image.replaceWith(document.createTextNode(placeholder(reason as RefusedImageReason, altText.join(':'))));
  }
  const footnoteMarks = source.querySelectorAll('sup > a[href^="#footnote-"], sup > a[href^="#endnote-"]').length;
  notKept.add('superscript', undefined, source.querySelectorAll(UNKEPT_FORMATTING).length - footnoteMarks);

  let container: HTMLElement;
  let content: NodeJson[];
  try {
    const before = tagCounts(source);
    container = sanitizeClipHtml(template.innerHTML, document);
    const after = tagCounts(container);
    for (const [tag, count] of before) notKept.add('removed-element', tag, count - (after.get(tag) ?? 0));
    // Only the reader's own images are kept: any other (none expected) would load from elsewhere.
    const ours = (image: Element) => {
      const src = image.getAttribute('src') ?? '';
      return src.startsWith(IMAGE_REF) && images[Number(src.slice(IMAGE_REF.length))] !== undefined;
    };
    for (const image of Array.from(container.querySelectorAll('img')).filter((image) => !ours(image))) {
      notKept.add('image-unknown-type');
      image.replaceWith(
        container.ownerDocument.createTextNode(placeholder('unknown-type', image.getAttribute('alt') ?? '')),
      );
    }
    const parsed = ProseMirrorDOMParser.fromSchema(draftSchema()).parse(container);
    content = withImages((parsed.toJSON() as NodeJson).content ?? [], images);
    // The schema keeps text wherever it can; if any was lost on the way, the user hears it.
    const lost = visibleLength(container.textContent) - visibleLength(parsed.textContent);
    notKept.add('text-dropped', undefined, lost);
  } catch (error) {
    console.error('import: could not convert the document HTML', error);
    return { ok: false, reason: 'damaged' };
  }
  content = content.filter((node) => !(node.type === 'paragraph' && !node.content?.length));
  const checked = checkImportedContent(content);
  if (!checked.ok) {
    console.error('import: content does not fit the draft schema', checked.detail);
    return { ok: false, reason: 'damaged' };
  }
  return {
    ok: true,
    draft: { title: titleFromContent(content), content, summary: summarizeImported(content), notKept: notKept.list() },
  };
}
