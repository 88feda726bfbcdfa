/** Real y-websocket clients in Node (the stock `WebsocketProvider` over `ws`), plus a raw socket for bad input. */
import type * as decoding from 'lib0/decoding';
import { WebSocket } from 'ws';
import * as authProtocol from 'y-protocols/auth';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { syncUrl } from '../../../shared/protocol/rooms';
import { decodeWriteRefusal, type WriteRefusal } from '../../../shared/protocol/write-refusal';
import { nextEvent, waitFor } from './wait-for';

export interface SyncClient {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** Write refusals the server sent (y-protocols auth messages), decoded. */
  readonly refusals: WriteRefusal[];
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
  const refusals: WriteRefusal[] = [];
  // The stock provider only logs a permission-denied message; keep it so tests can see it.
  provider.messageHandlers[2] = (_encoder: unknown, decoder: decoding.Decoder) => {
    authProtocol.readAuthMessage(decoder, doc, (_doc, reason) => {
      const refusal = decodeWriteRefusal(reason);
      if (refusal) refusals.push(refusal);
    });
  };
  const client: SyncClient = {
    doc,
    provider,
    refusals,
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
    60_000,
  );
  closed.catch(() => {}); // a test that never waits for the close must not leave a rejection behind
  await nextEvent((listener) => ws.once('open', listener), 'raw socket to open');
  return { ws, received, closed };
}
