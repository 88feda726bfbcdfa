/** A small bar chart of drafts per stage: plain HTML bars, each with its stage name and number in text. */
import { type Stage, stages } from '../../../shared/model/stages';
import { useT } from '../../components/i18n';

export function StageChart(props: { counts: Record<Stage, number>; filtered: boolean }) {
  const t = useT();
  const most = Math.max(1, ...stages.map((stage) => props.counts[stage]));
  return (
    <figure className="stage-chart" aria-labelledby="stage-chart-title">
      <figcaption id="stage-chart-title">{t('overview.chart.title')}</figcaption>
      <ol className="stage-chart-bars">
        {stages.map((stage) => {
          const count = props.counts[stage];
          return (
            <li key={stage} data-stage={stage} data-count={count}>
              <span className="stage-chart-label">{t(`cycle.stage.${stage}`)}</span>
              <span className="stage-chart-track" aria-hidden="true">
                <span className="stage-chart-bar" style={{ width: `${(count / most) * 100}%` }} />
              </span>
              <span className="stage-chart-count">{count}</span>
            </li>
          );
        })}
      </ol>
      {props.filtered && <p className="muted stage-chart-note">{t('overview.chart.filtered')}</p>}
    </figure>
  );
}
