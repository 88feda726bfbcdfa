/**
 * The editor's extension list: the draft schema from shared/ (with the clip card view), plus Yjs
 * collaboration (content, own-changes-only undo), other users' carets and the "Hanya untuk guru"
 * labels (../student-version/teacher-only-view.ts); features add their own
 * (the highlights of mentor feedback: ../feedback/feedback-highlights.ts) through `plugins`.
 */
import type { AnyExtension } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { Placeholder } from '@tiptap/extensions';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { DRAFT_CONTENT_FIELD } from '../../../shared/model/draft-extensions';
import type { PresenceUser } from '../../../shared/presence';
import type { LocaleChannel } from '../common/locale-channel';
import { teacherOnlyView } from '../student-version/teacher-only-view';
import { renderCaret } from './caret-label';
import { clipMoveKeys } from './clip-move-keys';
import { DevicePictures } from './device-pictures';
import { LocalTrailingParagraph } from './local-trailing-node';
import { localizedDraftExtensions } from './localized-nodes';
import { ReadOnlyGuard } from './read-only-guard';
import { RemoteChangesNotAutolinked } from './remote-changes-not-autolinked';
import { StoredImagesOnly } from './stored-images-only';

export interface DraftEditorSetup {
  doc: Y.Doc;
  /** Anything with an awareness: the y-websocket provider in the app, a stub in tests. */
  provider: { awareness: Awareness };
  user: PresenceUser;
  locale: LocaleChannel;
  /** What features add to the editor (decorations, keyboard shortcuts), given the UI language. */
  plugins?: (locale: LocaleChannel) => AnyExtension[];
}

export function draftEditorExtensions(setup: DraftEditorSetup): AnyExtension[] {
  const schemaExtensions = localizedDraftExtensions(setup.locale);
  return [
    ...schemaExtensions,
    Collaboration.configure({ document: setup.doc, field: DRAFT_CONTENT_FIELD }),
    CollaborationCaret.configure({ provider: setup.provider, user: setup.user, render: renderCaret }),
    Placeholder.configure({ placeholder: () => setup.locale.get().t('editor.content.placeholder') }),
    LocalTrailingParagraph,
    RemoteChangesNotAutolinked,
    clipMoveKeys(setup.locale),
    ReadOnlyGuard,
    StoredImagesOnly,
    // Which parts the students' version leaves out, labelled for the teacher.
    teacherOnlyView(setup.locale),
    // After the read-only guard: a locked reader's paste or drop is refused before it is read.
    DevicePictures.configure({ locale: setup.locale }),
    ...(setup.plugins?.(setup.locale) ?? []),
  ];
}

/** Attributes of the editable element: a named multi-line textbox for screen readers (and tests). */
export function editableAttributes(label: string, readOnly = false): Record<string, string> {
  return {
    class: 'ProseMirror dampingi-draft',
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-label': label,
    'aria-readonly': String(readOnly),
  };
}
