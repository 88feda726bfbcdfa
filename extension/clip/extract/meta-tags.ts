// Indexes a document's <meta> tags by normalised name so lookups like `og:title` or `dc:rights` are one call.
import { arrayOf } from './elements-under';

/** Lower-cases a meta name and treats `.` and spaces like `:` (so `DC.rights` and `dc:rights` match). */
export function normaliseMetaName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/\s*[.:]\s*/g, ':');
}

export interface MetaTags {
  /** The first non-empty content among the given names, in order of preference. */
  first(...names: string[]): string | null;
}

/** The meta tags under `root`: the document, or only its head when what is looked for is usually there. */
export function readMetaTags(root: Document | Element): MetaTags {
  const contents = new Map<string, string>();
  // By tag rather than the selector `meta[content]`: jsdom's selector engine took most of this function's time.
  for (const meta of arrayOf(root.getElementsByTagName('meta'))) {
    const content = meta.getAttribute('content')?.trim();
    if (!content) continue;
    // `property` may hold several space-separated names (RDFa), e.g. "og:title dc:title"; it wins over `name`.
    const keys = (meta.getAttribute('property') ?? '').split(/\s+/);
    keys.push(
      meta.getAttribute('name') ?? '',
      meta.getAttribute('itemprop') ?? '',
      meta.getAttribute('http-equiv') ?? '',
    );
    for (const key of keys) {
      if (!key) continue;
      const name = normaliseMetaName(key);
      if (!contents.has(name)) contents.set(name, content);
    }
  }
  return {
    first(...names) {
      for (const name of names) {
        const content = contents.get(normaliseMetaName(name));
        if (content) return content;
      }
      return null;
    },
  };
}
