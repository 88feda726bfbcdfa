/**
 * The views of a draft under the stepper: media, classroom observation, reflection, follow-up plan.
 * Real links (each view has its own address to share or bookmark), the active one marked.
 */
import { useT } from '../../components/i18n';
import { type DraftView, draftHref, draftViews } from '../common/page-route';

export function CycleTabs(props: { draftId: string; view: DraftView }) {
  const t = useT();
  return (
    <nav className="cycle-tabs" aria-label={t('cycle.tabs.label')}>
      <ul>
        {draftViews.map((view) => (
          <li key={view}>
            <a
              href={draftHref(props.draftId, view)}
              aria-current={view === props.view ? 'page' : undefined}
              className={view === props.view ? 'is-active' : undefined}
              data-view={view}
            >
              {t(`cycle.tab.${view}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
