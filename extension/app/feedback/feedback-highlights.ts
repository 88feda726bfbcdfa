/**
 * Feedback highlights in the editor: ProseMirror decorations from the current threads (never
 * marks in the content document, which a commenter may not change and the server would refuse).
 *
 * Places come from the threads' anchors (./thread-places.ts). They are followed back from Yjs
 * when the threads change and after every change that arrives through Yjs (another person's edit,
 * undo); the editor's own edits are mapped, as Yjs will see them a moment later.
 *
 * The plugin also holds which thread is active (clicked, or the caret in its text) and hovered,
 * so highlight and sidebar thread mark each other, and the keyboard's request to move from the
 * text to its thread (Mod-Alt-m), which the sidebar answers by focusing it.
 */
import { type AnyExtension, Extension } from '@tiptap/core';
import { type EditorState, Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type { AnchorPlace } from '../../../shared/mentoring/anchor-text';
import type { Thread } from '../../../shared/mentoring/thread-schema';
import type { LocaleChannel } from '../common/locale-channel';
import { type FollowedRange, followAnchor } from './anchor-positions';
import { documentText } from './document-text';
import { mapFollowedRange, placeThread } from './thread-places';

export interface ThreadPlacement {
  thread: Thread;
  /** Where the anchor's relative positions are (null: they lead nowhere). */
  followed: FollowedRange | null;
  place: AnchorPlace;
}

/** The keyboard asked to go from the text to a thread, or to write feedback on the selection. */
export type FocusRequest = { target: 'thread'; threadId: string; serial: number } | { target: 'new'; serial: number };

export interface FeedbackHighlightsState {
  placements: ThreadPlacement[];
  activeThreadId: string | null;
  hoveredThreadId: string | null;
  focusRequest: FocusRequest | null;
  decorations: DecorationSet;
}

interface HighlightsMeta {
  threads?: Thread[];
  active?: string | null;
  hovered?: string | null;
  focus?: 'thread' | 'new';
}

export const feedbackHighlightsKey = new PluginKey<FeedbackHighlightsState>('dampingiFeedbackHighlights');

export interface FeedbackHighlightsOptions {
  /** The highlight's tooltip, e.g. "Perbaikan — Pak Budi" (the kind in words, not only colour). */
  describe: (thread: Thread) => string;
}

export const FeedbackHighlights = Extension.create<FeedbackHighlightsOptions>({
  name: 'feedbackHighlights',

  addOptions() {
    return { describe: (thread: Thread) => thread.kind };
  },

  addKeyboardShortcuts() {
    return { 'Mod-Alt-m': () => requestFocus(this.editor.view) };
  },

  addProseMirrorPlugins() {
    const describe = (thread: Thread) => this.options.describe(thread);
    return [
      new Plugin<FeedbackHighlightsState>({
        key: feedbackHighlightsKey,
        state: {
          init: (_config, state) => ({
            placements: [],
            activeThreadId: null,
            hoveredThreadId: null,
            focusRequest: null,
            decorations: DecorationSet.create(state.doc, []),
          }),
          apply: (tr, previous, _oldState, state) => nextState(tr, previous, state, describe),
        },
        props: {
          decorations: (state) => feedbackHighlightsKey.getState(state)?.decorations,
          handleDOMEvents: {
            mouseover: (view, event) => {
              dispatchIfChanged(view, 'hovered', threadIdAt(event.target));
              return false;
            },
            mouseleave: (view) => {
              dispatchIfChanged(view, 'hovered', null);
              return false;
            },
            click: (view, event) => {
              const threadId = threadIdAt(event.target);
              if (threadId) dispatchIfChanged(view, 'active', threadId);
              return false;
            },
          },
        },
      }),
    ];
  },
});

function nextState(
  tr: Transaction,
  previous: FeedbackHighlightsState,
  state: EditorState,
  describe: (thread: Thread) => string,
): FeedbackHighlightsState {
  const meta = tr.getMeta(feedbackHighlightsKey) as HighlightsMeta | undefined;
  const fromYjs = (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true;
  let { placements, activeThreadId, hoveredThreadId, focusRequest } = previous;

  if (meta?.threads) {
    placements = placeAll(
      state,
      meta.threads.map((thread) => ({ thread, followed: followAnchor(state, thread.anchor) })),
    );
  } else if (fromYjs) {
    placements = placeAll(
      state,
      placements.map(({ thread }) => ({ thread, followed: followAnchor(state, thread.anchor) })),
    );
  } else if (tr.docChanged) {
    placements = placeAll(
      state,
      placements.map(({ thread, followed }) => ({ thread, followed: mapFollowedRange(followed, tr.mapping) })),
    );
  }

  if (meta && 'active' in meta) activeThreadId = meta.active ?? null;
  else if (tr.selectionSet && !fromYjs) activeThreadId = threadAt(placements, state)?.id ?? null;
  if (meta && 'hovered' in meta) hoveredThreadId = meta.hovered ?? null;
  if (meta?.focus) {
    const serial = (focusRequest?.serial ?? 0) + 1;
    focusRequest =
      meta.focus === 'thread' && activeThreadId
        ? { target: 'thread', threadId: activeThreadId, serial }
        : { target: 'new', serial };
  }

  const unchanged =
    placements === previous.placements &&
    activeThreadId === previous.activeThreadId &&
    hoveredThreadId === previous.hoveredThreadId &&
    focusRequest === previous.focusRequest;
  if (unchanged) return previous;
  return {
    placements,
    activeThreadId,
    hoveredThreadId,
    focusRequest,
    decorations: decorationsOf(state, placements, [activeThreadId, hoveredThreadId], describe),
  };
}

function placeAll(
  state: EditorState,
  followed: { thread: Thread; followed: FollowedRange | null }[],
): ThreadPlacement[] {
  if (followed.length === 0) return [];
  const source = documentText(state.doc);
  return followed.map((entry) => ({ ...entry, place: placeThread(source, entry.thread.anchor, entry.followed) }));
}

/** Open threads are highlighted; resolved ones only in the sidebar. */
function decorationsOf(
  state: EditorState,
  placements: ThreadPlacement[],
  marked: (string | null)[],
  describe: (thread: Thread) => string,
): DecorationSet {
  const decorations: Decoration[] = [];
  for (const { thread, place } of placements) {
    if (thread.status !== 'open' || place.status === 'detached' || place.to <= place.from) continue;
    const emphasis = marked.includes(thread.id) ? ' is-active' : '';
    decorations.push(
      Decoration.inline(place.from, place.to, {
        class: `feedback-highlight feedback-highlight--${thread.kind}${emphasis}`,
        'data-thread-id': thread.id,
        'data-kind': thread.kind,
        title: describe(thread),
      }),
    );
  }
  return DecorationSet.create(state.doc, decorations);
}

/** The open thread whose highlight holds the selection (the innermost, if they overlap). */
function threadAt(placements: ThreadPlacement[], state: EditorState): Thread | null {
  const { from, to } = state.selection;
  let best: ThreadPlacement | null = null;
  for (const placement of placements) {
    const { place, thread } = placement;
    if (thread.status !== 'open' || place.status === 'detached') continue;
    if (place.from <= from && to <= place.to && (!best || place.to - place.from < lengthOf(best.place))) {
      best = placement;
    }
  }
  return best?.thread ?? null;
}

const lengthOf = (place: AnchorPlace) => (place.status === 'detached' ? 0 : place.to - place.from);

function threadIdAt(target: EventTarget | null): string | null {
  const element = target instanceof Element ? target.closest('[data-thread-id]') : null;
  return element?.getAttribute('data-thread-id') ?? null;
}

function dispatchIfChanged(view: EditorView, field: 'active' | 'hovered', threadId: string | null): void {
  const current = feedbackHighlightsKey.getState(view.state);
  const now = field === 'active' ? current?.activeThreadId : current?.hoveredThreadId;
  if (current && now !== threadId) view.dispatch(view.state.tr.setMeta(feedbackHighlightsKey, { [field]: threadId }));
}

function requestFocus(view: EditorView): boolean {
  const current = feedbackHighlightsKey.getState(view.state);
  if (!current) return false;
  const onThread = threadAt(current.placements, view.state);
  const meta: HighlightsMeta = onThread ? { active: onThread.id, focus: 'thread' } : { focus: 'new' };
  view.dispatch(view.state.tr.setMeta(feedbackHighlightsKey, meta));
  return true;
}

/** What the sidebar tells the editor: the current threads, and which one it points at. */
export function setFeedbackThreads(view: EditorView, threads: Thread[]): void {
  view.dispatch(view.state.tr.setMeta(feedbackHighlightsKey, { threads }));
}

export function setActiveThread(view: EditorView, threadId: string | null): void {
  dispatchIfChanged(view, 'active', threadId);
}

export function setHoveredThread(view: EditorView, threadId: string | null): void {
  dispatchIfChanged(view, 'hovered', threadId);
}

export function feedbackHighlightsOf(state: EditorState): FeedbackHighlightsState | null {
  return feedbackHighlightsKey.getState(state) ?? null;
}

/** The editor plugin of mentor feedback, its titles in the UI language (for the draft editor's `plugins`). */
export function feedbackPlugins(locale: LocaleChannel): AnyExtension[] {
  return [
    FeedbackHighlights.configure({
      describe: (thread) => {
        const { t } = locale.get();
        return t('feedback.highlight.title', { kind: t(`feedback.kind.${thread.kind}`), name: thread.authorName });
      },
    }),
  ];
}
