/** Replying in a thread: one labelled field and a button. */
import { type FormEvent, useId, useState } from 'react';
import { MAX_COMMENT } from '../../../shared/mentoring/thread-schema';
import { useT } from '../../components/i18n';

export function ReplyForm(props: { onReply: (body: string) => void }) {
  const t = useT();
  const fieldId = useId();
  const [body, setBody] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (body.trim() === '') return;
    props.onReply(body.trim());
    setBody('');
  };
  return (
    <form className="feedback-reply" onSubmit={submit}>
      <label htmlFor={fieldId}>{t('feedback.reply.label')}</label>
      <textarea
        id={fieldId}
        rows={2}
        maxLength={MAX_COMMENT}
        value={body}
        onChange={(event) => setBody(event.target.value)}
      />
      <button type="submit" disabled={body.trim() === ''}>
        {t('feedback.reply.submit')}
      </button>
    </form>
  );
}
