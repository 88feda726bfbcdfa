/**
 * Opens one draft for the editor: the Y.Doc from IndexedDB at once, the server when the network
 * allows, and the sync status the badge shows. Everything is closed again on unmount.
 */
import { useEffect, useState } from 'react';
import { type DraftConnection, openDraftConnection } from '../sync/draft-connection';
import { followNetwork } from '../sync/follow-network';
import type { SyncStatus } from '../sync/sync-status';
import { trackSyncStatus } from '../sync/sync-status-tracker';
import type { OfflineCache } from './offline-cache';

export interface DraftSession {
  connection: DraftConnection | null;
  status: SyncStatus;
}

const initialStatus: SyncStatus = { state: 'connecting', pending: 0, reason: null };

export function useDraftConnection(
  options: { serverUrl: string; token: string | null; draftId: string },
  win: Window,
  cache: OfflineCache,
): DraftSession {
  const { serverUrl, token, draftId } = options;
  const [session, setSession] = useState<DraftSession>({ connection: null, status: initialStatus });

  useEffect(() => {
    const connection = openDraftConnection({ serverUrl, token, draftId, connect: win.navigator.onLine });
    const publish = (status: SyncStatus) => {
      cache.savePending(draftId, status.pending);
      setSession({ connection, status });
    };
    const tracker = trackSyncStatus(
      { doc: connection.doc, provider: connection.provider, nonLocalOrigins: [connection.persistence] },
      win,
      publish,
      cache.loadPending(draftId),
    );
    const stopFollowing = followNetwork(win, connection.provider, () => tracker.current().state !== 'refused');
    publish(tracker.current());
    return () => {
      stopFollowing();
      tracker.stop();
      connection.destroy();
      setSession({ connection: null, status: initialStatus });
    };
  }, [serverUrl, token, draftId, win, cache]);

  return session;
}
