/** The user's drafts as links into the editor: title, the user's role, owner, last change, open feedback. */
import type { DraftInfo } from '../../../shared/protocol/api';
import { useLanguage, useT } from '../../components/i18n';
import { openFeedbackCount } from '../feedback/open-feedback-count';
import { formatDateTime } from '../format-time';
import { draftHref } from '../page-route';
import { RoleBadge } from './RoleBadge';

export function DraftList(props: { drafts: DraftInfo[] }) {
  const t = useT();
  const [language] = useLanguage();
  if (props.drafts.length === 0) return <p className="muted">{t('editor.home.empty')}</p>;
  return (
    <ul className="draft-list" aria-label={t('editor.home.listLabel')}>
      {props.drafts.map((draft) => {
        const openFeedback = openFeedbackCount(draft);
        return (
          <li key={draft.id}>
            <span className="draft-list-title">
              <a href={draftHref(draft.id)}>{draft.title}</a> <RoleBadge value={draft.role} />
            </span>
            <span className="draft-list-meta">
              {t('editor.home.owner', { name: draft.ownerName })} ·{' '}
              <time dateTime={draft.updatedAt}>
                {t('editor.home.updated', { time: formatDateTime(draft.updatedAt, language) })}
              </time>
              {openFeedback > 0 && (
                <>
                  {' · '}
                  <span className="draft-list-feedback">
                    {t(openFeedback === 1 ? 'feedback.draftList.open.one' : 'feedback.draftList.open', {
                      count: openFeedback,
                    })}
                  </span>
                </>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
