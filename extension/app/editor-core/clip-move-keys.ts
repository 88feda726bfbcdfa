/**
 * Moving a selected clip card among the draft's top-level blocks with the keyboard: Alt+ArrowUp
 * and Alt+ArrowDown swap it with the block above or below, in one transaction (so one Yjs change
 * for the others and one step of undo), keep it selected, and say where it went in a live region
 * for screen readers.
 */
import { Extension } from '@tiptap/core';
import { NodeSelection, Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { CLIP_NODE_NAME } from '../../../shared/model/clip-node';
import type { LocaleChannel } from '../common/locale-channel';

const key = new PluginKey('dampingiClipMoveAnnouncer');
const ANNOUNCER_CLASS = 'dampingi-clip-announcer';

/**
 * The live region beside the editor (outside the editable element, so never part of the draft),
 * made on first use: a React page mounts the editor's element only after the editor is made.
 */
function announcer(view: EditorView): HTMLElement | null {
  const parent = view.dom.parentElement;
  if (!parent) return null;
  const existing = parent.querySelector<HTMLElement>(`:scope > .${ANNOUNCER_CLASS}`);
  if (existing) return existing;
  const region = view.dom.ownerDocument.createElement('div');
  region.className = `${ANNOUNCER_CLASS} visually-hidden`;
  region.setAttribute('role', 'status');
  region.setAttribute('aria-live', 'polite');
  view.dom.after(region);
  return region;
}

/** Moves the selected top-level clip card one block up (-1) or down (+1); false if no card is selected. */
export function moveSelectedClip(view: EditorView, direction: -1 | 1, locale: LocaleChannel): boolean {
  const { state } = view;
  const selection = state.selection;
  if (!(selection instanceof NodeSelection) || selection.node.type.name !== CLIP_NODE_NAME) return false;
  const $from = state.doc.resolve(selection.from);
  if ($from.depth !== 0) return false;
  const { t } = locale.get();
  const index = $from.index(0);
  const total = state.doc.childCount;
  const target = index + direction;
  const say = (message: string) => {
    const region = announcer(view);
    if (region) region.textContent = message;
  };
  if (target < 0 || target >= total) {
    say(t(direction < 0 ? 'editor.clip.atTop' : 'editor.clip.atBottom'));
    return true;
  }
  const card = selection.node;
  const neighbour = state.doc.child(target);
  const from = selection.from;
  const to = from + card.nodeSize;
  // Above: the card goes where the neighbour began; below: after the neighbour, which moved up.
  const insertAt = direction < 0 ? from - neighbour.nodeSize : from + neighbour.nodeSize;
  const tr = state.tr.delete(from, to).insert(insertAt, card);
  tr.setSelection(NodeSelection.create(tr.doc, insertAt)).scrollIntoView();
  const before = view.state.doc;
  view.dispatch(tr);
  // Refused (a commenter's or viewer's editor: see ./read-only-guard.ts): nothing moved, nothing to say.
  if (view.state.doc === before) return true;
  say(t('editor.clip.moved', { position: String(target + 1), total: String(total) }));
  return true;
}

export function clipMoveKeys(locale: LocaleChannel) {
  return Extension.create({
    name: 'clipMoveKeys',

    addKeyboardShortcuts() {
      return {
        'Alt-ArrowUp': () => moveSelectedClip(this.editor.view, -1, locale),
        'Alt-ArrowDown': () => moveSelectedClip(this.editor.view, 1, locale),
      };
    },

    addProseMirrorPlugins() {
      return [
        new Plugin({
          key,
          view: (view) => ({ destroy: () => announcer(view)?.remove() }),
        }),
      ];
    },
  });
}
