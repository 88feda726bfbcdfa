/**
 * The draft's editor (./use-draft-editor.ts) with the toolbar. Read-only (no toolbar, not editable)
 * for someone who may not change the content; others' carets and feedback highlights still show.
 */
import type { Editor } from '@tiptap/core';
import { EditorContent } from '@tiptap/react';
import { useMemo } from 'react';
import { browserPictureDialogs } from './device-pictures';
import { pictureFromAddress } from './picture-from-address';
import { Toolbar } from './Toolbar';
import type { Dialogs } from './toolbar-actions';

export function DraftEditor(props: { editor: Editor; editable: boolean; win: Window }) {
  const { win } = props;
  const dialogs: Dialogs = useMemo(
    () => ({
      ...browserPictureDialogs(win),
      storedPicture: (url) => pictureFromAddress(url, win),
      chooseFiles: (accept) => chooseFiles(win, accept),
    }),
    [win],
  );
  return (
    <div className="draft-editor">
      {props.editable && <Toolbar editor={props.editor} dialogs={dialogs} />}
      <EditorContent editor={props.editor} className="draft-content" />
    </div>
  );
}

/** The browser's file chooser on a short-lived input (kept in the page while open, as some browsers need). */
function chooseFiles(win: Window, accept: string): Promise<File[]> {
  const input = win.document.createElement('input');
  input.type = 'file';
  input.accept = accept;
  input.multiple = true;
  input.hidden = true;
  win.document.body.append(input);
  return new Promise((resolve) => {
    const done = () => {
      resolve([...(input.files ?? [])]);
      input.remove();
    };
    input.addEventListener('change', done, { once: true });
    input.addEventListener('cancel', done, { once: true });
    input.click();
  });
}
