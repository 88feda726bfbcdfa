/**
 * What the feedback sidebar reads from the editor, kept small so it re-renders only when it
 * changes (not on every keystroke): threads in text order, which are detached, which one is
 * active or hovered, the keyboard's last request, and whether text is selected to comment on.
 * Plus moving the other way: showing a thread's text in the editor.
 */
import type { Editor } from '@tiptap/core';
import type { EditorState } from '@tiptap/pm/state';
import { useEditorState } from '@tiptap/react';
import { type FocusRequest, feedbackHighlightsOf, setActiveThread } from './feedback-highlights';

export interface FeedbackEditorView {
  /** Thread ids by where their text starts; detached ones last. */
  order: string[];
  detached: string[];
  activeThreadId: string | null;
  hoveredThreadId: string | null;
  focusRequest: FocusRequest | null;
  hasSelection: boolean;
}

export function feedbackViewOf(state: EditorState): FeedbackEditorView {
  const highlights = feedbackHighlightsOf(state);
  const placements = highlights?.placements ?? [];
  const start = (index: number) => {
    const place = placements[index]?.place;
    return place && place.status !== 'detached' ? place.from : Number.POSITIVE_INFINITY;
  };
  const order = placements
    .map((_placement, index) => index)
    .sort((a, b) => start(a) - start(b) || a - b)
    .map((index) => placements[index]?.thread.id as string);
  const { from, to } = state.selection;
  // A draft without any text is (almost always) one whose content has not arrived yet: calling
  // every thread detached would flash "the text is gone" on each opening.
  const loaded = state.doc.textContent.trim() !== '';
  return {
    order,
    detached: loaded
      ? placements.filter(({ place }) => place.status === 'detached').map(({ thread }) => thread.id)
      : [],
    activeThreadId: highlights?.activeThreadId ?? null,
    hoveredThreadId: highlights?.hoveredThreadId ?? null,
    focusRequest: highlights?.focusRequest ?? null,
    hasSelection: to > from && state.doc.textBetween(from, to, ' ').trim() !== '',
  };
}

export function useFeedbackView(editor: Editor): FeedbackEditorView {
  return useEditorState({ editor, selector: ({ editor: current }) => feedbackViewOf(current.state) });
}

/** The element of `selector` marked with this thread (ids are compared, never put into a selector). */
export function withThreadId(root: ParentNode | null, selector: string, threadId: string): HTMLElement | null {
  const elements = root ? [...root.querySelectorAll<HTMLElement>(`${selector}[data-thread-id]`)] : [];
  return elements.find((element) => element.dataset.threadId === threadId) ?? null;
}

/** Selects the thread's text, marks it active and scrolls it into view (also in a read-only editor). */
export function showThreadInText(editor: Editor, threadId: string): void {
  const place = feedbackHighlightsOf(editor.state)?.placements.find((entry) => entry.thread.id === threadId)?.place;
  if (!place || place.status === 'detached') return;
  editor.commands.setTextSelection({ from: place.from, to: place.to });
  setActiveThread(editor.view, threadId);
  const highlight = withThreadId(editor.view.dom, '.feedback-highlight', threadId);
  highlight?.scrollIntoView?.({ block: 'center' });
  if (editor.isEditable) editor.commands.focus();
}
