/** The clip block: clipped content kept together with the source it came from. */
import { mergeAttributes, Node } from '@tiptap/core';

export const CLIP_NODE_NAME = 'clip';

/** Source attributes stored on every clip node; names match ClipSource in shared/protocol/clip.ts. */
const sourceAttributes = [
  'clipId',
  'kind',
  'sourceTitle',
  'sourceUrl',
  'siteName',
  'author',
  'publishedAt',
  'licence',
  'language',
  'description',
  'capturedAt',
] as const;

export type ClipNodeAttributeName = (typeof sourceAttributes)[number];

export const ClipNode = Node.create({
  name: CLIP_NODE_NAME,
  group: 'block',
  content: 'block+',
  defining: true,
  isolating: true,
  // A card is moved whole: the editor drags it by its handle as one node.
  draggable: true,

  addAttributes() {
    return Object.fromEntries(
      sourceAttributes.map((name) => [
        name,
        {
          default: null,
          parseHTML: (element: HTMLElement) => element.getAttribute(`data-${kebab(name)}`),
          renderHTML: (attributes: Record<string, unknown>) =>
            attributes[name] == null ? {} : { [`data-${kebab(name)}`]: String(attributes[name]) },
        },
      ]),
    );
  },

  parseHTML() {
    return [{ tag: 'section[data-type="clip"]', contentElement: 'div[data-clip-content]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const a = node.attrs as Record<ClipNodeAttributeName, string | null>;
    const url = safeHttpUrl(a.sourceUrl);
    const title = a.sourceTitle || url || '';
    return [
      'section',
      mergeAttributes(HTMLAttributes, { 'data-type': 'clip', class: 'dampingi-clip' }),
      [
        'header',
        { class: 'dampingi-clip-source', contenteditable: 'false' },
        url ? ['a', { href: url, target: '_blank', rel: 'noopener noreferrer nofollow' }, title] : ['span', {}, title],
        ['span', { class: 'dampingi-clip-url' }, url ?? ''],
        ['time', { datetime: a.capturedAt ?? '' }, a.capturedAt ?? ''],
      ],
      ['div', { 'data-clip-content': '' }, 0],
    ];
  },
});

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** Only http(s) links are rendered as links: a stored `javascript:` URL must never become clickable. */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
