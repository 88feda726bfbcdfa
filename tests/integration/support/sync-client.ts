/** Real y-websocket clients in Node (the stock `WebsocketProvider` over `ws`), plus a raw socket for bad input. */
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { syncUrl } from '../../../shared/protocol/rooms';
import { nextEvent, waitFor } from './wait-for';

export interface SyncClient {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  whenSynced(): Promise<void>;
  destroy(): void;
}

const clients = new Set<SyncClient>();

export function connectClient(serverUrl: string, room: string, token: string, doc = new Y.Doc()): SyncClient {
  const provider = new WebsocketProvider(syncUrl(serverUrl), room, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  const client: SyncClient = {
    doc,
    provider,
    whenSynced: () => waitFor(() => provider.synced, `client in ${room} to sync`),
    destroy() {
      provider.destroy();
      doc.destroy();
      clients.delete(client);
    },
  };
  clients.add(client);
  return client;
}

/** For afterEach: no provider keeps reconnecting into the next test. */
export function destroyAllClients(): void {
  for (const client of [...clients]) client.destroy();
}

export interface RawSocket {
  readonly ws: WebSocket;
  readonly received: Uint8Array[];
  readonly closed: Promise<{ code: number; reason: string }>;
}

/** A bare WebSocket that speaks no protocol unless told to; for sending what no real client would. */
export async function openRawSocket(serverUrl: string, room: string, token: string): Promise<RawSocket> {
  const ws = new WebSocket(`${syncUrl(serverUrl)}/${room}?token=${encodeURIComponent(token)}`);
  const received: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
  const closed = nextEvent<{ code: number; reason: string }>(
    (listener) => ws.once('close', (code, reason) => listener({ code, reason: reason.toString() })),
    'raw socket to close',
  );
  await nextEvent((listener) => ws.once('open', listener), 'raw socket to open');
  return { ws, received, closed };
}
