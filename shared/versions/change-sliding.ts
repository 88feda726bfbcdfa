/**
 * A pure deletion or insertion can often sit at several places with the same result ("a. b." minus
 * " b." or minus ". b"): the token diff picks one at random as far as a reader is concerned. This
 * slides each to the place a reader expects: whole blocks over pieces of two, whole words over
 * pieces of words. Positions and tokens correspond one to one (a character, a node's start or end).
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';

export interface PlainChange {
  fromA: number;
  toA: number;
  fromB: number;
  toB: number;
}

/** What is right after `pos`: a character, a node's start (leaves with their attributes) or its parent's end. */
function tokenAt(doc: ProseMirrorNode, pos: number): string {
  const $pos = doc.resolve(pos);
  const after = $pos.nodeAfter;
  if (!after) return `/${$pos.parent.type.name}`;
  if (after.isText) return after.text?.charAt(0) ?? '';
  return after.isLeaf ? `${after.type.name}:${JSON.stringify(after.attrs)}` : after.type.name;
}

function score(doc: ProseMirrorNode, from: number, to: number): number {
  const $from = doc.resolve(from);
  const $to = doc.resolve(to);
  let points = 0;
  if ($from.sameParent($to)) {
    points += 2;
    if (!$from.parent.inlineContent) points += 2;
    else {
      const before = from > $from.start() ? doc.textBetween(from - 1, from) : ' ';
      const after = to < $to.end() ? doc.textBetween(to, to + 1) : ' ';
      if (/\s/.test(before) || /\s/.test(after)) points += 1;
    }
  }
  return points;
}

/** Slides the changes' pure deletions (in `older`) and insertions (in `newer`) to their best place. */
export function slideChanges(
  changes: readonly PlainChange[],
  older: ProseMirrorNode,
  newer: ProseMirrorNode,
): PlainChange[] {
  const result = changes.map((change) => ({ ...change }));
  for (const [index, change] of result.entries()) {
    const deletion = change.toB === change.fromB && change.toA > change.fromA;
    const insertion = change.toA === change.fromA && change.toB > change.fromB;
    if (!deletion && !insertion) continue;
    const doc = deletion ? older : newer;
    const side = deletion ? { from: change.fromA, to: change.toA } : { from: change.fromB, to: change.toB };
    // Never into a neighbouring change.
    const previous = result[index - 1];
    const next = result[index + 1];
    const min = previous ? (deletion ? previous.toA : previous.toB) : 0;
    const max = next ? (deletion ? next.fromA : next.fromB) : doc.content.size;
    let from = side.from;
    let to = side.to;
    while (from - 1 >= min && tokenAt(doc, from - 1) === tokenAt(doc, to - 1)) {
      from--;
      to--;
    }
    let best = { from: side.from, points: score(doc, side.from, side.to) };
    for (;;) {
      const points = score(doc, from, to);
      if (points > best.points) best = { from, points };
      if (to + 1 > max || tokenAt(doc, from) !== tokenAt(doc, to)) break;
      from++;
      to++;
    }
    const shift = best.from - side.from;
    change.fromA += shift;
    change.toA += shift;
    change.fromB += shift;
    change.toB += shift;
  }
  return result;
}
