/**
 * The list of what a Word import could not keep, shown to the user before the draft is created.
 * Each kind has one sentence in the import catalogue (`import.notKept.<kind>`); details (style
 * names, image types, Word's own messages) are shown after it. Nothing the reader drops goes
 * unlisted: every stage of the import adds here what it lost.
 */

/** In the order the list shows them: content first, then formatting, then Word's own notes. */
export const notKeptKinds = [
  'text-dropped',
  'embedded-objects',
  'equations',
  'charts',
  'image-too-large',
  'image-unknown-type',
  'images-over-total',
  'text-boxes',
  'footnotes',
  'comments',
  'headers-footers',
  'link-unsafe',
  'link-internal',
  'removed-element',
  'text-colour',
  'highlight',
  'fonts',
  'alignment',
  'superscript',
  'word-style',
  'unknown-element',
  'word-message',
] as const;
export type NotKeptKind = (typeof notKeptKinds)[number];

export interface NotKeptItem {
  kind: NotKeptKind;
  /** How many places in the document; formatting kinds count runs or paragraphs. */
  count: number;
  /** Distinct specifics (a style name, an image type, Word's message), at most MAX_DETAILS. */
  details: string[];
}

const MAX_DETAILS = 8;

export interface NotKeptCollector {
  add(kind: NotKeptKind, detail?: string, count?: number): void;
  /** Everything added, one item per kind, in notKeptKinds order. */
  list(): NotKeptItem[];
}

export function collectNotKept(initial: readonly NotKeptItem[] = []): NotKeptCollector {
  const items = new Map<NotKeptKind, NotKeptItem>(
    initial.map((item) => [item.kind, { ...item, details: [...item.details] }]),
  );
  return {
    add(kind, detail, count = 1) {
      if (count <= 0) return;
      const item = items.get(kind) ?? { kind, count: 0, details: [] };
      item.count += count;
      const text = detail?.trim();
      if (text && !item.details.includes(text) && item.details.length < MAX_DETAILS) item.details.push(text);
      items.set(kind, item);
    },
    list: () => notKeptKinds.flatMap((kind) => items.get(kind) ?? []),
  };
}

/** What mammoth says about a document (it reports warnings and errors as plain English text). */
export interface ReaderMessage {
  type: 'warning' | 'error';
  message: string;
}

const UNRECOGNISED_STYLE = /^Unrecognised (paragraph|run|table) style: '([^']*)'(?: \(Style ID: ([^)]*)\))?/;
/** A style the file uses but does not define (pandoc's files do this): mammoth names only its ID. */
const UNDEFINED_STYLE = /^(?:Paragraph|Run|Table|Numbering) style with ID (.+) was referenced but not defined/;
/** mammoth writes a missing name as the text 'null' or 'undefined'. */
const NO_NAME = new Set(['', 'null', 'undefined']);
/** `{namespace}localName`: the name is what can be shown. */
const UNRECOGNISED_ELEMENT = /^An unrecognised element was ignored: (?:\{([^}]*)\})?(.+)$/;
/** Equations are counted from the document itself (docx-features.ts), once each. */
const MATH_NAMESPACE = 'http://schemas.openxmlformats.org/officeDocument/2006/math';
/** The image checks of the import report each image themselves (type and size from the bytes). */
const IMAGE_MESSAGE = /^Image of type /;

/** Word's own notes from the reader: unknown styles and elements by name, anything else word for word. */
export function addReaderMessages(collector: NotKeptCollector, messages: readonly ReaderMessage[]): void {
  const styleIdsNamedElsewhere = new Set(
    messages.flatMap(({ message }) => UNRECOGNISED_STYLE.exec(message)?.[3]?.trim() ?? []),
  );
  for (const { message } of messages) {
    if (IMAGE_MESSAGE.test(message)) continue;
    const style = UNRECOGNISED_STYLE.exec(message);
    const undefinedStyle = UNDEFINED_STYLE.exec(message);
    const element = UNRECOGNISED_ELEMENT.exec(message);
    if (style) {
      const name = style[2]?.trim() ?? '';
      collector.add('word-style', NO_NAME.has(name) ? style[3] : name);
    } else if (undefinedStyle) {
      // Listed once, by the unrecognised-style message of the same ID when there is one.
      const id = undefinedStyle[1]?.trim() ?? '';
      if (!styleIdsNamedElsewhere.has(id)) collector.add('word-style', id);
    } else if (element) {
      if (element[1] !== MATH_NAMESPACE) collector.add('unknown-element', element[2]);
    } else collector.add('word-message', message);
  }
}
