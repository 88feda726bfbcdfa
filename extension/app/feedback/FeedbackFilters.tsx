/** The sidebar's filters: by kind of feedback and by status. */
import { useId } from 'react';
import { feedbackKinds } from '../../../shared/mentoring/thread-schema';
import { useT } from '../../components/i18n';
import type { FeedbackFilter } from './feedback-filter';

const statuses = ['open', 'resolved', 'all'] as const;

export function FeedbackFilters(props: { value: FeedbackFilter; onChange: (filter: FeedbackFilter) => void }) {
  const t = useT();
  const kindId = useId();
  const statusId = useId();
  const { value, onChange } = props;
  return (
    <fieldset className="feedback-filters">
      <legend className="visually-hidden">{t('feedback.filter.label')}</legend>
      <label htmlFor={kindId}>{t('feedback.filter.kind')}</label>
      <select
        id={kindId}
        value={value.kind}
        onChange={(event) => onChange({ ...value, kind: event.target.value as FeedbackFilter['kind'] })}
      >
        <option value="all">{t('feedback.filter.allKinds')}</option>
        {feedbackKinds.map((kind) => (
          <option key={kind} value={kind}>
            {t(`feedback.kind.${kind}`)}
          </option>
        ))}
      </select>
      <label htmlFor={statusId}>{t('feedback.filter.status')}</label>
      <select
        id={statusId}
        value={value.status}
        onChange={(event) => onChange({ ...value, status: event.target.value as FeedbackFilter['status'] })}
      >
        {statuses.map((status) => (
          <option key={status} value={status}>
            {t(status === 'all' ? 'feedback.filter.allStatuses' : `feedback.filter.${status}`)}
          </option>
        ))}
      </select>
    </fieldset>
  );
}
