// Reads schema.org JSON-LD blocks, tolerating the broken JSON real pages ship, into plain article facts.

/** A JSON value as found in JSON-LD. */
type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
type JsonObject = { [key: string]: JsonValue };

export interface JsonLdFacts {
  headline: string | null;
  /** Some sites put the title in `name` and a description in `headline` (Wikipedia): callers choose. */
  name: string | null;
  authors: string[];
  datePublished: string | null;
  publisher: string | null;
  licence: string | null;
  inLanguage: string | null;
  image: string | null;
  description: string | null;
  url: string | null;
}

const ARTICLE_TYPE = /article|posting|report|newsarticle|scholarly|blog|review|recipe|howto/i;
const PAGE_TYPE = /webpage|creativework|videoobject|podcast/i;

/** Raw newlines and tabs inside JSON strings are a common reason a block fails to parse. */
function withoutControlCharacters(text: string): string {
  return Array.from(text, (character) => (character.charCodeAt(0) < 32 ? ' ' : character)).join('');
}

function parseLenient(raw: string): JsonValue | undefined {
  const cleaned = raw
    .replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '')
    .replace(/^\s*\/\/.*$/gm, '')
    .trim();
  const attempts = [cleaned, cleaned.replace(/,\s*([}\]])/g, '$1'), withoutControlCharacters(cleaned)];
  for (const text of attempts) {
    try {
      return JSON.parse(text) as JsonValue;
    } catch {
      // try the next repair; a block that never parses is skipped below
    }
  }
  return undefined;
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every object in the blocks, with `@graph` and arrays flattened. */
function collectNodes(value: JsonValue | undefined, into: JsonObject[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collectNodes(item, into);
  } else if (isObject(value)) {
    into.push(value);
    collectNodes(value['@graph'], into);
  }
}

function typesOf(node: JsonObject): string {
  const type = node['@type'];
  return Array.isArray(type) ? type.join(' ') : typeof type === 'string' ? type : '';
}

/** A name from a string, an object with `name`, or an array of those. */
function namesOf(value: JsonValue | undefined): string[] {
  if (typeof value === 'string') return value.trim() && !/^https?:\/\//i.test(value.trim()) ? [value.trim()] : [];
  if (Array.isArray(value)) return value.flatMap((item) => namesOf(item));
  if (isObject(value)) return namesOf(value.name);
  return [];
}

/** A URL (or text) from a string, an object with `url`/`@id`, or the first of an array. */
function urlOf(value: JsonValue | undefined): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) return urlOf(value[0]);
  if (isObject(value)) return urlOf(value.url ?? value['@id'] ?? value.contentUrl);
  return null;
}

function textOf(value: JsonValue | undefined): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) return textOf(value[0]);
  if (isObject(value)) return textOf(value.name ?? value['@value']);
  return null;
}

/** Reads all JSON-LD in the document and returns facts from the most article-like node. */
export function readJsonLd(doc: Document): JsonLdFacts {
  const nodes: JsonObject[] = [];
  for (const script of doc.querySelectorAll('script[type="application/ld+json" i]')) {
    collectNodes(parseLenient(script.textContent ?? ''), nodes);
  }
  const main =
    nodes.find((node) => ARTICLE_TYPE.test(typesOf(node))) ?? nodes.find((node) => PAGE_TYPE.test(typesOf(node)));
  const licenceNode = main?.license !== undefined ? main : nodes.find((node) => node.license !== undefined);
  const licence = licenceNode ? urlOf(licenceNode.license) : null;
  if (!main) return { ...emptyFacts(), licence };
  return {
    headline: textOf(main.headline) ?? textOf(main.name),
    name: textOf(main.name),
    authors: namesOf(main.author ?? main.creator),
    datePublished: textOf(main.datePublished) ?? textOf(main.dateCreated),
    publisher: namesOf(main.publisher)[0] ?? null,
    licence,
    inLanguage: textOf(main.inLanguage),
    image: urlOf(main.image ?? main.thumbnailUrl),
    description: textOf(main.description),
    url: urlOf(main.mainEntityOfPage) ?? urlOf(main.url),
  };
}

function emptyFacts(): JsonLdFacts {
  return {
    headline: null,
    name: null,
    authors: [],
    datePublished: null,
    publisher: null,
    licence: null,
    inLanguage: null,
    image: null,
    description: null,
    url: null,
  };
}
