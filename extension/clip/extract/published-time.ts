/**
 * One published time from what a page offers (JSON-LD, meta tags, a <time> element), written one
 * way: ISO 8601 with the page's own offset when it gives a time ("2024-05-01 10:00:00+0700" →
 * "2024-05-01T10:00:00+07:00"), "YYYY-MM-DD" when it gives only a day. A full time wins over a bare day of the same date.
 */

const DAY_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** "+0000" / "+0700": JavaScript's Date wants "+00:00". */
const COMPACT_OFFSET = /([+-])(\d{2})(\d{2})$/;

interface Normalised {
  value: string;
  day: string;
  hasTime: boolean;
}

function normalise(raw: string): Normalised | null {
  const value = raw.trim();
  if (!value) return null;
  if (DAY_ONLY.test(value)) return { value, day: value, hasTime: false };
  // ISO-like: keep the page's own offset (the day a reader saw), only in the standard spelling.
  const iso = value.replace(/^(\d{4}-\d{2}-\d{2})[ T]/, '$1T').replace(COMPACT_OFFSET, '$1$2:$3');
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(iso) && !Number.isNaN(Date.parse(iso))) {
    return { value: iso, day: iso.slice(0, 10), hasTime: true };
  }
  // Any other spelling a browser reads ("Tue, 01 May 2024 10:00:00 +0000"): as UTC.
  const time = Date.parse(value);
  if (Number.isNaN(time)) return null;
  const utc = new Date(time).toISOString();
  return { value: utc, day: utc.slice(0, 10), hasTime: true };
}

export function publishedTime(candidates: readonly (string | null | undefined)[]): string | null {
  const parsed = candidates.flatMap((candidate) => (candidate ? (normalise(candidate) ?? []) : []));
  const first = parsed[0];
  if (!first) return candidates.find((candidate) => candidate?.trim())?.trim() ?? null;
  if (first.hasTime) return first.value;
  // A bare day: the same day with its time, if another source has it.
  return parsed.find((other) => other.hasTime && other.day === first.day)?.value ?? first.value;
}
