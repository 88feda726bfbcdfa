/**
 * A y-websocket server on loopback holding `serverDoc`, for the editor's sync code: it answers sync
 * step 1 and keeps updates with content — or, with `refuse`, refuses each of them with the auth
 * message our server sends a commenter, keeping the connection open.
 */
import type { AddressInfo } from 'node:net';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll } from 'vitest';
import { WebSocket as NodeWebSocket, WebSocketServer } from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { draftFragment } from '../../../../../shared/model/draft-doc';
import { encodeWriteRefusal } from '../../../../../shared/protocol/write-refusal';

export async function startToySyncServer(serverDoc: Y.Doc, options: { refuse: boolean }) {
  const refusedUpdates: Uint8Array[] = [];
  let syncRequests = 0;
  const bytes = { received: 0, sent: 0 };
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  wss.on('connection', (socket) => {
    const send = socket.send.bind(socket);
    socket.send = ((data: Uint8Array) => {
      bytes.sent += data.byteLength;
      send(data);
    }) as typeof socket.send;
    socket.on('message', (data: Buffer) => {
      bytes.received += data.byteLength;
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) !== 0) return; // awareness: not needed here
      const type = decoding.readVarUint(decoder);
      if (type === syncProtocol.messageYjsSyncStep1) {
        const reply = encoding.createEncoder();
        encoding.writeVarUint(reply, 0);
        syncProtocol.writeSyncStep2(reply, serverDoc, decoding.readVarUint8Array(decoder));
        socket.send(encoding.toUint8Array(reply));
        syncRequests += 1;
        return;
      }
      const update = decoding.readVarUint8Array(decoder);
      if (Y.decodeUpdate(update).structs.length === 0) return;
      if (!options.refuse) {
        Y.applyUpdate(serverDoc, update);
        return;
      }
      refusedUpdates.push(update);
      const refusal = encoding.createEncoder();
      encoding.writeVarUint(refusal, 2);
      encoding.writeVarUint(refusal, 0);
      encoding.writeVarString(
        refusal,
        encodeWriteRefusal({ code: 'read-only', role: 'commenter', room: 'draft-0001' }),
      );
      socket.send(encoding.toUint8Array(refusal));
    });
    const greeting = encoding.createEncoder();
    encoding.writeVarUint(greeting, 0);
    syncProtocol.writeSyncStep1(greeting, serverDoc);
    socket.send(encoding.toUint8Array(greeting));
  });
  const port = (wss.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    refusedUpdates,
    /** Sync step 1 messages answered so far: each is processed after all its socket sent before it. */
    syncRequests: () => syncRequests,
    /** Bytes of every message either way, on every connection; `resetBytes` starts counting afresh. */
    bytes: () => ({ ...bytes }),
    resetBytes: () => {
      bytes.received = 0;
      bytes.sent = 0;
    },
    close: () => new Promise<void>((resolve) => wss.close(() => resolve())),
  };
}

/** The page's window as the sync code reads it: online events and `navigator.onLine`. */
export class FakeWindow extends EventTarget {
  navigator = { onLine: true };
}

export function writeParagraph(doc: Y.Doc, text: string): Y.XmlElement {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  draftFragment(doc).insert(draftFragment(doc).length, [paragraph]);
  return paragraph;
}

/** Node 20 has no global WebSocket; the provider picks up whatever is global when it is created. */
export function withNodeWebSocketGlobal(): void {
  beforeAll(() => {
    (globalThis as { WebSocket?: unknown }).WebSocket = NodeWebSocket;
  });
  afterAll(() => {
    delete (globalThis as { WebSocket?: unknown }).WebSocket;
  });
}
