import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { listenForWriteRefusals } from '../../../../extension/sync/write-refusals';
import { encodeWriteRefusal, type WriteRefusal } from '../../../../shared/protocol/write-refusal';

/** Just enough of a WebSocket for the provider: the test opens it and hands it server frames. */
class FakeSocket {
  static latest: FakeSocket | null = null;
  readonly OPEN = 1;
  readyState = 0;
  binaryType = 'blob';
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  sent = 0;
  constructor() {
    FakeSocket.latest = this;
  }
  send() {
    this.sent++;
  }
  close() {
    this.readyState = 3;
  }
  receive(bytes: Uint8Array) {
    this.onmessage?.({
      data: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    });
  }
}

/** y-protocols' auth message: type 2, then 0 (permission denied), then the reason. */
function permissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarString(encoder, reason);
  return encoding.toUint8Array(encoder);
}

const providers: WebsocketProvider[] = [];
afterEach(() => {
  for (const provider of providers.splice(0)) provider.destroy();
  vi.restoreAllMocks();
});

function connectedProvider() {
  const provider = new WebsocketProvider('ws://server.test/sync', 'draft-0001', new Y.Doc(), {
    WebSocketPolyfill: FakeSocket as unknown as typeof WebSocket,
    disableBc: true,
  });
  providers.push(provider);
  const socket = FakeSocket.latest as FakeSocket;
  socket.readyState = 1;
  socket.onopen?.();
  return { provider, socket };
}

describe('hearing the server refuse our changes', () => {
  it("a commenter's refused edit arrives as a decoded refusal, and the connection stays open", () => {
    const { provider, socket } = connectedProvider();
    const heard: WriteRefusal[] = [];
    listenForWriteRefusals(provider, (refusal) => heard.push(refusal));
    const refusal: WriteRefusal = { code: 'read-only', role: 'commenter', room: 'draft-0001' };
    socket.receive(permissionDenied(encodeWriteRefusal(refusal)));
    expect(heard).toEqual([refusal]);
    expect(provider.wsconnected).toBe(true);
    expect(provider.ws).toBe(socket);
  });

  it('a permission-denied reason that is not ours is logged, not taken as a refusal', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { provider, socket } = connectedProvider();
    const heard: WriteRefusal[] = [];
    listenForWriteRefusals(provider, (refusal) => heard.push(refusal));
    socket.receive(permissionDenied('nope'));
    socket.receive(permissionDenied(JSON.stringify({ code: 'read-only', role: 'janitor', room: 'x' })));
    expect(heard).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(2);
  });
});
