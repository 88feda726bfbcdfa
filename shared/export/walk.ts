/** Walking an export document's top-level blocks in order, with progress: shared by every format. */
import type { Node as PMNode } from '@tiptap/pm/model';
import type { ExportDocument, ExportSection } from './export-document';
import type { Pacer } from './pace';

export type TopLevel =
  | { kind: 'block'; node: PMNode; section: ExportSection | null }
  | { kind: 'section'; section: ExportSection };

/** The content's blocks, then each section's heading and blocks. */
export function topLevelItems(doc: ExportDocument): TopLevel[] {
  const items: TopLevel[] = [];
  doc.content.forEach((node) => {
    items.push({ kind: 'block', node, section: null });
  });
  for (const section of doc.sections) {
    items.push({ kind: 'section', section });
    for (const node of section.blocks) items.push({ kind: 'block', node, section });
  }
  return items;
}

/**
 * Calls `visit` for each top-level item, yielding between slices; progress runs from `from` to `to`
 * (the rest is left for packing the file).
 */
export async function eachTopLevel(
  doc: ExportDocument,
  pacer: Pacer,
  visit: (item: TopLevel) => void | Promise<void>,
  from = 0,
  to = 0.9,
): Promise<void> {
  const items = topLevelItems(doc);
  for (const [index, item] of items.entries()) {
    await pacer.step(from + ((to - from) * index) / items.length);
    await visit(item);
  }
}
