/**
 * The Tiptap editor bound to a draft's Y.Doc, kept in step with the UI language, the user and
 * whether they may edit. Made here, not inside DraftEditor, so the feedback sidebar beside it
 * works on the same editor (selection, highlights, accepting a suggestion).
 */
import { type Editor, useEditor } from '@tiptap/react';
import { useEffect, useMemo, useState } from 'react';
import type { PresenceUser } from '../../../shared/presence';
import { useLanguage, useT } from '../../components/i18n';
import type { DraftConnection } from '../../sync/draft-connection';
import { createLocaleChannel } from '../common/locale-channel';
import { type DraftEditorSetup, draftEditorExtensions, editableAttributes } from './draft-editor-extensions';
import { keepNodeViewsOnMount } from './keep-node-views';
import { setContentLocked } from './read-only-guard';

export function useDraftEditor(
  connection: DraftConnection,
  user: PresenceUser,
  editable: boolean,
  plugins?: DraftEditorSetup['plugins'],
): Editor {
  const t = useT();
  const [language] = useLanguage();
  const [locale] = useState(() => createLocaleChannel(language));
  const label = t('editor.content.label');

  const extensions = useMemo(
    () => draftEditorExtensions({ doc: connection.doc, provider: connection.provider, user, locale, plugins }),
    [connection, user, locale, plugins],
  );
  // Always focusable (a caret and keyboard selection for commenters too); the guard refuses changes.
  const editor = useEditor(
    {
      extensions,
      editable: true,
      editorProps: { attributes: editableAttributes(label, !editable) },
      onBeforeCreate: ({ editor: created }) => {
        setContentLocked(created.storage, !editable);
        keepNodeViewsOnMount(created);
      },
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
    setContentLocked(editor.storage, !editable);
  }, [editor, editable]);

  useEffect(() => {
    editor.commands.updateUser(user);
  }, [editor, user]);

  return editor;
}
