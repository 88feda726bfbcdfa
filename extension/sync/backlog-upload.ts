/**
 * Sends a large offline backlog in parts instead of the stock provider's one giant message: when
 * the server's sync step 1 shows it lacks more than a part's worth, what it lacks goes out as parts
 * that each stand on their own (shared/sync/backlog-parts.ts), as fast as the socket drains, with
 * progress for the badge ("Mengirim perubahan: 12 dari 52 MB"). Edits made meanwhile wait and go
 * after the last part. A connection cut halfway leaves the server with whole parts; the next
 * connection's step 1 says what it still lacks, and only that is sent.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { messageSync, type WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { backlogParts } from '../../shared/sync/backlog-parts';

export interface UploadProgress {
  sentBytes: number;
  totalBytes: number;
}

export interface BacklogUpload {
  /** The upload under way, or null. */
  progress(): UploadProgress | null;
  /** Called as parts leave and once more (with null) when the upload ends, done or cut. */
  onProgress(listener: (progress: UploadProgress | null) => void): () => void;
  stop(): void;
}

export interface BacklogUploadOptions {
  /** A backlog larger than this goes in parts of about this size. */
  partBytes?: number;
  /** Parts are handed to the socket while less than this waits in its buffer. */
  bufferedBytes?: number;
}

const DEFAULT_PART_BYTES = 1024 * 1024;

export function sendBacklogInParts(provider: WebsocketProvider, options: BacklogUploadOptions = {}): BacklogUpload {
  const partBytes = options.partBytes ?? DEFAULT_PART_BYTES;
  const highWater = options.bufferedBytes ?? 2 * partBytes;
  const listeners = new Set<(progress: UploadProgress | null) => void>();
  let current: UploadProgress | null = null;
  /** The socket an upload is under way on; a reconnect starts a new upload, the old one ends by itself. */
  let uploadingOn: WebSocket | null = null;
  let liveHeld = 0;
  let stopped = false;
  const publish = (progress: UploadProgress | null) => {
    current = progress;
    for (const listener of listeners) listener(progress);
  };
  // Live edits would point at parts not sent yet: they wait while an upload runs, and go after it.
  const holdLive = () => {
    if (liveHeld++ === 0) provider.doc.off('update', provider._updateHandler);
  };
  const releaseLive = () => {
    if (--liveHeld === 0 && !stopped) provider.doc.on('update', provider._updateHandler);
  };

  const stock = provider.messageHandlers[messageSync];
  provider.messageHandlers[messageSync] = (encoder, decoder, handlerProvider, emitSynced, messageType) => {
    const isStep1 = decoding.peekVarUint(decoder) === syncProtocol.messageYjsSyncStep1;
    const socket = handlerProvider.ws;
    if (!isStep1 || stopped || !socket || uploadingOn === socket) {
      stock?.(encoder, decoder, handlerProvider, emitSynced, messageType);
      return;
    }
    decoding.readVarUint(decoder);
    const serverState = decoding.readVarUint8Array(decoder);
    const missing = Y.encodeStateAsUpdate(handlerProvider.doc, serverState);
    if (missing.byteLength <= partBytes) {
      // Small: the stock answer, one step 2.
      encoding.writeVarUint(encoder, messageSync);
      syncProtocol.writeSyncStep2(encoder, handlerProvider.doc, serverState);
      return;
    }
    void upload(handlerProvider, socket, serverState);
  };

  async function upload(target: WebsocketProvider, socket: WebSocket, serverState: Uint8Array): Promise<void> {
    const { doc } = target;
    const { parts, totalBytes } = backlogParts(doc, serverState, partBytes);
    const snapshot = Y.encodeStateVector(doc);
    uploadingOn = socket;
    holdLive();
    let sent = 0;
    publish({ sentBytes: 0, totalBytes });
    const open = () => !stopped && target.ws === socket && socket.readyState === socket.OPEN;
    try {
      for (const part of parts) {
        while (open() && socket.bufferedAmount > highWater) {
          publish({ sentBytes: Math.max(0, sent - socket.bufferedAmount), totalBytes });
          await new Promise((done) => setTimeout(done, 50));
        }
        if (!open()) return;
        socket.send(syncUpdateMessage(part));
        sent += part.byteLength;
        publish({ sentBytes: Math.max(0, sent - socket.bufferedAmount), totalBytes });
      }
      // What was typed meanwhile; it stands on the parts, which the server now has.
      const meanwhile = Y.encodeStateAsUpdate(doc, snapshot);
      if (open() && Y.decodeUpdate(meanwhile).structs.length > 0) socket.send(syncUpdateMessage(meanwhile));
      while (open() && socket.bufferedAmount > 0) {
        publish({ sentBytes: Math.max(0, sent - socket.bufferedAmount), totalBytes });
        await new Promise((done) => setTimeout(done, 50));
      }
    } finally {
      releaseLive();
      // A reconnect may have started the next upload already; its progress is the one shown.
      if (uploadingOn === socket) {
        uploadingOn = null;
        publish(null);
      }
    }
  }

  return {
    progress: () => current,
    onProgress(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      stopped = true;
      listeners.clear();
      if (stock) provider.messageHandlers[messageSync] = stock;
    },
  };
}

function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageSync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}
