/**
 * At the top of the observation view: whether the notes have reached the server, said for a
 * mentor in a classroom without internet (kept on this device, sent by themselves later).
 * Not a second role="status" beside the page's sync badge: a polite live region instead.
 */
import type { MessageKey } from '../../../shared/i18n';
import { useT } from '../../components/i18n';
import type { SyncStatus } from '../../sync/sync-status';
import { syncStatusText } from '../common/sync-status-text';

export function ObservationSyncNote(props: { status: SyncStatus }) {
  const t = useT();
  const { status } = props;
  const message = messageOf(status);
  const pending =
    status.pending > 0 && status.state !== 'synced'
      ? t(status.pending === 1 ? 'observation.sync.pending.one' : 'observation.sync.pending', { count: status.pending })
      : null;
  return (
    <div
      className={`observation-sync observation-sync--${status.state}`}
      aria-live="polite"
      data-sync-state={status.state}
      data-pending={status.pending}
    >
      <span className="sync-status-dot" aria-hidden="true" />
      <p>
        {message ? t(message) : syncStatusText(t, status)}
        {pending && (
          <>
            {' '}
            <strong>{pending}</strong>
          </>
        )}
      </p>
    </div>
  );
}

function messageOf(status: SyncStatus): MessageKey | null {
  switch (status.state) {
    case 'offline':
      return status.reason === 'server-unreachable' ? 'observation.sync.unreachable' : 'observation.sync.offline';
    case 'connecting':
      return 'observation.sync.connecting';
    case 'syncing':
      return 'observation.sync.syncing';
    case 'synced':
      return 'observation.sync.synced';
    default:
      // Refusals: the editor's own words say why.
      return null;
  }
}
