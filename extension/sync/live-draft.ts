/**
 * One draft as the editor page holds it: the connection, its sync status, and what happens when
 * the server refuses this page's changes (the user may only comment or view). Then the local copy
 * is discarded and the draft reopened from the server, so the refused changes are not sent again
 * on every reconnect; their text is kept for the user to copy.
 */
import { draftPlainText } from '../../shared/model/draft-doc';
import type { WriteRefusal } from '../../shared/protocol/write-refusal';
import { discardLocalCopy } from './discard-local-copy';
import { type DraftConnection, type DraftConnectionOptions, openDraftConnection } from './draft-connection';
import { followNetwork } from './follow-network';
import type { SyncStatus } from './sync-status';
import { trackSyncStatus } from './sync-status-tracker';

export interface LiveDraftState {
  /** Null while the refused local copy is being discarded. */
  connection: DraftConnection | null;
  status: SyncStatus;
  /** The server refused this page's changes: the editor stays read-only. */
  writeRefusal: WriteRefusal | null;
  /** Plain text of the refused local version, when it had something the server does not. */
  discardedText: string | null;
}

/** Where the count of changes waiting for the server survives a reload (the editor's offline cache). */
export interface PendingCounts {
  loadPending(draftId: string): number;
  savePending(draftId: string, count: number): void;
}

export const initialLiveDraftState: LiveDraftState = {
  connection: null,
  status: { state: 'connecting', pending: 0, reason: null },
  writeRefusal: null,
  discardedText: null,
};

export function openLiveDraft(
  options: Omit<DraftConnectionOptions, 'connect'>,
  win: Window,
  pendingCounts: PendingCounts,
  onChange: (state: LiveDraftState) => void,
): { close(): void } {
  const { draftId } = options;
  let state = initialLiveDraftState;
  let closed = false;
  let discarded = false;
  /** The open connection; null while a refused one is being discarded. */
  let connection: DraftConnection | null = null;
  let stopWatching = () => {};
  const update = (patch: Partial<LiveDraftState>) => {
    state = { ...state, ...patch };
    if (!closed) onChange(state);
  };

  const connect = (refusal: WriteRefusal | null) => {
    const opened = openDraftConnection({ ...options, connect: win.navigator.onLine });
    const publish = (status: SyncStatus) => {
      pendingCounts.savePending(draftId, status.pending);
      update({ connection: opened, status });
    };
    const tracker = trackSyncStatus(
      {
        doc: opened.doc,
        provider: opened.provider,
        nonLocalOrigins: [opened.persistence],
        onWriteRefused: opened.onWriteRefused,
      },
      win,
      publish,
      { pending: pendingCounts.loadPending(draftId), writeRefused: refusal?.role ?? null },
    );
    const stopFollowing = followNetwork(win, opened.provider, () => tracker.current().state !== 'refused');
    const stopHearing = opened.onWriteRefused((next) => void discardRefused(opened, next));
    stopWatching = () => {
      stopHearing();
      stopFollowing();
      tracker.stop();
    };
    connection = opened;
    publish(tracker.current());
    return opened;
  };

  const discardRefused = async (refused: DraftConnection, refusal: WriteRefusal) => {
    update({ writeRefusal: refusal });
    // Once is enough: the reopened copy holds nothing of the user's, and the editor is read-only.
    if (discarded) return;
    discarded = true;
    // Let the provider finish handling the message that brought the refusal before closing it.
    await Promise.resolve();
    if (closed) return;
    stopWatching();
    connection = null;
    update({ connection: null });
    const text = await discardLocalCopy(refused);
    if (closed) return;
    pendingCounts.savePending(draftId, 0);
    const reopened = connect(refusal);
    update({ discardedText: text.trim() ? text : null });
    forgetTextIfServerHasIt(reopened, text, () => {
      if (state.discardedText === text) update({ discardedText: null });
    });
  };

  connect(null);
  return {
    close() {
      if (closed) return;
      closed = true;
      stopWatching();
      connection?.destroy();
    },
  };
}

/** If the server's copy reads the same, nothing typed was lost (the refused change was automatic). */
function forgetTextIfServerHasIt(connection: DraftConnection, text: string, forget: () => void): void {
  const compare = (synced: boolean) => {
    if (!synced) return;
    connection.provider.off('sync', compare);
    if (draftPlainText(connection.doc) === text) forget();
  };
  connection.provider.on('sync', compare);
}
