/**
 * Which top-level blocks of two documents differ: a Myers diff over one key per block, so that two
 * edits far apart in a long draft are compared one by one, never as one huge replaced range.
 */

/** A run of blocks `[fromA, toA)` of the old list replaced by `[fromB, toB)` of the new one. */
export interface BlockRun {
  fromA: number;
  toA: number;
  fromB: number;
  toB: number;
}

/** Beyond this many differing blocks the rest is treated as one run (the diff would cost too much). */
const MAX_EDITS = 2_000;

/** The runs where `a` and `b` differ, in order; keys are compared with `===`. */
export function alignBlocks(a: readonly string[], b: readonly string[]): BlockRun[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  if (start === endA && start === endB) return [];
  const middle = myers(a.slice(start, endA), b.slice(start, endB));
  if (!middle) return [{ fromA: start, toA: endA, fromB: start, toB: endB }];
  return middle.map((run) => ({
    fromA: run.fromA + start,
    toA: run.toA + start,
    fromB: run.fromB + start,
    toB: run.toB + start,
  }));
}

/** Myers' O(ND) diff; null when there are more than MAX_EDITS edits. */
function myers(a: readonly string[], b: readonly string[]): BlockRun[] | null {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDITS);
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number));
      let x = down ? (v[offset + k + 1] as number) : (v[offset + k - 1] as number) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, offset, d, n, m);
    }
    v = next;
  }
  return null;
}

function backtrack(trace: readonly Int32Array[], offset: number, depth: number, n: number, m: number): BlockRun[] {
  // Walk back from (n, m): each round d added one edit (a block deleted or inserted) after a run of equal ones.
  const edits: Array<{ x: number; y: number; kind: 'delete' | 'insert' }> = [];
  let x = n;
  let y = m;
  for (let d = depth; d > 0; d--) {
    const v = trace[d] as Int32Array;
    const k = x - y;
    const down = k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number));
    const prevK = down ? k + 1 : k - 1;
    const prevX = v[offset + prevK] as number;
    const prevY = prevX - prevK;
    edits.push({ x: prevX, y: prevY, kind: down ? 'insert' : 'delete' });
    x = prevX;
    y = prevY;
  }
  edits.reverse();
  const runs: BlockRun[] = [];
  for (const edit of edits) {
    const run = runs.at(-1);
    const toA = edit.kind === 'delete' ? edit.x + 1 : edit.x;
    const toB = edit.kind === 'insert' ? edit.y + 1 : edit.y;
    if (run && run.toA === edit.x && run.toB === edit.y) {
      run.toA = toA;
      run.toB = toB;
    } else {
      runs.push({ fromA: edit.x, toA, fromB: edit.y, toB });
    }
  }
  return runs;
}
