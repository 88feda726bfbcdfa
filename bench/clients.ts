/**
 * Real clients for the servers under test: the stock y-websocket `WebsocketProvider` or the
 * `HocuspocusProvider`, over `ws`, optionally counting every frame's payload bytes both ways.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import type { RoomAccess, ServerUnderTest } from './servers';

/** Payload bytes of WebSocket frames, split by the first byte (y-protocols message type: 0 sync, 1 awareness). */
export interface FrameBytes {
  sent: number;
  received: number;
  syncSent: number;
  syncReceived: number;
}

export function emptyFrameBytes(): FrameBytes {
  return { sent: 0, received: 0, syncSent: 0, syncReceived: 0 };
}

export interface BenchClient {
  readonly doc: Y.Doc;
  isSynced(): boolean;
  whenSynced(timeoutMs?: number): Promise<void>;
  disconnect(): void;
  connect(): void;
  destroy(): void;
  /** Close codes of every time the server closed this client's socket (a refusal is 1009, 4413, …). */
  closeCodes(): readonly number[];
}

/** What the providers construct their sockets with. */
export type WebSocketClass = new (address: string | URL, protocols?: string | string[]) => WebSocket;

function byteLength(data: unknown): number {
  if (data instanceof ArrayBuffer) return data.byteLength;
  if (ArrayBuffer.isView(data)) return data.byteLength;
  if (typeof data === 'string') return Buffer.byteLength(data);
  return 0;
}

function firstByte(data: unknown): number | undefined {
  if (data instanceof ArrayBuffer) return new Uint8Array(data)[0];
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, 1)[0];
  return undefined;
}

/**
 * A `ws` WebSocket class that adds its frames to `bytes`. Hocuspocus prefixes every message with the
 * document name, so the message type is not the first byte there: its sync split is left at zero.
 */
export function countingWebSocket(bytes: FrameBytes, splitByType: boolean): WebSocketClass {
  return class CountingWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols);
      this.addEventListener('message', (event) => {
        const size = byteLength(event.data);
        bytes.received += size;
        if (splitByType && firstByte(event.data) === 0) bytes.syncReceived += size;
      });
    }
    override send(data: Parameters<WebSocket['send']>[0], ...rest: unknown[]): void {
      const size = byteLength(data);
      bytes.sent += size;
      if (splitByType && firstByte(data) === 0) bytes.syncSent += size;
      (super.send as (...all: unknown[]) => void)(data, ...rest);
    }
  };
}

async function pollUntil(condition: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 5));
  }
}

export function connectBenchClient(
  server: ServerUnderTest,
  room: RoomAccess,
  doc: Y.Doc,
  webSocketClass: WebSocketClass = WebSocket,
): BenchClient {
  const polyfill = webSocketClass as unknown as typeof globalThis.WebSocket;
  if (server.protocol === 'hocuspocus') {
    const socket = new HocuspocusProviderWebsocket({ url: server.wsUrl, WebSocketPolyfill: polyfill });
    const provider = new HocuspocusProvider({ websocketProvider: socket, name: room.name, document: doc });
    // A provider given its socket does not attach itself.
    provider.attach();
    const closes: number[] = [];
    socket.on('close', ({ event }: { event: { code: number } }) => closes.push(event.code));
    const isSynced = () => provider.isSynced && !provider.hasUnsyncedChanges;
    return {
      doc,
      isSynced,
      whenSynced: (timeoutMs = 30_000) => pollUntil(isSynced, `hocuspocus client in ${room.name} to sync`, timeoutMs),
      disconnect: () => socket.disconnect(),
      connect: () => void socket.connect(),
      destroy: () => {
        provider.destroy();
        socket.destroy();
      },
      closeCodes: () => closes,
    };
  }
  const provider = new WebsocketProvider(server.wsUrl, room.name, doc, {
    params: room.params,
    WebSocketPolyfill: polyfill,
    disableBc: true,
    maxBackoffTime: 500,
  });
  const isSynced = () => provider.synced;
  const closes: number[] = [];
  provider.on('connection-close', (event) => {
    if (event) closes.push(event.code);
  });
  return {
    doc,
    isSynced,
    whenSynced: (timeoutMs = 30_000) => pollUntil(isSynced, `y-websocket client in ${room.name} to sync`, timeoutMs),
    disconnect: () => provider.disconnect(),
    connect: () => provider.connect(),
    destroy: () => provider.destroy(),
    closeCodes: () => closes,
  };
}
