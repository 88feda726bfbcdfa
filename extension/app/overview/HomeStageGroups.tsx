/** The teacher's own drafts in five groups, one per stage in cycle order; an empty stage shows only its name and 0. */
import { useId } from 'react';
import type { DraftListItem } from '../../../shared/protocol/api';
import { useT } from '../../components/i18n';
import { DraftList } from '../drafts/DraftList';
import { groupByStage } from './stage-groups';

export function HomeStageGroups(props: { drafts: DraftListItem[] }) {
  const t = useT();
  const id = useId();
  const groups = groupByStage(props.drafts, (draft) => draft.summary.stage);
  return (
    <ul className="stage-groups" aria-label={t('editor.home.listLabel')}>
      {groups.map((group, index) => {
        const count = group.items.length;
        const name = t(`cycle.stage.${group.stage}`);
        return (
          <li
            key={group.stage}
            className={count === 0 ? 'stage-group stage-group--empty' : 'stage-group'}
            data-stage={group.stage}
            data-count={count}
          >
            <h3 id={`${id}-${group.stage}`} className="stage-group-heading">
              <span className="stage-group-number" aria-hidden="true">
                {index + 1}
              </span>
              <span className="stage-group-name">{name}</span>{' '}
              <span className="stage-group-count">{t('overview.home.stageCount', { count })}</span>
            </h3>
            {count > 0 && <DraftList drafts={group.items} label={name} />}
          </li>
        );
      })}
    </ul>
  );
}
