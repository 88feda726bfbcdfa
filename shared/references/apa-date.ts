/** Publication dates as pages write them (ISO, "2 September 2025", "March 3, 2024", a year) → the date of an APA 7 reference. */
import type { Language } from '../i18n';

export interface PublicationDate {
  year: number;
  month?: number;
  day?: number;
}

const MONTHS: Record<Language, readonly string[]> = {
  id: 'Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember'.split(' '),
  en: 'January February March April May June July August September October November December'.split(' '),
};

/** Full names and three-letter abbreviations in both languages (they never collide), plus common variants. */
const MONTH_BY_NAME = new Map<string, number>([
  ...[MONTHS.id, MONTHS.en].flatMap((names) =>
    names.flatMap((name, index): [string, number][] => [
      [name.toLowerCase(), index + 1],
      [name.slice(0, 3).toLowerCase(), index + 1],
    ]),
  ),
  ['sept', 9],
  ['agt', 8],
  ['pebruari', 2],
  ['nopember', 11],
]);

function monthNamed(word: string): number | undefined {
  return MONTH_BY_NAME.get(word.toLowerCase().replace(/\.$/, ''));
}

function validDate(year: number, month?: number, day?: number): PublicationDate | null {
  if (year < 1000 || year > 2999) return null;
  if (month === undefined) return { year };
  if (month < 1 || month > 12) return null;
  if (day === undefined) return { year, month };
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth ? { year, month, day } : null;
}

/** The first reading that makes a real date; null when there is none. */
export function parsePublicationDate(value: string | null | undefined): PublicationDate | null {
  const text = value?.trim();
  if (!text) return null;

  // ISO and its cousins. The date is taken as written: a time zone must not move it to another day.
  const iso = /^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?(?:$|[T\s])/.exec(text);
  if (iso) {
    const [, year, month, day] = iso;
    const parsed = validDate(Number(year), month ? Number(month) : undefined, day ? Number(day) : undefined);
    if (parsed) return parsed;
  }
  // "2 September 2025", "Tue, 05 Mar 2024 10:00:00 GMT"
  for (const [, day, name, year] of text.matchAll(/(\d{1,2})\s+(\p{L}+\.?),?\s+(\d{4})/gu)) {
    const month = monthNamed(name ?? '');
    const parsed = month && validDate(Number(year), month, Number(day));
    if (parsed) return parsed;
  }
  // "March 3, 2024"
  for (const [, name, day, year] of text.matchAll(/(\p{L}+\.?)\s+(\d{1,2}),?\s+(\d{4})/gu)) {
    const month = monthNamed(name ?? '');
    const parsed = month && validDate(Number(year), month, Number(day));
    if (parsed) return parsed;
  }
  // "Maret 2024"
  for (const [, name, year] of text.matchAll(/(\p{L}+\.?),?\s+(\d{4})/gu)) {
    const month = monthNamed(name ?? '');
    const parsed = month && validDate(Number(year), month);
    if (parsed) return parsed;
  }
  // Anything else with a plausible year ("03/04/2024" is day-first or month-first: only the year is sure).
  const year = /(?:^|\D)(1[5-9]\d{2}|20\d{2})(?:\D|$)/.exec(text)?.[1];
  return year ? { year: Number(year) } : null;
}

/**
 * The date inside the parentheses: "2024, 3 Maret" / "2024, March 3", a year alone, or "t.t." / "n.d.".
 * `suffix` tells apart works of one author in one year ("2024a").
 */
export function formatApaDate(date: PublicationDate | null, language: Language, suffix = ''): string {
  if (!date) return `${language === 'id' ? 't.t.' : 'n.d.'}${suffix ? `-${suffix}` : ''}`;
  const year = `${date.year}${suffix}`;
  if (date.month === undefined) return year;
  const month = MONTHS[language][date.month - 1];
  if (date.day === undefined) return `${year}, ${month}`;
  return language === 'id' ? `${year}, ${date.day} ${month}` : `${year}, ${month} ${date.day}`;
}

/** Year-only before dated works, then by date; works without a date first (APA orders "n.d." first). */
export function compareDates(a: PublicationDate | null, b: PublicationDate | null): number {
  if (!a || !b) return (a ? 1 : 0) - (b ? 1 : 0);
  return a.year - b.year || (a.month ?? 0) - (b.month ?? 0) || (a.day ?? 0) - (b.day ?? 0);
}
