/**
 * How a clip block looks in the editor: a card whose non-editable header names the source (title
 * as a link, site, URL, capture time in the reader's language) above the editable clipped content.
 * Only the view differs from the schema's renderHTML; the document model stays in shared/.
 */
import type { NodeViewRenderer } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { ClipNode, safeHttpUrl } from '../../shared/model/clip-node';
import { formatDateTime } from './format-time';
import type { Locale, LocaleChannel } from './locale-channel';

export function clipCardNode(locale: LocaleChannel) {
  return ClipNode.extend({
    addNodeView(): NodeViewRenderer {
      return ({ node }) => clipCardView(node, locale);
    },
  });
}

function clipCardView(initial: PMNode, locale: LocaleChannel) {
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

  const render = () => renderSource(header, node.attrs, locale.get());
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

function renderSource(header: HTMLElement, attrs: Record<string, unknown>, { language, t }: Locale): void {
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
  const parts: HTMLElement[] = [element('span', 'dampingi-clip-label', t('editor.clip.label')), titleElement];
  if (text('siteName')) parts.push(element('span', 'dampingi-clip-site', text('siteName')));
  if (url) parts.push(element('span', 'dampingi-clip-url', url));
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
