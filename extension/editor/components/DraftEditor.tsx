/**
 * The Tiptap editor bound to the draft's Y.Doc, with carets of others and the toolbar. Read-only
 * (no toolbar, not editable) for someone who may not change the content; others' carets still show.
 */
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useMemo, useState } from 'react';
import type { PresenceUser } from '../../../shared/presence';
import { useLanguage, useT } from '../../components/i18n';
import type { DraftConnection } from '../../sync/draft-connection';
import { draftEditorExtensions, editableAttributes } from '../draft-editor-extensions';
import { createLocaleChannel } from '../locale-channel';
import { Toolbar } from './Toolbar';

export function DraftEditor(props: {
  connection: DraftConnection;
  user: PresenceUser;
  editable: boolean;
  win: Window;
}) {
  const t = useT();
  const [language] = useLanguage();
  const [locale] = useState(() => createLocaleChannel(language));
  const { connection, user, editable } = props;
  const label = t('editor.content.label');

  const extensions = useMemo(
    () => draftEditorExtensions({ doc: connection.doc, provider: connection.provider, user, locale }),
    [connection, user, locale],
  );
  const editor = useEditor(
    {
      extensions,
      editable,
      editorProps: { attributes: editableAttributes(label, !editable) },
    },
    // A new editor only for another draft or user; language changes are applied below.
    [connection, user.id],
  );

  useEffect(() => {
    locale.set(language);
    editor.setOptions({ editorProps: { attributes: editableAttributes(label, !editable) } });
  }, [editor, locale, language, label, editable]);

  useEffect(() => {
    // Only the user's own input: remote changes keep arriving through Yjs.
    if (editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  useEffect(() => {
    editor.commands.updateUser(user);
  }, [editor, user]);

  return (
    <div className="draft-editor">
      {editable && <Toolbar editor={editor} dialogs={props.win} />}
      <EditorContent editor={editor} className="draft-content" />
    </div>
  );
}
