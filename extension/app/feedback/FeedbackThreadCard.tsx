/**
 * One feedback thread as an article: its kind in words, the quoted text (or that it is gone), a
 * suggestion's proposed text and outcome, the comments, and what this user may do with it.
 * Hovering or focusing it marks its highlight in the text.
 */
import type { Editor } from '@tiptap/core';
import { useId } from 'react';
import type { Thread } from '../../../shared/mentoring/thread-schema';
import { useLanguage, useT } from '../../components/i18n';
import { formatDateTime } from '../common/format-time';
import { FeedbackComment } from './FeedbackComment';
import { acceptSuggestion, type FeedbackActions } from './feedback-actions';
import { setActiveThread, setHoveredThread } from './feedback-highlights';
import type { FeedbackRights } from './feedback-rights';
import { showThreadInText } from './feedback-view';
import { ReplyForm } from './ReplyForm';

export interface ThreadCardProps {
  thread: Thread;
  detached: boolean;
  active: boolean;
  editor: Editor;
  meId: string;
  rights: FeedbackRights;
  actions: FeedbackActions | null;
  win: Window;
}

export function FeedbackThreadCard(props: ThreadCardProps) {
  const t = useT();
  const [language] = useLanguage();
  const headingId = useId();
  const { thread, editor, rights, actions, detached } = props;
  const resolved = thread.status === 'resolved';
  const kind = t(`feedback.kind.${thread.kind}`);
  const undecidedSuggestion = thread.kind === 'suggestion' && thread.outcome === null && !resolved;

  const deleteComment = (commentId: string) => {
    if (props.win.confirm(t('feedback.comment.deleteConfirm'))) actions?.remove(thread.id, commentId);
  };

  return (
    <article
      aria-labelledby={headingId}
      tabIndex={-1}
      className={`feedback-thread feedback-kind--${thread.kind}${props.active ? ' is-active' : ''}`}
      data-thread-id={thread.id}
      data-kind={thread.kind}
      data-status={thread.status}
      data-detached={detached}
      onMouseEnter={() => setHoveredThread(editor.view, thread.id)}
      onMouseLeave={() => setHoveredThread(editor.view, null)}
      onFocus={() => setActiveThread(editor.view, thread.id)}
    >
      <header className="feedback-thread-header">
        <h3 id={headingId}>
          <span className="feedback-kind-dot" aria-hidden="true" />
          {t('feedback.thread.label', { kind, name: thread.authorName })}
        </h3>
        <span className={`feedback-status feedback-status--${thread.status}`}>
          {t(resolved ? 'feedback.thread.statusResolved' : 'feedback.thread.statusOpen')}
        </span>
      </header>
      {detached && thread.outcome !== 'accepted' && (
        <p className="feedback-detached" role="note">
          {t('feedback.thread.detached')}
        </p>
      )}
      <blockquote className={`feedback-quote${detached ? ' is-gone' : ''}`} aria-label={t('feedback.thread.quote')}>
        {thread.anchor.quote}
      </blockquote>
      {thread.kind === 'suggestion' && (
        <p className="feedback-suggestion">
          <span className="muted">{t('feedback.thread.suggested')}: </span>
          <ins>{thread.suggestion}</ins>
        </p>
      )}
      {thread.outcome && thread.outcomeAt && (
        <p className={`feedback-outcome feedback-outcome--${thread.outcome}`}>
          {t(thread.outcome === 'accepted' ? 'feedback.thread.accepted' : 'feedback.thread.rejected', {
            time: formatDateTime(thread.outcomeAt, language),
          })}
        </p>
      )}
      <ol className="feedback-comments" aria-label={t('feedback.thread.comments')}>
        {thread.comments.map((comment) => (
          <FeedbackComment
            key={comment.id}
            comment={comment}
            editable={rights.write && comment.authorId === props.meId && actions !== null}
            onEdit={(body) => actions?.edit(thread.id, comment.id, body)}
            onDelete={() => deleteComment(comment.id)}
          />
        ))}
      </ol>
      <div className="feedback-thread-actions">
        {!detached && (
          <button type="button" onClick={() => showThreadInText(editor, thread.id)}>
            {t('feedback.thread.showInText')}
          </button>
        )}
        {rights.decide && actions && undecidedSuggestion && (
          <>
            <button
              type="button"
              className="primary"
              disabled={detached}
              onClick={() => acceptSuggestion(editor, thread, actions)}
            >
              {t('feedback.thread.accept')}
            </button>
            <button type="button" onClick={() => actions.decide(thread.id, 'rejected')}>
              {t('feedback.thread.reject')}
            </button>
          </>
        )}
        {rights.resolve && actions && (
          <button type="button" onClick={() => actions.setStatus(thread.id, resolved ? 'open' : 'resolved')}>
            {t(resolved ? 'feedback.thread.reopen' : 'feedback.thread.resolve')}
          </button>
        )}
      </div>
      {rights.decide && undecidedSuggestion && detached && <p className="muted">{t('feedback.thread.cannotAccept')}</p>}
      {rights.write && actions && <ReplyForm onReply={(body) => actions.reply(thread.id, body)} />}
    </article>
  );
}
