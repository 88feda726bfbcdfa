/**
 * Pictures from the device — the toolbar's "Gambar dari perangkat", a pasted picture, a dropped
 * picture file — are made small (../../pictures/downscale-picture.ts) and stored in the draft as a
 * data: URL at the caret (or where dropped), with alt text asked, the file's name if none is given.
 * A file that is no picture, or too large, is refused with a sentence saying so.
 */
import { type Editor, Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import type { Translate } from '../../../shared/i18n';
import { browserPictureCanvas } from '../../pictures/browser-canvas';
import { type PreparedPicture, pictureFromFile } from '../../pictures/downscale-picture';
import type { LocaleChannel } from '../common/locale-channel';

/** What inserting a picture asks of the page; a parameter so tests answer it (jsdom has no canvas). */
export interface PictureDialogs extends Pick<Window, 'prompt' | 'alert'> {
  preparePicture(file: File): Promise<PreparedPicture>;
}

declare module '@tiptap/core' {
  interface Storage {
    devicePictures: { dialogs: PictureDialogs | null };
  }
}

export function browserPictureDialogs(win: Window): PictureDialogs {
  const canvas = browserPictureCanvas(win as Window & typeof globalThis);
  return {
    prompt: (message, initial) => win.prompt(message, initial),
    alert: (message) => win.alert(message),
    preparePicture: (file) => pictureFromFile(file, canvas),
  };
}

/** The dialogs set on this editor (tests), else the page's own. */
export function pictureDialogsOf(editor: Editor): PictureDialogs {
  const win = editor.view.dom.ownerDocument.defaultView ?? window;
  return editor.storage.devicePictures?.dialogs ?? browserPictureDialogs(win);
}

/** A file's name without its extension: the alt text when none is given. */
export function altFromFileName(name: string): string {
  const base = name.replace(/\.[a-z0-9]{1,5}$/i, '').trim();
  return base === '' ? name : base;
}

/**
 * Prepares each file and inserts the pictures at `at` (a document position) or the caret, in order.
 * Returns how many were inserted.
 */
export async function insertPictureFiles(
  editor: Editor,
  files: readonly File[],
  dialogs: PictureDialogs,
  t: Translate,
  at?: number,
): Promise<number> {
  let inserted = 0;
  let position = at;
  for (const file of files) {
    const name = file.name || 'gambar';
    let picture: PreparedPicture;
    try {
      picture = await dialogs.preparePicture(file);
    } catch (error) {
      // A bug in decoding or drawing: say the picture could not be read, keep the details for support.
      console.error('dampingi: picture could not be prepared', error);
      picture = { ok: false, reason: 'unreadable' };
    }
    if (editor.isDestroyed) return inserted;
    if (!picture.ok) {
      dialogs.alert(t(`editor.picture.problem.${picture.reason}`, { name }));
      continue;
    }
    const answer = dialogs.prompt(t('editor.picture.altPrompt', { name }), altFromFileName(name));
    const alt = answer?.trim() ? answer.trim() : altFromFileName(name);
    const image = { type: 'image', attrs: { src: picture.dataUrl, alt } };
    if (position === undefined) {
      editor.chain().focus().insertContent(image).run();
    } else {
      const before = editor.state.doc.content.size;
      editor.chain().focus().insertContentAt(position, image).run();
      position += editor.state.doc.content.size - before;
    }
    inserted += 1;
  }
  return inserted;
}

/** Files in a paste: taken when nothing else is (a copied text may carry a picture of itself too). */
function pastedFiles(data: DataTransfer | null): File[] {
  if (!data || data.files.length === 0) return [];
  if (data.getData('text/plain').trim() !== '') return [];
  return [...data.files];
}

export const DevicePictures = Extension.create<{ locale: LocaleChannel | null }, { dialogs: PictureDialogs | null }>({
  name: 'devicePictures',
  addOptions() {
    return { locale: null };
  },
  addStorage() {
    return { dialogs: null };
  },
  addProseMirrorPlugins() {
    const editor = this.editor;
    const locale = this.options.locale;
    const insert = (files: File[], at?: number) => {
      const t = locale?.get().t;
      if (!t) return;
      void insertPictureFiles(editor, files, pictureDialogsOf(editor), t, at);
    };
    return [
      new Plugin({
        key: new PluginKey('devicePictures'),
        props: {
          handlePaste: (_view, event) => {
            const files = pastedFiles(event.clipboardData);
            if (files.length === 0) return false;
            event.preventDefault();
            insert(files);
            return true;
          },
          handleDrop: (view: EditorView, event, _slice, moved) => {
            const files = moved ? [] : [...(event.dataTransfer?.files ?? [])];
            if (files.length === 0) return false;
            event.preventDefault();
            const found = view.posAtCoords({ left: event.clientX, top: event.clientY });
            insert(files, found?.pos);
            return true;
          },
        },
      }),
    ];
  },
});
