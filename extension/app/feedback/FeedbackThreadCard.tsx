/**
 * One feedback thread as an article: its kind in words, the quoted text (or that it is gone), a
 * suggestion's proposed text and outcome, then — compact until opened — the first comment and how
 * many replies follow. Opened (its "Selengkapnya" button, a click on it, Enter on it, or Ctrl+Alt+M
 * from its text) it shows every comment, the reply box and what this user may do with it; it folds
 * again when the focus leaves it with nothing typed, or another thread opens. Hovering or focusing
 * it marks its highlight in the text.
 */
import type { Editor } from '@tiptap/core';
import { type FocusEvent, type KeyboardEvent, type MouseEvent, useId, useRef } from 'react';
import type { Thread } from '../../../shared/mentoring/thread-schema';
import { useLanguage, useT } from '../../components/i18n';
import { formatDateTime } from '../common/format-time';
import { FeedbackComment } from './FeedbackComment';
import { acceptSuggestion, type FeedbackActions } from './feedback-actions';
import { setActiveThread, setHoveredThread } from './feedback-highlights';
import type { FeedbackRights } from './feedback-rights';
import { showThreadInText } from './feedback-view';
import { ReplyCount } from './ReplyCount';
import { ReplyForm } from './ReplyForm';

export interface ThreadCardProps {
  thread: Thread;
  detached: boolean;
  active: boolean;
  /** Opened: every comment, the reply box and the actions are shown. */
  expanded: boolean;
  onExpandedChange: (expanded: boolean) => void;
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
  const moreId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const { thread, editor, rights, actions, detached, expanded, onExpandedChange } = props;
  const resolved = thread.status === 'resolved';
  const kind = t(`feedback.kind.${thread.kind}`);
  const undecidedSuggestion = thread.kind === 'suggestion' && thread.outcome === null && !resolved;
  const mayAccept = rights.decide && actions !== null && undecidedSuggestion;
  const [first] = thread.comments;

  const deleteComment = (commentId: string) => {
    if (props.win.confirm(t('feedback.comment.deleteConfirm'))) actions?.remove(thread.id, commentId);
  };

  // A click on the card itself (not on one of its controls) opens it, as in a comments margin.
  const openOnClick = (event: MouseEvent<HTMLElement>) => {
    if (!expanded && !(event.target as Element).closest('button, a, textarea, input, select, label')) {
      onExpandedChange(true);
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Enter' && event.target === event.currentTarget) {
      event.preventDefault();
      onExpandedChange(!expanded);
    } else if (event.key === 'Escape' && expanded) {
      onExpandedChange(false);
      toggle.current?.focus();
    }
  };
  // Leaving the thread folds it, unless something is being written in it.
  const onBlur = (event: FocusEvent<HTMLElement>) => {
    const card = event.currentTarget;
    if (!expanded || card.contains(event.relatedTarget as Node | null)) return;
    const writing = [...card.querySelectorAll('textarea')].some((field) => field.value.trim() !== '');
    if (!writing) onExpandedChange(false);
  };

  return (
    <article
      aria-labelledby={headingId}
      tabIndex={-1}
      className={`feedback-thread feedback-kind--${thread.kind}${props.active ? ' is-active' : ''}${expanded ? ' is-expanded' : ''}`}
      data-thread-id={thread.id}
      data-kind={thread.kind}
      data-status={thread.status}
      data-detached={detached}
      data-expanded={expanded}
      onMouseEnter={() => setHoveredThread(editor.view, thread.id)}
      onMouseLeave={() => setHoveredThread(editor.view, null)}
      onFocus={() => setActiveThread(editor.view, thread.id)}
      onClick={openOnClick}
      onKeyDown={onKeyDown}
      onBlur={onBlur}
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
      {expanded ? (
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
      ) : (
        first && (
          <p className={`feedback-comment-body feedback-first-comment${first.deleted ? ' muted' : ''}`}>
            {first.deleted ? t('feedback.comment.deleted') : first.body}
          </p>
        )
      )}
      <div className="feedback-thread-footer">
        <ReplyCount replies={Math.max(thread.comments.length - 1, 0)} />
        {mayAccept && (
          <button
            type="button"
            className="primary"
            disabled={detached}
            onClick={() => acceptSuggestion(editor, thread, actions)}
          >
            {t('feedback.thread.accept')}
          </button>
        )}
        <button
          ref={toggle}
          type="button"
          className="link-button feedback-thread-toggle"
          aria-expanded={expanded}
          aria-controls={moreId}
          onClick={() => onExpandedChange(!expanded)}
        >
          {t('feedback.thread.more')}
        </button>
      </div>
      <div id={moreId} className="feedback-thread-more" hidden={!expanded}>
        <div className="feedback-thread-actions">
          {!detached && (
            <button type="button" onClick={() => showThreadInText(editor, thread.id)}>
              {t('feedback.thread.showInText')}
            </button>
          )}
          {mayAccept && (
            <button type="button" onClick={() => actions.decide(thread.id, 'rejected')}>
              {t('feedback.thread.reject')}
            </button>
          )}
          {rights.resolve && actions && (
            <button type="button" onClick={() => actions.setStatus(thread.id, resolved ? 'open' : 'resolved')}>
              {t(resolved ? 'feedback.thread.reopen' : 'feedback.thread.resolve')}
            </button>
          )}
        </div>
        {rights.decide && undecidedSuggestion && detached && (
          <p className="muted">{t('feedback.thread.cannotAccept')}</p>
        )}
        {rights.write && actions && <ReplyForm onReply={(body) => actions.reply(thread.id, body)} />}
      </div>
    </article>
  );
}
