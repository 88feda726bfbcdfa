/**
 * The draft's editor (./use-draft-editor.ts) with the toolbar. Read-only (no toolbar, not editable)
 * for someone who may not change the content; others' carets and feedback highlights still show.
 */
import type { Editor } from '@tiptap/core';
import { EditorContent } from '@tiptap/react';
import { Toolbar } from './Toolbar';

export function DraftEditor(props: { editor: Editor; editable: boolean; win: Window }) {
  return (
    <div className="draft-editor">
      {props.editable && <Toolbar editor={props.editor} dialogs={props.win} />}
      <EditorContent editor={props.editor} className="draft-content" />
    </div>
  );
}
