/**
 * How a clip block looks in the editor: a card whose non-editable header names the source (title
 * as a link, site, URL, capture time in the reader's language) above the editable clipped content.
 * The card is a block of its own: a click on its header selects the whole card (a NodeSelection,
 * which Delete removes and undo restores), and its handle drags it (ProseMirror's own node drag).
 * Only the view differs from the schema's renderHTML; the document model stays in shared/.
 */
import type { NodeViewRenderer } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { NodeSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { ClipNode, safeHttpUrl } from '../../../shared/model/clip-node';
import { formatDateTime } from '../common/format-time';
import type { Locale, LocaleChannel } from '../common/locale-channel';

export function clipCardNode(locale: LocaleChannel) {
  return ClipNode.extend({
    addNodeView(): NodeViewRenderer {
      return ({ node, editor, getPos, view }) =>
        clipCardView(node, locale, {
          nested: () => isInsideClip(editor.state.doc, getPos()),
          select: () => selectCard(view, getPos()),
        });
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

/**
 * The whole card as the selection. The browser is not asked: a shift-click on the header used to
 * extend a text selection from below the card to the start of the draft (issue 19), and Delete
 * then removed everything in between.
 */
function selectCard(view: EditorView, pos: number | undefined): void {
  if (pos === undefined) return;
  view.dispatch(view.state.tr.setSelection(NodeSelection.create(view.state.doc, pos)).scrollIntoView());
  view.focus();
}

interface CardContext {
  nested: () => boolean;
  select: () => void;
}

function clipCardView(initial: PMNode, locale: LocaleChannel, context: CardContext) {
  let node = initial;
  const dom = document.createElement('section');
  dom.className = 'dampingi-clip';
  dom.dataset.type = 'clip';
  const header = document.createElement('header');
  header.className = 'dampingi-clip-source';
  header.contentEditable = 'false';
  // Dragged by ProseMirror (the clip node is `draggable`): it finds the card from this element.
  const handle = document.createElement('span');
  handle.className = 'dampingi-clip-handle';
  handle.draggable = true;
  const contentDOM = document.createElement('div');
  contentDOM.setAttribute('data-clip-content', '');
  contentDOM.className = 'dampingi-clip-content';
  dom.append(header, contentDOM);

  header.addEventListener('mousedown', (event) => {
    if (event.button !== 0) return;
    // On the handle the browser must still start its drag; elsewhere no native selection at all.
    if (!handle.contains(event.target as Node)) event.preventDefault();
    context.select();
  });

  const render = () => {
    const addition = context.nested();
    const { t } = locale.get();
    dom.dataset.kind = String(node.attrs.kind ?? '');
    dom.classList.toggle('dampingi-clip-addition', addition);
    handle.title = t('editor.clip.handle');
    handle.setAttribute('aria-label', t('editor.clip.handle'));
    renderSource(header, node.attrs, locale.get(), addition);
    header.prepend(handle);
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
    // Clicks on the header are handled above; drags (from the handle) are ProseMirror's.
    stopEvent: (event: Event) =>
      event.type.startsWith('mouse') && event.target instanceof Node && header.contains(event.target),
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
