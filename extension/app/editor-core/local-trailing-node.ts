/**
 * Keeps an empty paragraph at the end of the draft so the writer can type below a clip card (an
 * isolating block). Unlike Tiptap's TrailingNode it reacts only to this user's own edits, and only
 * when they may edit: a remote change (a clip arriving) must never make a commenter's or viewer's
 * editor write to the draft (the server would refuse it), nor make two editors each add a paragraph.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';

const key = new PluginKey('dampingiTrailingParagraph');

function isOwnEdit(transaction: Transaction): boolean {
  const sync = transaction.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
  return transaction.docChanged && sync?.isChangeOrigin !== true;
}

export const LocalTrailingParagraph = Extension.create({
  name: 'localTrailingParagraph',

  addProseMirrorPlugins() {
    const editor = this.editor;
    return [
      new Plugin({
        key,
        appendTransaction: (transactions, _old, state) => {
          const locked = editor.storage.readOnlyGuard?.locked === true;
          if (!editor.isEditable || locked || !transactions.some(isOwnEdit)) return null;
          const last = state.doc.lastChild;
          const paragraph = state.schema.nodes.paragraph;
          if (!paragraph || !last || last.type === paragraph) return null;
          return state.tr.insert(state.doc.content.size, paragraph.create());
        },
      }),
    ];
  },
});
