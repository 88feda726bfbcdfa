/** One comment of a thread: author, time, text (or "Komentar dihapus"); its author may edit or delete it. */
import { type FormEvent, useId, useState } from 'react';
import type { Comment } from '../../../shared/mentoring/thread-schema';
import { MAX_COMMENT } from '../../../shared/mentoring/thread-schema';
import { useLanguage, useT } from '../../components/i18n';
import { formatDateTime } from '../common/format-time';

export function FeedbackComment(props: {
  comment: Comment;
  /** The user wrote it and may still write feedback. */
  editable: boolean;
  onEdit: (body: string) => void;
  onDelete: () => void;
}) {
  const t = useT();
  const [language] = useLanguage();
  const fieldId = useId();
  const { comment } = props;
  const [draft, setDraft] = useState<string | null>(null);

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (draft !== null && draft.trim() !== '' && draft !== comment.body) props.onEdit(draft.trim());
    setDraft(null);
  };

  return (
    <li className="feedback-comment" data-comment-id={comment.id}>
      <p className="feedback-comment-meta">
        <strong>{comment.authorName}</strong>{' '}
        <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt, language)}</time>
        {comment.editedAt && !comment.deleted && <span className="muted"> {t('feedback.comment.edited')}</span>}
      </p>
      {comment.deleted ? (
        <p className="muted feedback-comment-deleted">{t('feedback.comment.deleted')}</p>
      ) : draft !== null ? (
        <form onSubmit={save} className="feedback-comment-edit">
          <label htmlFor={fieldId}>{t('feedback.comment.editLabel')}</label>
          <textarea
            id={fieldId}
            rows={3}
            maxLength={MAX_COMMENT}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
          />
          <div className="feedback-form-actions">
            <button type="submit" className="primary">
              {t('feedback.comment.save')}
            </button>
            <button type="button" onClick={() => setDraft(null)}>
              {t('feedback.comment.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <p className="feedback-comment-body">{comment.body}</p>
      )}
      {props.editable && !comment.deleted && draft === null && (
        <div className="feedback-comment-actions">
          <button type="button" className="link-button" onClick={() => setDraft(comment.body)}>
            {t('feedback.comment.edit')}
          </button>
          <button type="button" className="link-button" onClick={props.onDelete}>
            {t('feedback.comment.delete')}
          </button>
        </div>
      )}
    </li>
  );
}
