/**
 * What a page's byline says about who wrote it, and only that: pages glue the date, "published …",
 * "updated …" and the section or the writer's job onto the names ("Mike Wall 2023-10-12T14:00 Science
 * & Astronomy"). Everything from the first such part on is dropped; a byline that is only that is none.
 */

/** Words that start the part after the names, in the languages the corpus shows. */
const AFTER_NAMES =
  /\b(?:published|updated|posted|last updated|diperbarui|dipublikasikan|diterbitkan|diunggah|ditulis pada|senior|staff writer|contributing|correspondent|reporter|editor(?:ial)? at|wartawan|kontributor)\b|\|/i;

/** A word with a digit: a date, a time, "2 days ago". */
const WITH_DIGIT = /\S*\d\S*/;
/** " - Apr", " — 12 May": a spaced dash before a date or a section; names are not written so. */
const SPACED_DASH = /\s[-–—|]\s/;
/** A month left behind once the day and year are cut ("Gillian Mohney March"). */
const TRAILING_MONTH =
  /\s+(?:jan(?:uary|uari)?|feb(?:ruary|ruari)?|mar(?:ch|et)?|apr(?:il)?|may|mei|jun[ei]?|jul[iy]?|aug(?:ust)?|agu(?:stus)?|sep(?:t(?:ember)?)?|o[ck]t(?:ober)?|nov(?:ember)?|de[cs](?:ember)?)\.?$/i;

export function bylineNames(byline: string | null | undefined): string | null {
  if (!byline) return null;
  let cut = byline;
  for (const pattern of [WITH_DIGIT, SPACED_DASH, AFTER_NAMES]) {
    const found = pattern.exec(cut);
    if (found) cut = cut.slice(0, found.index);
  }
  const cut2 = cut.replace(/[\s,;:·•—–-]+$/u, '');
  // Only a month glued on after a cut date; "April Sari" alone stays a name.
  const cleaned = (cut2 !== byline.trim() ? cut2.replace(TRAILING_MONTH, '') : cut2).trim();
  return /\p{L}/u.test(cleaned) ? cleaned : null;
}
