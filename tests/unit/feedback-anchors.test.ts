/**
 * Re-anchoring over real editing traces: anchors placed early in a trace (relative positions plus
 * quote and context) still point at their text after the whole trace, are found again by their
 * quote when their text was deleted and retyped, or are marked detached — never lost.
 *
 * Oracle: each anchored range is also marked with a Y.Text format attribute, which Yjs carries
 * with the characters through every edit; the anchor must end up on those characters.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { placeAnchor, quoteContext } from '../../shared/mentoring/anchor-text';
import { decodeRelativePosition, encodeRelativePosition } from '../../shared/mentoring/relative-position';

const TRACES = resolve(import.meta.dirname, '../fixtures/editing-traces');

interface Trace {
  startContent: string;
  endContent: string;
  txns: { patches: [number, number, string][] }[];
}

function load(name: string): Trace {
  return JSON.parse(gunzipSync(readFileSync(resolve(TRACES, name))).toString('utf8')) as Trace;
}

/**
 * Replays in slices, handing the event loop back between them: a test that blocks it for a minute
 * (a busy machine) starves vitest's worker messages and fails the run with "Timeout calling onTaskUpdate".
 */
async function replay(text: Y.Text, txns: Trace['txns']): Promise<void> {
  for (const [index, txn] of txns.entries()) {
    if (index % 2_000 === 1_999) await new Promise((next) => setImmediate(next));
    text.doc?.transact(() => {
      for (const [pos, del, insert] of txn.patches) {
        if (del > 0) text.delete(pos, del);
        if (insert !== '') text.insert(pos, insert);
      }
    });
  }
}

/** Deterministic choice of ranges: word-aligned spans of 3–8 words spread over the text. */
function chooseRanges(value: string, count: number): { from: number; to: number }[] {
  const words = [...value.matchAll(/\S+/g)].map((match) => ({ from: match.index, to: match.index + match[0].length }));
  const ranges: { from: number; to: number }[] = [];
  for (let index = 0; index < count && words.length > 10; index++) {
    const first = Math.floor(((index + 0.5) / count) * (words.length - 8));
    const length = 3 + (index % 6);
    const start = words[first];
    const end = words[Math.min(first + length - 1, words.length - 1)];
    if (start && end) ranges.push({ from: start.from, to: end.to });
  }
  return ranges;
}

/** The characters carrying attribute `name` (the oracle), as the range they span now. */
function markedRange(text: Y.Text, name: string): { from: number; to: number } | null {
  let at = 0;
  let from: number | null = null;
  let to: number | null = null;
  for (const op of text.toDelta() as { insert: string; attributes?: Record<string, unknown> }[]) {
    if (op.attributes?.[name]) {
      from ??= at;
      to = at + op.insert.length;
    }
    at += op.insert.length;
  }
  return from === null || to === null ? null : { from, to };
}

async function anchorsSurvive(traceName: string, placeAfterFraction: number) {
  const trace = load(traceName);
  const doc = new Y.Doc();
  const text = doc.getText('text');
  text.insert(0, trace.startContent);
  const split = Math.floor(trace.txns.length * placeAfterFraction);
  await replay(text, trace.txns.slice(0, split));

  const early = text.toString();
  const anchors = chooseRanges(early, 40).map((range, index) => {
    const name = `a${index}`;
    text.format(range.from, range.to - range.from, { [name]: true });
    return {
      name,
      start: encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, range.from, 0)),
      end: encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, range.to, -1)),
      ...quoteContext(early, range.from, range.to),
    };
  });

  await replay(text, trace.txns.slice(split));
  const final = text.toString();
  expect(final).toBe(trace.endContent);

  const counts = { attached: 0, reanchored: 0, detached: 0 };
  for (const anchor of anchors) {
    const start = decodeRelativePosition(anchor.start);
    const end = decodeRelativePosition(anchor.end);
    const from = start && Y.createAbsolutePositionFromRelativePosition(start, doc);
    const to = end && Y.createAbsolutePositionFromRelativePosition(end, doc);
    const followed = from && to ? { from: from.index, to: to.index } : null;
    const place = placeAnchor(final, anchor, followed);
    counts[place.status]++;
    const marked = markedRange(text, anchor.name);
    if (place.status === 'attached') {
      // On the characters it was placed on, and what was typed between them. Text typed right
      // after the anchor takes the format too (the oracle runs on), but rightly not the anchor.
      expect(marked, anchor.quote).not.toBeNull();
      expect(place.from, anchor.quote).toBe(marked?.from);
      expect(place.to, anchor.quote).toBeLessThanOrEqual(marked?.to ?? -1);
      expect(place.to, anchor.quote).toBeGreaterThan(place.from);
    } else if (place.status === 'reanchored') {
      expect(final.slice(place.from, place.to).replace(/\s+/g, ' ')).toBe(anchor.quote.replace(/\s+/g, ' '));
    } else {
      expect(final.replace(/\s+/g, ' ')).not.toContain(anchor.quote.replace(/\s+/g, ' '));
    }
  }
  return counts;
}

/** Replaying a whole trace is CPU-bound: seconds alone, minutes on a machine busy with other work. */
const TRACE_REPLAY = 240_000;

describe('anchors over real editing traces', () => {
  it(
    'a blog post written from scratch (seph-blog1): anchors placed a fifth of the way in',
    async () => {
      const counts = await anchorsSurvive('seph-blog1.json.gz', 0.2);
      console.info('seph-blog1 anchors:', counts);
      expect(counts.attached + counts.reanchored + counts.detached).toBe(40);
      expect(counts.attached).toBeGreaterThan(0);
    },
    TRACE_REPLAY,
  );

  it(
    'two authors’ interleaved edits, flattened (friendsforever_flat): anchors placed a third of the way in',
    async () => {
      const counts = await anchorsSurvive('friendsforever_flat.json.gz', 0.33);
      console.info('friendsforever_flat anchors:', counts);
      expect(counts.attached + counts.reanchored + counts.detached).toBe(40);
      expect(counts.attached).toBeGreaterThan(0);
    },
    TRACE_REPLAY,
  );
});
