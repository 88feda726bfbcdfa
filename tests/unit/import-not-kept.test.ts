/**
 * The list of what a Word import cannot keep, from the parts `docx` cannot generate (embedded
 * objects, text boxes, charts, page headers) and from mammoth's own messages; and every entry
 * and refusal has its sentence in both languages.
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ImportRefusal } from '../../extension/app/import/read-docx-file';
import { hasMessage, languages } from '../../shared/i18n';
import { addDocxFeatures } from '../../shared/import/docx-features';
import { checkDocxBytes, titleFromFileName } from '../../shared/import/docx-file';
import { addReaderMessages, collectNotKept, notKeptKinds } from '../../shared/import/not-kept';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A Word package as Word writes one, with the parts these checks read. */
function wordPackage(document: string, extra: Record<string, string> = {}): Uint8Array {
  const parts: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<Types/>'),
    'word/document.xml': strToU8(`<w:document ${W}><w:body>${document}</w:body></w:document>`),
  };
  for (const [name, xml] of Object.entries(extra)) parts[name] = strToU8(xml);
  return zipSync(parts);
}

describe('what the reader would drop without a word is counted from the document itself', () => {
  it('embedded objects, text boxes, charts, equations, fonts and page headers', () => {
    const checked = checkDocxBytes(
      wordPackage(
        '<w:p><w:r><w:object w:dxaOrig="1"><o:OLEObject ProgID="Excel.Sheet.12"/></w:object></w:r></w:p>' +
          '<w:p><w:r><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>Kotak</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></w:r></w:p>' +
          '<w:p><w:r><w:drawing><c:chart r:id="rId9"/></w:drawing></w:r></w:p>' +
          '<w:p><m:oMathPara><m:oMath><m:r><m:t>x</m:t></m:r></m:oMath></m:oMathPara></w:p>' +
          '<w:p><w:r><w:rPr><w:rFonts w:ascii="Comic Sans MS"/><w:color w:val="auto"/></w:rPr><w:t>Teks</w:t></w:r></w:p>',
        {
          'word/header1.xml': `<w:hdr ${W}><w:p><w:r><w:t>SMPN 3 Kupang</w:t></w:r></w:p></w:hdr>`,
          'word/footer1.xml': `<w:ftr ${W}><w:p/></w:ftr>`,
          'word/comments.xml': `<w:comments ${W}><w:comment w:id="0"/><w:comment w:id="1"/></w:comments>`,
        },
      ),
    );
    if (!checked.ok) throw new Error(checked.reason);
    const collector = collectNotKept();
    addDocxFeatures(collector, checked.parts);
    expect(collector.list().map((item) => [item.kind, item.count])).toEqual([
      ['embedded-objects', 1],
      ['equations', 1],
      ['charts', 1],
      ['text-boxes', 1],
      ['comments', 2],
      // The empty footer is not worth a line; the header with the school's name is.
      ['headers-footers', 1],
      ['fonts', 1],
    ]);
  });

  it('mammoth messages: unknown styles by name, unknown elements by name, equations once, images by their own check', () => {
    const collector = collectNotKept();
    addReaderMessages(collector, [
      { type: 'warning', message: "Unrecognised paragraph style: 'Tujuan Pembelajaran' (Style ID: Tujuan)" },
      { type: 'warning', message: "Unrecognised run style: 'Istilah' (Style ID: Istilah)" },
      {
        type: 'warning',
        message:
          'An unrecognised element was ignored: {http://schemas.openxmlformats.org/officeDocument/2006/math}oMath',
      },
      { type: 'warning', message: 'An unrecognised element was ignored: w:customXml' },
      { type: 'warning', message: 'Image of type image/x-emf is unlikely to display in web browsers' },
      { type: 'error', message: 'Could not find image file for a:blip element' },
    ]);
    expect(collector.list()).toEqual([
      { kind: 'word-style', count: 2, details: ['Tujuan Pembelajaran', 'Istilah'] },
      { kind: 'unknown-element', count: 1, details: ['w:customXml'] },
      { kind: 'word-message', count: 1, details: ['Could not find image file for a:blip element'] },
    ]);
  });

  it('a style a pandoc-made file uses but never defines is listed by its ID, never as “null” or in English', () => {
    const collector = collectNotKept();
    addReaderMessages(collector, [
      {
        type: 'warning',
        message: 'Paragraph style with ID Heading7 was referenced but not defined in the document',
      },
      { type: 'warning', message: "Unrecognised paragraph style: 'null' (Style ID: Heading7)" },
      { type: 'warning', message: 'Run style with ID VerbatimChar was referenced but not defined in the document' },
    ]);
    expect(collector.list()).toEqual([{ kind: 'word-style', count: 2, details: ['Heading7', 'VerbatimChar'] }]);
  });
});

describe('the words the teacher reads', () => {
  const refusals: ImportRefusal[] = [
    'too-large',
    'empty',
    'old-word-format',
    'not-docx',
    'damaged',
    'unreadable-file',
    'reader-unavailable',
    'nothing',
  ];

  it.each(languages)('every entry of the list and every refusal has a sentence in %s', (language) => {
    const missing = [
      ...notKeptKinds.map((kind) => `import.notKept.${kind}`),
      ...refusals.map((reason) => `import.refused.${reason}`),
      ...['too-large', 'unknown-type', 'over-total'].map((reason) => `import.placeholder.${reason}`),
    ].filter((key) => !hasMessage(language, key));
    expect(missing).toEqual([]);
  });

  it('a file name becomes a title when the document has no heading', () => {
    expect(titleFromFileName('RPP_IPA_kelas 7  (revisi).docx')).toBe('RPP IPA kelas 7 (revisi)');
  });
});
