/** One follow-up action: what, who, by when, its status, "Terlambat" when past its day, and what it answers. */
import { useId } from 'react';
import type { ActionStatus, FollowUpAction } from '../../../shared/mentoring/cycle-schema';
import { useLanguage, useT } from '../../components/i18n';
import { formatDay, itemSummary } from './item-label';
import type { ReflectionItem } from './reflection-items';

export function ActionCard(props: {
  action: FollowUpAction;
  overdue: boolean;
  /** Every reflection item, to name the linked ones. */
  items: readonly ReflectionItem[];
  canWrite: boolean;
  onStatus: (status: ActionStatus) => void;
  onRemove: () => void;
}) {
  const t = useT();
  const [language] = useLanguage();
  const headingId = useId();
  const { action, overdue } = props;
  const isDone = action.status === 'done';
  return (
    <article
      className={`plan-action${isDone ? ' is-done' : ''}${overdue ? ' is-overdue' : ''}`}
      aria-labelledby={headingId}
      data-action-id={action.id}
      data-status={action.status}
      data-overdue={overdue}
    >
      <header className="plan-action-header">
        <h3 id={headingId}>{action.what}</h3>
        <span className={`plan-status plan-status--${action.status}`}>
          {t(isDone ? 'cycle.plan.statusDone' : 'cycle.plan.statusOpen')}
        </span>
        {overdue && (
          <span className="plan-overdue" title={t('cycle.plan.overdueHint')}>
            <span aria-hidden="true">⚠ </span>
            {t('cycle.plan.overdue')}
            <span className="visually-hidden"> ({t('cycle.plan.overdueHint')})</span>
          </span>
        )}
      </header>
      <p className="plan-action-meta">
        <span>{action.who ? t('cycle.plan.whoIs', { who: action.who }) : t('cycle.plan.nobody')}</span>
        <span aria-hidden="true"> · </span>
        <span>
          {action.due ? (
            <>
              {t('cycle.plan.dueLabel')} <time dateTime={action.due}>{formatDay(action.due, language)}</time>
            </>
          ) : (
            t('cycle.plan.noDue')
          )}
        </span>
      </p>
      {action.links.length > 0 && (
        <div className="plan-action-links">
          <p>{t('cycle.plan.answers')}</p>
          <ul>
            {action.links.map((ref) => {
              const item = props.items.find((candidate) => candidate.ref === ref);
              return (
                <li key={ref} data-item={ref}>
                  {item ? itemSummary(t, item) : t('cycle.plan.goneItem')}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {props.canWrite && (
        <div className="plan-action-controls">
          <button type="button" onClick={() => props.onStatus(isDone ? 'open' : 'done')}>
            {t(isDone ? 'cycle.plan.reopen' : 'cycle.plan.markDone')}
          </button>
          <button type="button" className="link-button" onClick={props.onRemove}>
            {t('cycle.plan.remove')}
          </button>
        </div>
      )}
    </article>
  );
}
