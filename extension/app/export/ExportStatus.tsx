/** What the export is doing, for eyes and screen readers: progress (and cancel) while it runs, then how it ended. */
import { useT } from '../../components/i18n';
import type { ExportState } from './use-export';

export function ExportStatus(props: { state: ExportState; onCancel: () => void }) {
  const t = useT();
  const { state } = props;
  if (state.kind === 'running') {
    const label = t('export.progress', { percent: state.percent });
    return (
      <div className="export-status">
        <div role="status" className="export-progress">
          <progress max={100} value={state.percent} aria-label={label} />
          <span>{label}</span>
        </div>
        {/* Its own button, apart from "Unduh": a second click on "Unduh" never cancels by accident. */}
        <button type="button" onClick={props.onCancel}>
          {t('export.cancel')}
        </button>
      </div>
    );
  }
  if (state.kind !== 'ended') return <div className="export-status" role="status" />;
  if (state.ok) {
    return (
      <div className="export-status" role="status">
        {t('export.done', { name: state.fileName })}
      </div>
    );
  }
  if (state.reason === 'cancelled') {
    return (
      <div className="export-status" role="status">
        {t('export.cancelled')}
      </div>
    );
  }
  return (
    <div className="export-status problem" role="alert">
      {t('export.failed', { reason: state.detail })}
    </div>
  );
}
