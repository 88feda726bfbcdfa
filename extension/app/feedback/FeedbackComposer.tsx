/**
 * Writing new feedback on the selected text: its kind (each with a short hint, in words), the
 * comment, and for a suggestion the proposed replacement (starting from the quoted text).
 */
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { type FeedbackKind, feedbackKinds, MAX_COMMENT, MAX_QUOTE } from '../../../shared/mentoring/thread-schema';
import { useT } from '../../components/i18n';

export interface ComposedFeedback {
  kind: FeedbackKind;
  body: string;
  suggestion: string | null;
}

export function FeedbackComposer(props: {
  quote: string;
  onSubmit: (feedback: ComposedFeedback) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const ids = { heading: useId(), body: useId(), suggestion: useId(), error: useId() };
  const [kind, setKind] = useState<FeedbackKind>('improvement');
  const [body, setBody] = useState('');
  const [suggestion, setSuggestion] = useState(props.quote);
  const [problem, setProblem] = useState<string | null>(null);
  const bodyField = useRef<HTMLTextAreaElement>(null);
  const isSuggestion = kind === 'suggestion';

  // The form opens from a button or a shortcut: put the writer straight into the comment.
  useEffect(() => bodyField.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (isSuggestion && suggestion.trim() === '') return setProblem(t('feedback.new.suggestionRequired'));
    if (!isSuggestion && body.trim() === '') return setProblem(t('feedback.new.bodyRequired'));
    props.onSubmit({ kind, body: body.trim(), suggestion: isSuggestion ? suggestion : null });
  };

  return (
    <form className="feedback-composer" aria-labelledby={ids.heading} onSubmit={submit} noValidate>
      <h3 id={ids.heading}>{t('feedback.new.heading')}</h3>
      <figure className="feedback-quote">
        <figcaption>{t('feedback.new.on')}</figcaption>
        <blockquote>{props.quote}</blockquote>
      </figure>
      <fieldset className="feedback-kinds">
        <legend>{t('feedback.new.kind')}</legend>
        {feedbackKinds.map((option) => (
          <label key={option} className={`feedback-kind-option feedback-kind--${option}`}>
            <input
              type="radio"
              name="feedback-kind"
              value={option}
              checked={kind === option}
              onChange={() => setKind(option)}
            />
            <span className="feedback-kind-name">{t(`feedback.kind.${option}`)}</span>
            <span className="muted"> — {t(`feedback.kindHint.${option}`)}</span>
          </label>
        ))}
      </fieldset>
      {isSuggestion && (
        <>
          <label htmlFor={ids.suggestion}>{t('feedback.new.suggestion')}</label>
          <textarea
            id={ids.suggestion}
            rows={3}
            maxLength={MAX_QUOTE}
            value={suggestion}
            onChange={(event) => setSuggestion(event.target.value)}
          />
        </>
      )}
      <label htmlFor={ids.body}>{t(isSuggestion ? 'feedback.new.bodyOptional' : 'feedback.new.body')}</label>
      <textarea
        id={ids.body}
        ref={bodyField}
        rows={3}
        maxLength={MAX_COMMENT}
        value={body}
        aria-describedby={problem ? ids.error : undefined}
        onChange={(event) => setBody(event.target.value)}
      />
      {problem && (
        <p id={ids.error} role="alert" className="problem">
          {problem}
        </p>
      )}
      <div className="feedback-form-actions">
        <button type="submit" className="primary">
          {t('feedback.new.submit')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('feedback.new.cancel')}
        </button>
      </div>
    </form>
  );
}
