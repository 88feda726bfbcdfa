/**
 * Bylines as pages write them → the author element of an APA 7 reference: "Santoso, B.", a single
 * name (common in Indonesia) or an organisation as written, several authors joined with "&".
 */
import { bylineNames } from './byline-names';

/** Words that make a byline an organisation, kept as written (APA "group author"). */
const ORGANISATION_WORDS = new Set([
  // Bahasa Indonesia
  'kementerian',
  'kemendikbud',
  'kemendikbudristek',
  'dinas',
  'tim',
  'redaksi',
  'universitas',
  'badan',
  'lembaga',
  'direktorat',
  'pusat',
  'balai',
  'yayasan',
  'sekolah',
  'madrasah',
  'institut',
  'humas',
  'pemerintah',
  'dewan',
  'komisi',
  'perpustakaan',
  'penerbit',
  'kontributor',
  // English
  'ministry',
  'team',
  'staff',
  'university',
  'institute',
  'department',
  'foundation',
  'association',
  'organisation',
  'organization',
  'editors',
  'editorial',
  'newsroom',
  'government',
  'council',
  'committee',
  'society',
  'library',
  'museum',
  'press',
  'contributors',
]);

/** Forms of address and titles, dropped as APA drops them ("Dr. Budi Santoso" → "Santoso, B."). */
const HONORIFICS = new Set([
  'dr',
  'prof',
  'drs',
  'dra',
  'ir',
  'hj',
  'h',
  'kh',
  'pak',
  'bu',
  'ibu',
  'bapak',
  'mr',
  'mrs',
  'ms',
]);

const SUFFIXES = new Set(['jr.', 'jr', 'sr.', 'sr', 'ii', 'iii', 'iv']);

/** More words than this is a name with something glued on (a job, a section): kept as written. */
const MAX_NAME_WORDS = 4;

/** APA lists up to 20 authors; beyond that the first 19, an ellipsis, and the last. */
const MAX_LISTED = 20;

function collapse(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** Same name, ignoring case, spacing and punctuation around it ("Ruang Guru Kita" = "ruang guru kita."). */
export function sameName(a: string | null | undefined, b: string | null | undefined): boolean {
  const plain = (value: string) => collapse(value.replace(/[^\p{L}\p{N}]+/gu, ' ')).toLocaleLowerCase();
  return !!a && !!b && plain(a) !== '' && plain(a) === plain(b);
}

function isOrganisation(byline: string): boolean {
  return byline
    .toLocaleLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .some((word) => ORGANISATION_WORDS.has(word));
}

/** "S.Pd.", "M.Pd", "Ph.D." — an academic degree after a name (a lower-case letter or two dots: not an initial "B."). */
function isDegree(word: string): boolean {
  return /^(?:\p{L}{1,4}\.)+\p{L}{0,4}\.?$/u.test(word) && /\p{Ll}|\..*\./u.test(word);
}

/** "B", "B." or "B.J." — not "ANI", which is a name in capitals. */
function isInitial(word: string): boolean {
  return /^\p{Lu}\.?$|^(?:\p{Lu}\.){2,3}$/u.test(word);
}

/** A name's words without forms of address in front or degrees behind. */
function nameWords(name: string): string[] {
  const words = collapse(name).split(' ').filter(Boolean);
  // "H. G. Wells": an initial followed by an initial is part of the name, not "Haji".
  while (words.length > 1 && HONORIFICS.has(words[0]!.toLowerCase().replace(/\.$/, '')) && !isInitial(words[1]!)) {
    words.shift();
  }
  const last = () => words[words.length - 1]!;
  while (words.length > 2 && isDegree(last()) && !SUFFIXES.has(last().toLowerCase())) words.pop();
  return words;
}

/** Splits a byline into people; null when a comma could as well be "Surname, Given" (keep it as written). */
function splitPeople(byline: string): string[][] | null {
  // With a capturing group, split keeps the separators: piece, separator, piece, …
  const parts = byline.split(/(\s*,\s*(?:(?:dan|and|&)\s+)?|\s+(?:dan|and)\s+|\s*&\s*)/i);
  const people: string[][] = [];
  for (let index = 0; index < parts.length; index += 2) {
    const words = nameWords(parts[index] ?? '');
    if (words.length === 0) continue;
    const previous = people[people.length - 1];
    // "Budi Santoso, S.Pd., M.Pd.": degrees after a full name, not another author.
    if (previous && previous.length > 1 && words.every(isDegree)) continue;
    // Only a bare comma can invert a name; ", dan" / ", and" always separates two authors.
    const besideComma = [parts[index - 1], parts[index + 1]].some((separator) => separator?.trim() === ',');
    // "Santoso, Budi", "Santoso, B.", "Sukarno, Hatta": which is the surname cannot be known.
    if (besideComma && (words.length < 2 || words.every(isInitial))) return null;
    if (words.length > MAX_NAME_WORDS) return null;
    people.push(words);
  }
  return people.length > 0 ? people : null;
}

function initialOf(word: string): string {
  if (isInitial(word)) return word.replace(/\./g, '').split('').join('. ').concat('.');
  // "Jean-Paul" → "J.-P."
  return word
    .split('-')
    .map((part) => `${(part.match(/\p{L}/u)?.[0] ?? part.charAt(0)).toLocaleUpperCase()}.`)
    .join('-');
}

/** "Budi Santoso" → "Santoso, B."; "Sukarno" stays; "Martin Luther King Jr." → "King, M. L., Jr." */
function invertName(words: string[]): string {
  const suffix = words.length > 2 && SUFFIXES.has(words[words.length - 1]!.toLowerCase()) ? words.pop() : undefined;
  if (words.length === 1) return suffix ? `${words[0]}, ${suffix}` : words[0]!;
  const surname = words[words.length - 1]!;
  const initials = words.slice(0, -1).map(initialOf).join(' ');
  return `${surname}, ${initials}${suffix ? `, ${suffix}` : ''}`;
}

function joinAuthors(names: string[]): string {
  if (names.length === 1) return names[0]!;
  if (names.length > MAX_LISTED) return `${names.slice(0, MAX_LISTED - 1).join(', ')}, . . . ${names.at(-1)}`;
  return `${names.slice(0, -1).join(', ')}, & ${names.at(-1)}`;
}

/**
 * The author element without its closing period; null without a byline. An organisation (or the
 * site itself), a byline already with commas that cannot be split safely, is kept as written.
 */
export function apaAuthor(byline: string | null | undefined, siteName: string | null | undefined): string | null {
  const given = collapse(bylineNames(byline) ?? '');
  if (!given) return null;
  if (sameName(given, siteName) || isOrganisation(given)) return given;
  const people = splitPeople(given);
  return people ? joinAuthors(people.map(invertName)) : given;
}
