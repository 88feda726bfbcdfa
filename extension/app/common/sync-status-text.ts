/** The words of the sync badge for each status, in the UI language. */
import type { MessageKey, Translate } from '../../../shared/i18n';
import { isRefusalReason, type SyncStatus } from '../../sync/sync-status';

/** English needs "1 change" vs "2 changes"; each catalogue has a `.one` variant for count 1. */
function counted(t: Translate, key: MessageKey, oneKey: MessageKey, count: number): string {
  return t(count === 1 ? oneKey : key, { count });
}

export function syncStatusText(t: Translate, status: SyncStatus): string {
  const { pending } = status;
  switch (status.state) {
    case 'offline':
      if (status.reason === 'too-many-connections') return t('editor.sync.refused.too-many-connections');
      if (status.reason === 'server-cannot-store') {
        return counted(t, 'editor.sync.cannotStore', 'editor.sync.cannotStore.one', pending);
      }
      return status.reason === 'server-unreachable'
        ? counted(t, 'editor.sync.unreachable', 'editor.sync.unreachable.one', pending)
        : counted(t, 'editor.sync.offline', 'editor.sync.offline.one', pending);
    case 'connecting':
      return pending > 0
        ? counted(t, 'editor.sync.connectingPending', 'editor.sync.connectingPending.one', pending)
        : t('editor.sync.connecting');
    case 'syncing':
      return status.upload
        ? t('editor.sync.uploading', {
            sent: megabytes(status.upload.sentBytes),
            total: megabytes(status.upload.totalBytes),
          })
        : t('editor.sync.syncing');
    case 'synced':
      return t('editor.sync.synced');
    case 'write-refused':
      return t(
        status.reason === 'commenter' ? 'editor.sync.writeRefused.commenter' : 'editor.sync.writeRefused.viewer',
      );
    case 'refused': {
      const reason = isRefusalReason(status.reason) ? status.reason : 'bad-request';
      const kept = pending > 0 ? ` ${t('editor.sync.keptLocally')}` : '';
      return `${t(`editor.sync.refused.${reason}`)}${kept}`;
    }
  }
}

/** "12" or "0,4": one decimal below 10 MB, in the page's number format. */
function megabytes(bytes: number): string {
  const value = bytes / 1_000_000;
  return value.toLocaleString(undefined, { maximumFractionDigits: value < 10 ? 1 : 0 });
}
