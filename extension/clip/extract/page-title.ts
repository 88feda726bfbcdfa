// Cleans a document <title> of site-name suffixes the way reader modes do, falling back to the page's <h1>.

const SEPARATOR = /\s[|\-–—\\/>»]\s/;
const HIERARCHICAL_SEPARATOR = /\s[\\/>»]\s/;

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

export function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The article title from `<title>`, with the site name cut off when that leaves a real title. */
export function cleanDocumentTitle(doc: Document): string | null {
  const original = normaliseSpace(doc.title || doc.querySelector('title')?.textContent || '');
  let title = original;
  let hierarchical = false;
  if (SEPARATOR.test(original)) {
    hierarchical = HIERARCHICAL_SEPARATOR.test(original);
    const separators = [...original.matchAll(new RegExp(SEPARATOR, 'g'))];
    const last = separators.at(-1)!;
    const first = separators[0]!;
    title = original.slice(0, last.index).trim();
    if (wordCount(title) < 3) title = original.slice(first.index + first[0].length).trim();
  } else if (original.includes(': ')) {
    const headings = [...doc.querySelectorAll('h1, h2')].map((h) => normaliseSpace(h.textContent ?? ''));
    if (!headings.includes(original)) {
      title = original.slice(original.lastIndexOf(':') + 1).trim();
      if (wordCount(title) < 3) title = original.slice(original.indexOf(':') + 1).trim();
      else if (wordCount(original.slice(0, original.indexOf(':'))) > 5) title = original;
    }
  } else if (original.length > 150 || original.length < 15) {
    const h1s = doc.querySelectorAll('h1');
    if (h1s.length === 1) title = normaliseSpace(h1s[0]?.textContent ?? '');
  }
  const words = wordCount(title);
  if (words <= 4 && (!hierarchical || words !== wordCount(original.replace(SEPARATOR, ' ')) - 1)) title = original;
  return title || normaliseSpace(doc.querySelector('h1')?.textContent ?? '') || null;
}
