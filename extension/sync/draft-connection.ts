/**
 * One draft's live connection: a Y.Doc kept in IndexedDB (so it opens and edits offline) and
 * synced through the stock y-websocket provider. Used by the editor page and by the background,
 * for the draft's content or (kind 'mentoring') its mentoring document.
 */
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { type RoomKind, roomName, syncUrl } from '../../shared/protocol/rooms';
import type { RoleRaised, WriteRefusal } from '../../shared/protocol/write-refusal';
import { type BacklogUpload, sendBacklogInParts } from './backlog-upload';
import { localCopySettled, socketSpeakingAfter } from './speak-after-local-copy';
import { listenForWriteRefusals } from './write-refusals';

export interface DraftConnectionOptions {
  serverUrl: string;
  token: string | null;
  draftId: string;
  /** Which of the draft's documents (default its content). */
  kind?: RoomKind;
  /** Connect to the server now, speaking once the local copy is loaded (default true). */
  connect?: boolean;
}

export interface DraftConnection {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly persistence: IndexeddbPersistence;
  /** A large offline backlog on its way to the server, in parts, with its progress. */
  readonly upload: BacklogUpload;
  /** Resolves once the local IndexedDB copy is loaded into the doc. */
  readonly whenLocalLoaded: Promise<void>;
  /** Hears the server refuse this client's changes; returns a function that stops listening. */
  onWriteRefused(listener: (refusal: WriteRefusal) => void): () => void;
  /** Hears the owner raise this user's role while connected; returns a function that stops listening. */
  onRoleRaised(listener: (notice: RoleRaised) => void): () => void;
  destroy(): void;
}

/**
 * One local database per server and document, so two servers never mix their drafts. The room
 * name keeps the content's database name as it always was (nothing stored is lost).
 */
export function localDatabaseName(serverUrl: string, draftId: string, kind: RoomKind = 'content'): string {
  return `dampingi:${new URL(serverUrl).host}:${roomName(draftId, kind)}`;
}

export function openDraftConnection(options: DraftConnectionOptions): DraftConnection {
  const doc = new Y.Doc();
  const kind = options.kind ?? 'content';
  const persistence = new IndexeddbPersistence(localDatabaseName(options.serverUrl, options.draftId, kind), doc);
  const provider = new WebsocketProvider(syncUrl(options.serverUrl), roomName(options.draftId, kind), doc, {
    connect: options.connect ?? true,
    params: options.token ? { token: options.token } : {},
    maxBackoffTime: 5000,
    // Connects now, speaks once the local copy is loaded (speak-after-local-copy.ts).
    WebSocketPolyfill: socketSpeakingAfter(localCopySettled(persistence)),
  });
  const upload = sendBacklogInParts(provider);
  const refusalListeners = new Set<(refusal: WriteRefusal) => void>();
  const raiseListeners = new Set<(notice: RoleRaised) => void>();
  listenForWriteRefusals(
    provider,
    (refusal) => {
      for (const listener of refusalListeners) listener(refusal);
    },
    (notice) => {
      for (const listener of raiseListeners) listener(notice);
    },
  );
  const whenLocalLoaded = persistence.whenSynced.then(() => undefined);
  return {
    doc,
    provider,
    persistence,
    upload,
    whenLocalLoaded,
    onWriteRefused(listener) {
      refusalListeners.add(listener);
      return () => refusalListeners.delete(listener);
    },
    onRoleRaised(listener) {
      raiseListeners.add(listener);
      return () => raiseListeners.delete(listener);
    },
    destroy() {
      refusalListeners.clear();
      raiseListeners.clear();
      upload.stop();
      provider.destroy();
      void persistence.destroy();
      doc.destroy();
    },
  };
}
