/**
 * The draft's text as one string, with a table from string offsets to ProseMirror positions, so
 * the pure anchor functions (shared/mentoring/anchor-text.ts) work on the editor's document.
 * Blocks are separated by '\n' (as a paragraph split turns a space into a line break, the quote
 * search treats both alike).
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';

export interface DocumentText {
  text: string;
  /** `positions[i]`: the document position just before character i; strictly increasing. */
  positions: number[];
}

export interface PositionRange {
  from: number;
  to: number;
}

export function documentText(doc: ProseMirrorNode): DocumentText {
  let text = '';
  const positions: number[] = [];
  /** Where the previous textblock's content ended: the place of the separator after it. */
  let previousEnd: number | null = null;
  const push = (chars: string, at: number) => {
    text += chars;
    for (let index = 0; index < chars.length; index++) positions.push(at + index);
  };
  doc.descendants((node, pos) => {
    if (node.isTextblock) {
      if (previousEnd !== null) push('\n', previousEnd);
      previousEnd = pos + node.nodeSize - 1;
      return true;
    }
    if (node.isText) push(node.text ?? '', pos);
    else if (node.type.name === 'hardBreak') push('\n', pos);
    return true;
  });
  return { text, positions };
}

/** How many characters lie before document position `pos` (the string offset of `pos`). */
export function offsetAt(source: DocumentText, pos: number): number {
  let low = 0;
  let high = source.positions.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((source.positions[middle] as number) < pos) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function offsetsOf(source: DocumentText, range: PositionRange): PositionRange {
  return { from: offsetAt(source, range.from), to: offsetAt(source, range.to) };
}

/** The document range covering characters [from, to) of the string; null when it is empty. */
export function positionsOf(source: DocumentText, range: PositionRange): PositionRange | null {
  if (range.to <= range.from) return null;
  const first = source.positions[range.from];
  const last = source.positions[range.to - 1];
  if (first === undefined || last === undefined) return null;
  return { from: first, to: last + 1 };
}

/** The range narrowed to its first and last non-space characters (what a quote holds). */
export function trimOffsets(text: string, range: PositionRange): PositionRange {
  let { from, to } = range;
  while (from < to && /\s/.test(text[from] as string)) from++;
  while (to > from && /\s/.test(text[to - 1] as string)) to--;
  return { from, to };
}
