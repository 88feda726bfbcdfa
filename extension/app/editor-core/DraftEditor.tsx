/**
 * The draft's editor (./use-draft-editor.ts) with the toolbar. Read-only (no toolbar, not editable)
 * for someone who may not change the content; others' carets and feedback highlights still show.
 */
import type { Editor } from '@tiptap/core';
import { EditorContent } from '@tiptap/react';
import { useMemo } from 'react';
import { pictureFromAddress } from './picture-from-address';
import { Toolbar } from './Toolbar';
import type { Dialogs } from './toolbar-actions';

export function DraftEditor(props: { editor: Editor; editable: boolean; win: Window }) {
  const { win } = props;
  const dialogs: Dialogs = useMemo(
    () => ({
      prompt: (message, initial) => win.prompt(message, initial),
      alert: (message) => win.alert(message),
      storedPicture: (url) => pictureFromAddress(url, win),
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
