/** The Tiptap editor bound to the draft's Y.Doc, with carets of others and the toolbar. */
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useMemo, useState } from 'react';
import type { PresenceUser } from '../../../shared/presence';
import { useLanguage, useT } from '../../components/i18n';
import type { DraftConnection } from '../../sync/draft-connection';
import { draftEditorExtensions, editableAttributes } from '../draft-editor-extensions';
import { createLocaleChannel } from '../locale-channel';
import { Toolbar } from './Toolbar';

export function DraftEditor(props: { connection: DraftConnection; user: PresenceUser; win: Window }) {
  const t = useT();
  const [language] = useLanguage();
  const [locale] = useState(() => createLocaleChannel(language));
  const { connection, user } = props;

  const extensions = useMemo(
    () => draftEditorExtensions({ doc: connection.doc, provider: connection.provider, user, locale }),
    [connection, user, locale],
  );
  const editor = useEditor(
    {
      extensions,
      editorProps: { attributes: editableAttributes(t('editor.content.label')) },
    },
    // A new editor only for another draft or user; language changes are applied below.
    [connection, user.id],
  );

  useEffect(() => {
    locale.set(language);
    editor.setOptions({ editorProps: { attributes: editableAttributes(t('editor.content.label')) } });
  }, [editor, locale, language, t]);

  useEffect(() => {
    editor.commands.updateUser(user);
  }, [editor, user]);

  return (
    <div className="draft-editor">
      <Toolbar editor={editor} dialogs={props.win} />
      <EditorContent editor={editor} className="draft-content" />
    </div>
  );
}
