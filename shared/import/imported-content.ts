/**
 * What an imported Word document becomes in a draft, once its HTML is parsed with the draft schema:
 * checked against the schema, summed up for the preview (headings, lists, tables, images, links),
 * titled by its first heading, and written into the new draft's content Y.Doc in one transaction.
 */
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import type { NodeJson } from '../model/clip';
import { draftFragment } from '../model/draft-doc';
import { draftSchema } from '../model/draft-extensions';

/** Total bytes of images kept from one document: the whole import must fit in one sync message (16 MiB by default). */
export const MAX_IMPORTED_IMAGE_BYTES = 8 * 1024 * 1024;

export interface ImportedSummary {
  headings: number;
  paragraphs: number;
  lists: number;
  tables: number;
  images: number;
  links: number;
}

export function summarizeImported(content: readonly NodeJson[]): ImportedSummary {
  const summary: ImportedSummary = { headings: 0, paragraphs: 0, lists: 0, tables: 0, images: 0, links: 0 };
  const hrefs = new Set<string>();
  const visit = (nodes: readonly NodeJson[], inList: boolean, depth: number) => {
    for (const node of nodes) {
      const isList = node.type === 'bulletList' || node.type === 'orderedList';
      // A list nested in another belongs to it.
      if (isList && !inList) summary.lists++;
      if (node.type === 'heading') summary.headings++;
      // Paragraphs of the document's body; those in lists and tables count with them.
      if (node.type === 'paragraph' && node.content?.length && depth === 0) summary.paragraphs++;
      if (node.type === 'table') summary.tables++;
      if (node.type === 'image') summary.images++;
      for (const mark of node.marks ?? []) {
        if (mark.type === 'link' && typeof mark.attrs?.href === 'string') hrefs.add(mark.attrs.href);
      }
      if (node.content) visit(node.content, inList || isList, depth + 1);
    }
  };
  visit(content, false, 0);
  summary.links = hrefs.size;
  return summary;
}

function textOf(node: NodeJson): string {
  if (node.type === 'text') return node.text ?? '';
  return (node.content ?? []).map(textOf).join('');
}

/** The draft title the document suggests: its first heading's text, or null. */
export function titleFromContent(content: readonly NodeJson[]): string | null {
  for (const node of content) {
    const title = node.type === 'heading' ? textOf(node).replace(/\s+/g, ' ').trim() : '';
    if (title) return title.slice(0, 200);
  }
  return null;
}

export type ImportedContentCheck = { ok: true } | { ok: false; detail: string };

/** The schema is the final word: content that does not fit it is never written. */
export function checkImportedContent(content: readonly NodeJson[]): ImportedContentCheck {
  try {
    draftSchema()
      .nodeFromJSON({ type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] })
      .check();
    return { ok: true };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Appends the imported blocks to the draft in one transaction. They are built in a scratch document
 * by the converter the editor binding uses, so the Yjs shape is what Tiptap itself would write.
 */
export function writeImportedContent(doc: Y.Doc, content: readonly NodeJson[], origin: unknown = 'import'): void {
  if (content.length === 0) return;
  const scratch = new Y.Doc();
  const scratchFragment = scratch.getXmlFragment('scratch');
  prosemirrorJSONToYXmlFragment(draftSchema(), { type: 'doc', content }, scratchFragment);
  const copies = scratchFragment.toArray().map((item) => (item as Y.XmlElement).clone());
  const fragment = draftFragment(doc);
  doc.transact(() => fragment.insert(fragment.length, copies), origin);
  scratch.destroy();
}
