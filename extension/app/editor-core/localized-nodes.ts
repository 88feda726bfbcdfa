/**
 * The draft schema's extensions with what the editor shows in the UI's language: the clip card's
 * view, and the screen-reader label of a task's checkbox (Tiptap's own is English).
 */
import type { AnyExtension } from '@tiptap/core';
import { TaskItem } from '@tiptap/extension-list';
import { CLIP_NODE_NAME } from '../../../shared/model/clip-node';
import { draftExtensions } from '../../../shared/model/draft-extensions';
import type { LocaleChannel } from '../common/locale-channel';
import { clipCardNode } from './clip-card-view';

function localizedTaskItem(locale: LocaleChannel): AnyExtension {
  return TaskItem.configure({
    nested: true,
    a11y: {
      checkboxLabel: (node) => {
        const { t } = locale.get();
        const text = node.textContent.trim();
        return text ? t('editor.task.checkbox', { text }) : t('editor.task.checkboxEmpty');
      },
    },
  });
}

export function localizedDraftExtensions(locale: LocaleChannel): AnyExtension[] {
  return draftExtensions().map((extension) => {
    if (extension.name === CLIP_NODE_NAME) return clipCardNode(locale);
    if (extension.name === TaskItem.name) return localizedTaskItem(locale);
    return extension;
  });
}
