/**
 * Tiptap's EditorContent, when it mounts, hands ProseMirror newly made node-view functions so that
 * React node views can render into it; ProseMirror takes new functions for changed views and
 * redraws the whole document — a long draft was drawn twice on open (issue 21: ~0.2 s of the
 * 413-paragraph draft's open). This editor's only node view (the clip card) is plain DOM, so the
 * views it was created with are kept. A React node view added later would need this removed.
 */
import type { Editor } from '@tiptap/core';

export function keepNodeViewsOnMount(editor: Editor): void {
  editor.createNodeViews = () => {};
}
