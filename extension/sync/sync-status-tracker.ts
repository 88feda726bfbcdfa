/**
 * Feeds the sync-status reducer from a live draft: the provider's events, the doc's local
 * transactions, the server's write refusals and the window's online/offline events. Returns the
 * current status on demand.
 */
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import type { Role } from '../../shared/auth/roles';
import type { WriteRefusal } from '../../shared/protocol/write-refusal';
import {
  initialSyncFacts,
  nextSyncFacts,
  type SyncEvent,
  type SyncStatus,
  syncStatusOf,
  type UploadProgress,
} from './sync-status';

export interface SyncStatusSource {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Origins of transactions that are not the user's edits (e.g. the IndexedDB persistence). */
  nonLocalOrigins: readonly unknown[];
  /** Subscribes to the server's write refusals (DraftConnection.onWriteRefused); returns "unsubscribe". */
  onWriteRefused?: (listener: (refusal: WriteRefusal) => void) => () => void;
  /** Subscribes to a backlog upload's progress (DraftConnection.upload.onProgress); returns "unsubscribe". */
  onUploadProgress?: (listener: (progress: UploadProgress | null) => void) => () => void;
}

/** What the page already knows when it (re)opens the draft. */
export interface InitialSyncFacts {
  /** Changes counted as waiting before the page was (re)loaded. */
  pending?: number;
  /** The server already refused this page's changes (the draft was reopened after discarding them). */
  writeRefused?: Role | null;
}

/**
 * Edits closer together than this are one change: typing a sentence is one "perubahan", not one per
 * keystroke (as an undo step gathers them).
 */
export const CHANGE_PAUSE_MS = 2_000;

export interface SyncStatusTracker {
  current(): SyncStatus;
  stop(): void;
}

export function trackSyncStatus(
  source: SyncStatusSource,
  win: Window,
  onChange: (status: SyncStatus) => void,
  initial: InitialSyncFacts = {},
): SyncStatusTracker {
  const { doc, provider } = source;
  let facts = initialSyncFacts(win.navigator.onLine, initial.pending, initial.writeRefused);
  // The provider may already be connecting (it connects in its constructor).
  facts = nextSyncFacts(facts, {
    type: 'connection',
    status: provider.wsconnected ? 'connected' : provider.wsconnecting ? 'connecting' : 'disconnected',
  });
  facts = nextSyncFacts(facts, { type: 'synced', synced: provider.synced });
  let last = syncStatusOf(facts);

  const dispatch = (event: SyncEvent) => {
    facts = nextSyncFacts(facts, event);
    const status = syncStatusOf(facts);
    const uploadMoved = status.upload?.sentBytes !== last.upload?.sentBytes;
    if (
      status.state !== last.state ||
      status.pending !== last.pending ||
      status.reason !== last.reason ||
      uploadMoved
    ) {
      last = status;
      onChange(status);
    }
  };

  const onStatus = ({ status }: { status: 'connected' | 'connecting' | 'disconnected' }) =>
    dispatch({ type: 'connection', status });
  const onSync = (synced: boolean) => dispatch({ type: 'synced', synced });
  // Emitted before the provider resets its flags: a close while not yet connected is a failed attempt.
  // `event` is null when we closed the socket ourselves (disconnect), which says nothing about the server.
  const onConnectionClose = (event: CloseEvent | null) => {
    if (event !== null && !provider.wsconnected) dispatch({ type: 'attempt-failed' });
  };
  const onClosed = (event: { code: number; reason: string }) => dispatch({ type: 'closed', ...event });
  let lastLocalEditAt = Number.NEGATIVE_INFINITY;
  const onUpdate = (_update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
    if (!transaction.local || origin === provider || source.nonLocalOrigins.includes(origin)) return;
    const now = Date.now();
    const startsNewChange = now - lastLocalEditAt > CHANGE_PAUSE_MS || last.pending === 0;
    lastLocalEditAt = now;
    if (startsNewChange) dispatch({ type: 'local-change' });
  };
  // Only a read-only refusal lasts; a broken feedback rule refuses one change, not the document.
  const stopHearingRefusals = source.onWriteRefused?.((refusal) => {
    if (refusal.code === 'read-only') dispatch({ type: 'write-refused', role: refusal.role });
  });
  const stopHearingUploads = source.onUploadProgress?.((progress) => dispatch({ type: 'upload', progress }));
  const onOnline = () => dispatch({ type: 'network', online: true });
  const onOffline = () => dispatch({ type: 'network', online: false });

  provider.on('status', onStatus);
  provider.on('sync', onSync);
  provider.on('connection-close', onConnectionClose);
  provider.on('closed', onClosed);
  doc.on('update', onUpdate);
  win.addEventListener('online', onOnline);
  win.addEventListener('offline', onOffline);

  return {
    current: () => last,
    stop() {
      stopHearingRefusals?.();
      stopHearingUploads?.();
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      provider.off('connection-close', onConnectionClose);
      provider.off('closed', onClosed);
      doc.off('update', onUpdate);
      win.removeEventListener('online', onOnline);
      win.removeEventListener('offline', onOffline);
    },
  };
}
