/**
 * Where an anchored thread points now, in a text. Its relative positions are followed first (they
 * move with every concurrent edit, also inside the quoted text); only when that range is gone
 * (its text deleted, replaced or moved by a paragraph split) is the quote looked up again, with its
 * context and the old place as tie-breakers. If the quote is nowhere, the thread is detached —
 * shown as such, never dropped.
 *
 * Pure: works on any string with offsets (the editor maps its document to one, tests use traces).
 */
import type { Anchor } from './thread-schema';

export type AnchorPlace =
  | { status: 'attached' | 'reanchored'; from: number; to: number }
  | { status: 'detached'; from: null; to: null };

export const DETACHED: AnchorPlace = { status: 'detached', from: null, to: null };

/**
 * `followed` is where the relative positions resolve to now (null when they cannot be resolved);
 * `hint` is where to prefer a re-found quote (e.g. the collapsed old place).
 */
export function placeAnchor(
  text: string,
  anchor: Pick<Anchor, 'quote' | 'prefix' | 'suffix'>,
  followed: { from: number; to: number } | null,
): AnchorPlace {
  if (followed && followed.to > followed.from && text.slice(followed.from, followed.to).trim() !== '') {
    return { status: 'attached', from: followed.from, to: followed.to };
  }
  const found = locateQuote(text, anchor, followed?.from ?? null);
  return found ? { status: 'reanchored', ...found } : DETACHED;
}

/**
 * The best place of `quote` in `text`: whitespace differences ignored (a paragraph split turns a
 * space into a line break), the occurrence whose surroundings match the saved context best, then
 * the one nearest `hint`.
 */
export function locateQuote(
  text: string,
  anchor: Pick<Anchor, 'quote' | 'prefix' | 'suffix'>,
  hint: number | null,
): { from: number; to: number } | null {
  const quote = squeeze(anchor.quote);
  if (quote.text === '') return null;
  const haystack = squeeze(text);
  const prefix = squeeze(anchor.prefix).text;
  const suffix = squeeze(anchor.suffix).text;
  let best: { from: number; to: number; score: number; distance: number } | null = null;
  for (let at = haystack.text.indexOf(quote.text); at !== -1; at = haystack.text.indexOf(quote.text, at + 1)) {
    const end = at + quote.text.length;
    const score =
      commonSuffix(haystack.text.slice(Math.max(0, at - prefix.length), at), prefix) +
      commonPrefix(haystack.text.slice(end, end + suffix.length), suffix);
    const from = haystack.offsets[at] ?? 0;
    const to = (haystack.offsets[end - 1] ?? from) + 1;
    const distance = hint === null ? 0 : Math.abs(from - hint);
    if (!best || score > best.score || (score === best.score && distance < best.distance)) {
      best = { from, to, score, distance };
    }
  }
  return best ? { from: best.from, to: best.to } : null;
}

/** Runs of whitespace become one space; `offsets[i]` is where character i came from. */
function squeeze(value: string): { text: string; offsets: number[] } {
  let text = '';
  const offsets: number[] = [];
  let inSpace = false;
  for (let index = 0; index < value.length; index++) {
    const char = value[index] as string;
    if (/\s/.test(char)) {
      if (inSpace) continue;
      inSpace = true;
      text += ' ';
    } else {
      inSpace = false;
      text += char;
    }
    offsets.push(index);
  }
  return { text, offsets };
}

function commonPrefix(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return length;
}

function commonSuffix(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[a.length - 1 - length] === b[b.length - 1 - length]) length++;
  return length;
}

/** The context saved with a new anchor: up to 32 characters each side of the quote. */
export function quoteContext(text: string, from: number, to: number): Pick<Anchor, 'quote' | 'prefix' | 'suffix'> {
  return {
    quote: text.slice(from, to),
    prefix: text.slice(Math.max(0, from - 32), from),
    suffix: text.slice(to, to + 32),
  };
}
