/**
 * The feedback sidebar: a complementary region "Masukan" beside the draft (under it on a narrow
 * screen) with new feedback, the filters and the threads in text order, each folded to a few lines
 * until opened, one at a time. It follows the editor: a clicked highlight's thread opens and is
 * scrolled to, Ctrl+Alt+M in highlighted text opens and focuses its thread.
 */
import type { Editor } from '@tiptap/core';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Thread } from '../../../shared/mentoring/thread-schema';
import { useT } from '../../components/i18n';
import { RefusedChangesNotice } from '../common/RefusedChangesNotice';
import type { DraftSession } from '../common/use-draft-connection';
import { FeedbackFilters } from './FeedbackFilters';
import { BackToTextButton } from './FeedbackJump';
import { FeedbackThreadCard } from './FeedbackThreadCard';
import type { FeedbackActions } from './feedback-actions';
import { DEFAULT_FEEDBACK_FILTER, feedbackCounts, visibleThreads } from './feedback-filter';
import { setActiveThread } from './feedback-highlights';
import type { FeedbackRights } from './feedback-rights';
import { useFeedbackView, withThreadId } from './feedback-view';
import { NewFeedback } from './NewFeedback';

export function FeedbackSidebar(props: {
  editor: Editor;
  session: DraftSession;
  threads: Thread[];
  actions: FeedbackActions | null;
  rights: FeedbackRights;
  meId: string;
  /** The sidebar's id, for "Masukan (N)" on a narrow screen; `textId` is where "Kembali ke teks" goes. */
  id: string;
  textId: string;
  win: Window;
}) {
  const t = useT();
  const headingId = useId();
  const { editor, session, threads, rights } = props;
  const view = useFeedbackView(editor);
  const [filter, setFilter] = useState(DEFAULT_FEEDBACK_FILTER);
  const list = useMemo(() => visibleThreads(threads, filter, view.order), [threads, filter, view.order]);
  const counts = feedbackCounts(threads);
  const region = useRef<HTMLElement>(null);
  const handledRequest = useRef(view.focusRequest?.serial ?? 0);
  const [openThreadId, setOpenThreadId] = useState<string | null>(null);

  // A highlight clicked (or the caret in it): bring its thread into view inside the sidebar only,
  // never scrolling the page away from where the teacher is typing — and not when the thread was
  // activated from the sidebar itself (that would move the button being clicked).
  useEffect(() => {
    const sidebar = region.current;
    const element = view.activeThreadId ? threadCard(sidebar, view.activeThreadId) : null;
    if (!element || !sidebar || sidebar.contains(sidebar.ownerDocument.activeElement)) return;
    setOpenThreadId(view.activeThreadId);
    afterPaint(props.win, () => scrollWithin(sidebar, element));
  }, [view.activeThreadId, props.win]);

  // Ctrl+Alt+M in highlighted text: move focus to its thread (shown whatever the filter), once per request.
  const request = view.focusRequest;
  useEffect(() => {
    if (request?.target !== 'thread' || request.serial === handledRequest.current) return;
    handledRequest.current = request.serial;
    if (!list.some((thread) => thread.id === request.threadId)) setFilter({ kind: 'all', status: 'all' });
    setOpenThreadId(request.threadId);
    afterPaint(props.win, () => threadCard(region.current, request.threadId)?.focus());
  }, [request, list, props.win]);

  const refusal = session.writeRefusal;
  const reason = refusal?.code === 'read-only' ? 'read-only' : (refusal?.reason ?? 'malformed');
  return (
    <aside ref={region} id={props.id} tabIndex={-1} className="feedback-sidebar" aria-labelledby={headingId}>
      <div className="feedback-sidebar-head">
        <h2 id={headingId}>{t('feedback.heading')}</h2>
        <p className="muted">{t('feedback.counts', counts)}</p>
        <BackToTextButton textId={props.textId} win={props.win} />
      </div>
      {session.discardedText && (
        <RefusedChangesNotice
          text={session.discardedText}
          win={props.win}
          message={t('feedback.refused.lost', { reason: t(`feedback.refused.${reason}`) })}
        />
      )}
      {rights.write ? (
        <NewFeedback
          editor={editor}
          hasSelection={view.hasSelection}
          actions={props.actions}
          focusRequest={view.focusRequest}
          onCreated={(threadId, created) => {
            if (filter.kind !== 'all' && filter.kind !== created.kind) setFilter(DEFAULT_FEEDBACK_FILTER);
            if (filter.status === 'resolved') setFilter(DEFAULT_FEEDBACK_FILTER);
            setActiveThread(editor.view, threadId);
          }}
        />
      ) : (
        <p className="muted">{t('feedback.readOnly')}</p>
      )}
      <FeedbackFilters value={filter} onChange={setFilter} />
      {!session.connection ? (
        <p className="muted">{t('feedback.opening')}</p>
      ) : list.length === 0 ? (
        <p className="muted">{t(threads.length === 0 ? 'feedback.empty' : 'feedback.emptyFiltered')}</p>
      ) : (
        <ol className="feedback-threads">
          {list.map((thread) => (
            <li key={thread.id}>
              <FeedbackThreadCard
                thread={thread}
                detached={view.detached.includes(thread.id)}
                active={view.activeThreadId === thread.id || view.hoveredThreadId === thread.id}
                expanded={openThreadId === thread.id}
                onExpandedChange={(expanded) =>
                  setOpenThreadId((open) => (expanded ? thread.id : open === thread.id ? null : open))
                }
                editor={editor}
                meId={props.meId}
                rights={rights}
                actions={props.actions}
                win={props.win}
              />
            </li>
          ))}
        </ol>
      )}
      <p className="muted feedback-shortcut">{t('feedback.shortcut')}</p>
    </aside>
  );
}

function threadCard(region: HTMLElement | null, threadId: string): HTMLElement | null {
  return withThreadId(region, 'article', threadId);
}

/** Scrolls `container` (when it scrolls at all) just enough to show `element`. */
function scrollWithin(container: HTMLElement, element: HTMLElement): void {
  if (container.scrollHeight <= container.clientHeight) return;
  const top = element.offsetTop - container.offsetTop;
  const bottom = top + element.offsetHeight;
  if (top < container.scrollTop) container.scrollTop = top;
  else if (bottom > container.scrollTop + container.clientHeight) container.scrollTop = bottom - container.clientHeight;
}

/** After the next paint (the thread may appear only once a filter changed); jsdom has no rAF. */
function afterPaint(win: Window, run: () => void): void {
  if (typeof win.requestAnimationFrame === 'function') win.requestAnimationFrame(run);
  else setTimeout(run, 0);
}
