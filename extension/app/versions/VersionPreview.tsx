/**
 * A version shown in the editor's own rendering, read-only: the draft's extensions (clip cards
 * included) on the version's document, with a comparison's changes marked when there is one.
 */
import type { JSONContent } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useMemo, useState } from 'react';
import type { DocumentDiff } from '../../../shared/versions/version-diff';
import { useLanguage, useT } from '../../components/i18n';
import { createLocaleChannel } from '../common/locale-channel';
import { localizedDraftExtensions } from '../editor-core/localized-nodes';
import { VersionChanges } from './version-changes';

export function VersionPreview(props: { content: JSONContent; diff: DocumentDiff | null }) {
  const t = useT();
  const [language] = useLanguage();
  const [locale] = useState(() => createLocaleChannel(language));
  const labels = useMemo(() => ({ added: t('versions.diff.added'), removed: t('versions.diff.removed') }), [t]);
  const extensions = useMemo(
    () => [...localizedDraftExtensions(locale), VersionChanges.configure({ diff: props.diff, labels })],
    [locale, props.diff, labels],
  );
  const editor = useEditor(
    {
      extensions,
      content: props.content,
      editable: false,
      editorProps: {
        attributes: {
          class: 'ProseMirror dampingi-draft version-preview-content',
          role: 'document',
          'aria-label': t('versions.preview.label'),
          'aria-readonly': 'true',
        },
      },
    },
    [extensions, props.content],
  );

  useEffect(() => {
    locale.set(language);
  }, [locale, language]);

  return <EditorContent editor={editor} className="draft-content version-preview" />;
}
