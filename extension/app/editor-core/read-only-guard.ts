/**
 * Read-only that still lets a reader put a caret in the text and select with the keyboard (a
 * commenter must be able to select a passage to comment on it without a mouse). ProseMirror's own
 * `editable: false` removes the caret altogether; instead the editor stays focusable and this guard
 * refuses every change the reader would make: native input is cancelled before it touches the page,
 * and any transaction that would change the document locally is dropped. Changes arriving from
 * others through Yjs still apply.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';

const key = new PluginKey('dampingiReadOnlyGuard');

declare module '@tiptap/core' {
  interface Storage {
    readOnlyGuard: { locked: boolean };
  }
}

export const ReadOnlyGuard = Extension.create({
  name: 'readOnlyGuard',

  addStorage() {
    return { locked: false };
  },

  addProseMirrorPlugins() {
    const storage = this.storage as { locked: boolean };
    return [
      new Plugin({
        key,
        filterTransaction: (transaction) => {
          if (!storage.locked || !transaction.docChanged) return true;
          const sync = transaction.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
          return sync?.isChangeOrigin === true;
        },
        props: {
          handleDOMEvents: {
            beforeinput: (_view, event) => {
              if (!storage.locked) return false;
              event.preventDefault();
              return true;
            },
          },
          handlePaste: () => storage.locked,
          handleDrop: () => storage.locked,
        },
      }),
    ];
  },
});

/** Locks or unlocks the editor's content for this user (the caret and selection stay). */
export function setContentLocked(storage: { readOnlyGuard?: { locked: boolean } }, locked: boolean): void {
  if (storage.readOnlyGuard) storage.readOnlyGuard.locked = locked;
}
