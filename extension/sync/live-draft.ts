/**
 * One draft document as the editor page holds it (its content, or its feedback): the connection,
 * its sync status, and what happens when the server refuses this page's changes (the user may only
 * comment or view, or broke a feedback rule). Then the local copy is discarded and the document
 * reopened from the server, so the refused changes are not sent again on every reconnect; their
 * text is kept for the user to copy.
 */
import { roomName } from '../../shared/protocol/rooms';
import type { WriteRefusal } from '../../shared/protocol/write-refusal';
import { discardLocalCopy } from './discard-local-copy';
import { type DraftConnection, type DraftConnectionOptions, openDraftConnection } from './draft-connection';
import { takeEarlyDraft } from './early-draft-open';
import { followNetwork } from './follow-network';
import { type LocalCopyText, localCopyText } from './local-copy-text';
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

/**
 * Where the count of changes waiting for the server survives a reload (the editor's offline cache),
 * keyed by room: the content's key is the draft id, the feedback's `<draftId>.feedback`.
 */
export interface PendingCounts {
  loadPending(key: string): number;
  savePending(key: string, count: number): void;
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
  const pendingKey = roomName(options.draftId, options.kind);
  const copyText = localCopyText(options.kind ?? 'content');
  let state = initialLiveDraftState;
  let closed = false;
  let discarded = false;
  const discarding = new WeakSet<DraftConnection>();
  /** The open connection; null while a refused one is being discarded. */
  let connection: DraftConnection | null = null;
  let stopWatching = () => {};
  /** The count last written: localStorage writes block the page, so only a changed count is written. */
  let savedPending: number | null = null;
  const savePending = (count: number) => {
    if (count === savedPending) return;
    savedPending = count;
    pendingCounts.savePending(pendingKey, count);
  };
  const update = (patch: Partial<LiveDraftState>) => {
    state = { ...state, ...patch };
    if (!closed) onChange(state);
  };

  const connect = (refusal: WriteRefusal | null) => {
    // The first connection may have been opened as the page started (early-draft-open.ts).
    const opened =
      (refusal === null ? takeEarlyDraft(options) : null) ??
      openDraftConnection({ ...options, connect: win.navigator.onLine });
    const publish = (status: SyncStatus) => {
      savePending(status.pending);
      update({ connection: opened, status });
    };
    const tracker = trackSyncStatus(
      {
        doc: opened.doc,
        provider: opened.provider,
        nonLocalOrigins: [opened.persistence],
        onWriteRefused: opened.onWriteRefused,
        onUploadProgress: opened.upload.onProgress,
      },
      win,
      publish,
      { pending: pendingCounts.loadPending(pendingKey), writeRefused: readOnlyRole(refusal) },
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
    // A broken feedback rule leaves the document writable: a later refusal discards again, but
    // only once per connection (more refusals of the same burst may follow the first).
    if (refusal.code === 'read-only') discarded = true;
    else if (discarding.has(refused) || refused !== connection) return;
    discarding.add(refused);
    // Let the provider finish handling the message that brought the refusal before closing it.
    await Promise.resolve();
    if (closed) return;
    stopWatching();
    connection = null;
    update({ connection: null });
    const text = await discardLocalCopy(refused, copyText.read);
    if (closed) return;
    savePending(0);
    const reopened = connect(refusal);
    update({ discardedText: text.trim() ? text : null });
    keepOnlyWhatServerLacks(reopened, text, copyText, (unsaved) => {
      if (state.discardedText === text) update({ discardedText: unsaved });
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

/** The role a refusal makes the document read-only for; a broken feedback rule does not. */
function readOnlyRole(refusal: WriteRefusal | null) {
  return refusal?.code === 'read-only' ? refusal.role : null;
}

/**
 * Once the server's copy is in, offer only what it lacks: if it reads the same, nothing typed was
 * lost (the refused change was automatic).
 */
function keepOnlyWhatServerLacks(
  connection: DraftConnection,
  text: string,
  copyText: LocalCopyText,
  keep: (unsaved: string | null) => void,
): void {
  const compare = (synced: boolean) => {
    if (!synced) return;
    connection.provider.off('sync', compare);
    const unsaved = copyText.unsaved(text, copyText.read(connection.doc));
    if (unsaved !== text) keep(unsaved);
  };
  connection.provider.on('sync', compare);
}
