/**
 * Drafts as links into the editor: title, the user's role, media kind, owner, last change, open
 * feedback, and (where the list mixes stages) the stage. `data-draft-id` on each item is for tests.
 */
import { type DraftSummary, EMPTY_SUMMARY } from '../../../shared/model/draft-summary';
import type { DraftInfo } from '../../../shared/protocol/api';
import { useLanguage, useT } from '../../components/i18n';
import { formatDateTime } from '../common/format-time';
import { draftHref } from '../common/page-route';
import { openFeedbackCount } from '../feedback/open-feedback-count';
import { RoleBadge } from '../sharing/RoleBadge';

/** A list item as the server sends it; counts and summary are optional (older servers, tests of one part). */
export type DraftListEntry = DraftInfo & { openFeedback?: number; summary?: DraftSummary };

export function DraftList(props: {
  drafts: DraftListEntry[];
  /** What the list is, for screen readers (default: "Daftar draf"). */
  label?: string;
  showStage?: boolean;
}) {
  const t = useT();
  const [language] = useLanguage();
  if (props.drafts.length === 0) return <p className="muted">{t('editor.home.empty')}</p>;
  return (
    <ul className="draft-list" aria-label={props.label ?? t('editor.home.listLabel')}>
      {props.drafts.map((draft) => {
        const summary = draft.summary ?? EMPTY_SUMMARY;
        const openFeedback = Math.max(openFeedbackCount(draft), summary.openFeedback);
        return (
          <li key={draft.id} data-draft-id={draft.id} data-stage={summary.stage}>
            <span className="draft-list-title">
              <a href={draftHref(draft.id)}>{draft.title}</a> <RoleBadge value={draft.role} />
            </span>
            <span className="draft-list-meta">
              {t(`cycle.media.${draft.mediaKind}`)} ·{' '}
              {props.showStage && (
                <>
                  <span className="draft-list-stage">{t(`cycle.stage.${summary.stage}`)}</span> ·{' '}
                </>
              )}
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
