/** Every move of the stage (who, when, from where to where, the note), newest first, folded away until asked for. */
import type { StageMove } from '../../../shared/mentoring/cycle-schema';
import { useLanguage, useT } from '../../components/i18n';
import { formatDateTime } from '../common/format-time';

export function StageHistory(props: { moves: readonly StageMove[] }) {
  const t = useT();
  const [language] = useLanguage();
  const moves = [...props.moves].reverse();
  return (
    <details className="stage-history">
      <summary>{t('cycle.history.summary', { count: moves.length })}</summary>
      {moves.length === 0 ? (
        <p className="muted">{t('cycle.history.empty')}</p>
      ) : (
        <ol>
          {moves.map((move) => (
            <li key={move.id} data-move-id={move.id}>
              <strong>
                {t('cycle.history.move', { from: t(`cycle.stage.${move.from}`), to: t(`cycle.stage.${move.to}`) })}
              </strong>{' '}
              <span className="muted">
                {move.byName}
                {' · '}
                <time dateTime={move.at}>{formatDateTime(move.at, language)}</time>
              </span>
              {move.note && <p className="stage-history-note">{move.note}</p>}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
