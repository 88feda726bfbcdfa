/**
 * Shows the teacher, in the editor, which parts of the draft the students' version leaves out:
 * every teacher-only block (shared/model/audience.ts) gets the class `teacher-only`, and the ones
 * carrying the mark also a small label "Hanya untuk guru" (drawn by CSS from `data-teacher-only-label`,
 * so it is no part of the text). Print's student version hides the same blocks (./print-version.ts).
 */
import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { teacherOnlyBlocks } from '../../../shared/model/audience';
import type { LocaleChannel } from '../common/locale-channel';

export const TEACHER_ONLY_CLASS = 'teacher-only';

export function teacherOnlyDecorations(doc: PMNode, label: string): DecorationSet {
  return DecorationSet.create(
    doc,
    teacherOnlyBlocks(doc).map((block) =>
      Decoration.node(
        block.pos,
        block.pos + block.node.nodeSize,
        block.marked
          ? { class: `${TEACHER_ONLY_CLASS} is-marked`, 'data-teacher-only-label': label }
          : { class: TEACHER_ONLY_CLASS },
      ),
    ),
  );
}

const teacherOnlyKey = new PluginKey('dampingiTeacherOnly');

export function teacherOnlyView(locale: LocaleChannel) {
  return Extension.create({
    name: 'teacherOnlyView',
    addProseMirrorPlugins() {
      // Computed again only when the document or the UI language changes.
      let cached: { doc: PMNode; label: string; set: DecorationSet } | null = null;
      return [
        new Plugin({
          key: teacherOnlyKey,
          props: {
            decorations(state) {
              const label = locale.get().t('export.teacherOnly');
              if (cached?.doc !== state.doc || cached.label !== label) {
                cached = { doc: state.doc, label, set: teacherOnlyDecorations(state.doc, label) };
              }
              return cached.set;
            },
          },
        }),
      ];
    },
  });
}
