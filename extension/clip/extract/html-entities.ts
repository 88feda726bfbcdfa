/**
 * Character references left in metadata: JSON-LD is JSON, so "can&#39;t" stays as written, and
 * pages that escape twice leave "&amp;#8217;" in their meta tags. Decoded (twice at most) so a
 * title reads "can't".
 */

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  copy: '©',
  reg: '®',
  trade: '™',
  middot: '·',
  bull: '•',
};

const REFERENCE = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]{2,8}));/gi;

function fromCodePoint(code: number): string | null {
  return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : null;
}

function decodeOnce(value: string): string {
  return value.replace(REFERENCE, (whole, decimal: string, hex: string, name: string) => {
    if (decimal) return fromCodePoint(Number.parseInt(decimal, 10)) ?? whole;
    if (hex) return fromCodePoint(Number.parseInt(hex, 16)) ?? whole;
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

export function decodeHtmlEntities(value: string): string {
  const once = decodeOnce(value);
  return once === value ? once : decodeOnce(once);
}
