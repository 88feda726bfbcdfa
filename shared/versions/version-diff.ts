/**
 * What changed between two versions of a draft, as ranges in the editor's own documents: text added
 * (positions in the newer document) and text removed (with the place in the newer document where it
 * was). Built on prosemirror-changeset: the differing top-level blocks are found first
 * (./block-alignment.ts), each run becomes one replace step, and the change set diffs each run token
 * by token; each pure deletion or insertion is slid to a whole block or word where it can be
 * (./change-sliding.ts), and the changes are widened to whole words for reading. Marks (bold, links…) are not compared:
 * a formatting-only change is not marked.
 */
import { Change, ChangeSet, simplifyChanges, type TokenEncoder } from '@tiptap/pm/changeset';
import { Fragment, type Node as ProseMirrorNode, Slice } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import { alignBlocks } from './block-alignment';
import { slideChanges } from './change-sliding';

export interface AddedRange {
  /** Positions in the newer document. */
  from: number;
  to: number;
}

export interface RemovedPiece {
  /** Where in the newer document the removed content was. */
  at: number;
  /** The removed range in the older document. */
  from: number;
  to: number;
  /** Its text; blocks on their own lines, leaves (images…) as `leafText` gives them. */
  text: string;
  /** True when it spans more than one block (a removed paragraph, say), false for text within one. */
  multiBlock: boolean;
}

export interface DocumentDiff {
  added: AddedRange[];
  removed: RemovedPiece[];
}

export interface DiffOptions {
  /** How a removed leaf node (an image, a line break) reads; default `[image]`-style names. */
  leafText?: (node: ProseMirrorNode) => string;
}

/**
 * Characters compare by code; a node's start by its type, and a leaf's by its attributes too (a
 * different picture is a change, a heading level is formatting).
 */
const encoder: TokenEncoder<number | string> = {
  encodeCharacter: (char) => char,
  encodeNodeStart: (node) => (node.isLeaf ? `${node.type.name}:${JSON.stringify(node.attrs)}` : node.type.name),
  encodeNodeEnd: (node) => `/${node.type.name}`,
  compareTokens: (a, b) => a === b,
};

/** The changes that turn `older` into `newer` (two documents of the same schema). */
export function diffDocuments(older: ProseMirrorNode, newer: ProseMirrorNode, options: DiffOptions = {}): DocumentDiff {
  const leafText = options.leafText ?? ((node: ProseMirrorNode) => (node.isText ? '' : `[${node.type.name}]`));
  const blocksA = childrenOf(older);
  const blocksB = childrenOf(newer);
  const runs = alignBlocks(blocksA.map(blockKey), blocksB.map(blockKey));
  if (runs.length === 0) return { added: [], removed: [] };

  const startA = offsets(blocksA);
  const transform = new Transform(older);
  // Back to front, so the older document's positions of the runs still to do stay valid.
  for (const run of [...runs].reverse()) {
    const inserted = Fragment.fromArray(blocksB.slice(run.fromB, run.toB));
    transform.replace(startA[run.fromA] as number, startA[run.toA] as number, new Slice(inserted, 0, 0));
  }
  if (!transform.doc.eq(newer)) {
    // Cannot happen for two valid documents of one schema; fall back to one whole replacement.
    transform.replace(0, transform.doc.content.size, new Slice(newer.content, 0, 0));
  }
  const changeSet = ChangeSet.create(older, undefined, encoder).addSteps(transform.doc, transform.mapping.maps, null);
  const slid = slideChanges(changeSet.changes, older, transform.doc).map((change) =>
    Change.fromJSON({
      ...change,
      deleted: change.toA > change.fromA ? [{ length: change.toA - change.fromA, data: null }] : [],
      inserted: change.toB > change.fromB ? [{ length: change.toB - change.fromB, data: null }] : [],
    }),
  );
  const changes = simplifyChanges(slid, transform.doc);

  const added: AddedRange[] = [];
  const removed: RemovedPiece[] = [];
  for (const change of changes) {
    if (change.toB > change.fromB) added.push({ from: change.fromB, to: change.toB });
    if (change.toA > change.fromA) {
      const text = older.textBetween(change.fromA, change.toA, '\n', leafText);
      const from = older.resolve(change.fromA);
      const to = older.resolve(change.toA);
      const multiBlock = !from.parent.inlineContent || !to.parent.inlineContent || !from.sameParent(to);
      if (text.trim() === '' && !multiBlock) continue;
      removed.push({ at: change.fromB, from: change.fromA, to: change.toA, text, multiBlock });
    }
  }
  return { added, removed };
}

/** The text added, removed, in document order — what a summary or a test reads. */
export function changedText(newer: ProseMirrorNode, diff: DocumentDiff): { added: string[]; removed: string[] } {
  return {
    added: diff.added.map((range) => newer.textBetween(range.from, range.to, '\n', '')),
    removed: diff.removed.map((piece) => piece.text),
  };
}

function childrenOf(doc: ProseMirrorNode): ProseMirrorNode[] {
  const children: ProseMirrorNode[] = [];
  doc.forEach((child) => {
    children.push(child);
  });
  return children;
}

function blockKey(block: ProseMirrorNode): string {
  return JSON.stringify(block.toJSON());
}

/** Position of each block's start, plus the end of the last one. */
function offsets(blocks: readonly ProseMirrorNode[]): number[] {
  const positions = [0];
  for (const block of blocks) positions.push((positions.at(-1) as number) + block.nodeSize);
  return positions;
}
