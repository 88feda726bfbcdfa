/**
 * What a Word document holds that the draft cannot (colours, fonts, comments, equations…), read
 * from its XML parts. The reader (mammoth) drops these without a word, so they are counted here
 * from the source, to be listed for the user instead of disappearing.
 */
import type { DocxParts } from './docx-file';
import type { NotKeptCollector, NotKeptKind } from './not-kept';

function count(xml: string, pattern: RegExp): number {
  return xml.match(pattern)?.length ?? 0;
}

/** Run and paragraph properties of the document body, by what they would have kept. */
const DOCUMENT_FEATURES: [NotKeptKind, RegExp][] = [
  // Any colour but automatic and black.
  ['text-colour', /<w:color w:val="(?!auto"|000000")[0-9A-Fa-f]{6}"/g],
  [
    'highlight',
    /<w:highlight w:val="(?!none")[a-zA-Z]+"|<w:shd [^>]*w:fill="(?!auto"|FFFFFF"|ffffff")[0-9A-Fa-f]{6}"/g,
  ],
  ['fonts', /<w:rFonts |<w:sz w:val=/g],
  ['alignment', /<w:jc w:val="(center|right|end|both|distribute)"/g],
  ['text-boxes', /<w:txbxContent>/g],
  ['embedded-objects', /<w:object[ >]|<w:control /g],
  ['equations', /<m:oMath>/g],
  ['charts', /<c:chart |<dgm:relIds /g],
  ['footnotes', /<w:footnoteReference |<w:endnoteReference /g],
];

export function addDocxFeatures(collector: NotKeptCollector, parts: DocxParts): void {
  for (const [kind, pattern] of DOCUMENT_FEATURES) collector.add(kind, undefined, count(parts.document, pattern));
  for (const [name, xml] of Object.entries(parts.extra)) {
    if (name === 'word/comments.xml') collector.add('comments', undefined, count(xml, /<w:comment /g));
    // Word keeps empty headers too: only those with text count.
    else if (/<w:t[ >]/.test(xml)) collector.add('headers-footers');
  }
}
