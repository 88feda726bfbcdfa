/**
 * How a clip block looks in the editor: a card whose non-editable header names the source (title
 * as a link, site, URL, capture time in the reader's language) above the editable clipped content.
 * Only the view differs from the schema's renderHTML; the document model stays in shared/.
 */
import type { NodeViewRenderer } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { ClipNode, safeHttpUrl } from '../../../shared/model/clip-node';
import { formatDateTime } from '../common/format-time';
import type { Locale, LocaleChannel } from '../common/locale-channel';

export function clipCardNode(locale: LocaleChannel) {
  return ClipNode.extend({
    addNodeView(): NodeViewRenderer {
      return ({ node, editor, getPos }) => clipCardView(node, locale, () => isInsideClip(editor.state.doc, getPos()));
    },
  });
}

/** A clip inside a clip is an addition to that source card (the same page clipped again). */
function isInsideClip(doc: PMNode, pos: number | undefined): boolean {
  if (pos === undefined) return false;
  const $pos = doc.resolve(pos);
  for (let depth = $pos.depth; depth > 0; depth--) if ($pos.node(depth).type.name === ClipNode.name) return true;
  return false;
}

function clipCardView(initial: PMNode, locale: LocaleChannel, nested: () => boolean) {
  let node = initial;
  const dom = document.createElement('section');
  dom.className = 'dampingi-clip';
  dom.dataset.type = 'clip';
  const header = document.createElement('header');
  header.className = 'dampingi-clip-source';
  header.contentEditable = 'false';
  const contentDOM = document.createElement('div');
  contentDOM.setAttribute('data-clip-content', '');
  contentDOM.className = 'dampingi-clip-content';
  dom.append(header, contentDOM);

  const render = () => {
    const addition = nested();
    dom.dataset.kind = String(node.attrs.kind ?? '');
    dom.classList.toggle('dampingi-clip-addition', addition);
    renderSource(header, node.attrs, locale.get(), addition);
  };
  render();
  const unsubscribe = locale.subscribe(render);

  return {
    dom,
    contentDOM,
    update(next: PMNode) {
      if (next.type !== node.type) return false;
      node = next;
      render();
      return true;
    },
    // The header is ours, not part of the document: ProseMirror must not try to parse it.
    ignoreMutation: (mutation: MutationRecord | { type: 'selection'; target: Node }) =>
      header.contains(mutation.target),
    destroy: unsubscribe,
  };
}

const KIND_LABEL = {
  link: 'editor.clip.kind.link',
  image: 'editor.clip.kind.image',
  video: 'editor.clip.kind.video',
} as const;

function renderSource(
  header: HTMLElement,
  attrs: Record<string, unknown>,
  { language, t }: Locale,
  addition: boolean,
): void {
  const text = (name: string) => (typeof attrs[name] === 'string' ? (attrs[name] as string) : '');
  const url = safeHttpUrl(text('sourceUrl'));
  const doc = header.ownerDocument;
  const element = (tag: string, className: string, content: string) => {
    const el = doc.createElement(tag);
    el.className = className;
    el.textContent = content;
    return el;
  };

  const title = text('sourceTitle') || url || t('editor.clip.untitled');
  const titleElement = url ? element('a', 'dampingi-clip-title', title) : element('span', 'dampingi-clip-title', title);
  if (url && titleElement instanceof HTMLAnchorElement) {
    titleElement.href = url;
    titleElement.target = '_blank';
    titleElement.rel = 'noopener noreferrer nofollow';
  }
  const kind = text('kind');
  const label = addition
    ? t('editor.clip.addition')
    : t(kind in KIND_LABEL ? KIND_LABEL[kind as keyof typeof KIND_LABEL] : 'editor.clip.label');
  const parts: HTMLElement[] = [element('span', 'dampingi-clip-label', label)];
  // An addition sits inside its source's card: the source is named there once.
  if (!addition) {
    parts.push(titleElement);
    if (text('siteName')) parts.push(element('span', 'dampingi-clip-site', text('siteName')));
    if (url) parts.push(element('span', 'dampingi-clip-url', url));
  }
  const capturedAt = text('capturedAt');
  if (capturedAt) {
    const time = element(
      'time',
      'dampingi-clip-time',
      t('editor.clip.capturedAt', { time: formatDateTime(capturedAt, language) }),
    );
    time.setAttribute('datetime', capturedAt);
    parts.push(time);
  }
  header.replaceChildren(...parts);
}
