/** Always-visible sync status; `data-sync-state` and `data-pending` are what tests and styles read. */
import { useT } from '../../components/i18n';
import type { SyncStatus } from '../../sync/sync-status';
import { syncStatusText } from '../common/sync-status-text';

export function SyncStatusBadge(props: { status: SyncStatus }) {
  const t = useT();
  const { state, pending, reason } = props.status;
  return (
    <p
      role="status"
      className={`sync-status sync-status--${state}`}
      data-sync-state={state}
      data-pending={pending}
      data-reason={reason ?? undefined}
    >
      <span className="sync-status-dot" aria-hidden="true" />
      {syncStatusText(t, props.status)}
    </p>
  );
}
