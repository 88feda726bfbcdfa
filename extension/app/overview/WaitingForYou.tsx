/** "Menunggu Anda": the teacher's drafts with unresolved feedback, and with follow-up actions past their day. */
import { useId } from 'react';
import type { DraftListItem } from '../../../shared/protocol/api';
import { useT } from '../../components/i18n';
import { draftHref } from '../common/page-route';
import { waitingForYou } from './waiting-for-you';

export function WaitingForYou(props: { drafts: DraftListItem[]; today: string }) {
  const t = useT();
  const id = useId();
  const waiting = waitingForYou(props.drafts, props.today);
  const nothing = waiting.feedback.length === 0 && waiting.overdue.length === 0;
  return (
    <section className="waiting-for-you" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('overview.home.waitingHeading')}</h2>
      {nothing && <p className="muted">{t('overview.home.waitingNone')}</p>}
      {waiting.feedback.length > 0 && (
        <>
          <h3 id={`${id}-feedback`}>{t('overview.home.waitingFeedback')}</h3>
          <ul className="waiting-list" aria-labelledby={`${id}-feedback`}>
            {waiting.feedback.map(({ draft, count }) => (
              <li key={draft.id} data-draft-id={draft.id} data-open-feedback={count}>
                <a href={draftHref(draft.id)}>{draft.title}</a>{' '}
                <span className="waiting-count">
                  {t(count === 1 ? 'overview.home.feedbackCount.one' : 'overview.home.feedbackCount', { count })}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {waiting.overdue.length > 0 && (
        <>
          <h3 id={`${id}-overdue`}>{t('overview.home.waitingOverdue')}</h3>
          <ul className="waiting-list" aria-labelledby={`${id}-overdue`}>
            {waiting.overdue.map(({ draft, count }) => (
              <li key={draft.id} data-draft-id={draft.id} data-overdue={count}>
                <a href={draftHref(draft.id, 'plan')}>{draft.title}</a>{' '}
                <span className="waiting-count waiting-count--overdue">
                  {t(count === 1 ? 'overview.home.overdueCount.one' : 'overview.home.overdueCount', { count })}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
