import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import {
  assembleLargeFramesInPlace,
  createFrameBudget,
  type FrameBudget,
} from '../../../../server/transport/large-frame-receive';

/** A real `ws` pair: the server side assembles large frames in place; messages are collected in order. */
async function connectedPair(minBytes: number, budget: FrameBudget = createFrameBudget(1024 * 1024 * 1024)) {
  const server = new WebSocketServer({ port: 0, perMessageDeflate: false });
  await new Promise<void>((done) => server.once('listening', () => done()));
  const received: Buffer[] = [];
  const accepted = new Promise<WebSocket>((done) =>
    server.once('connection', (ws) => {
      expect(assembleLargeFramesInPlace(ws, budget, minBytes)).toBe(true);
      ws.on('message', (data) => received.push(data as Buffer));
      done(ws);
    }),
  );
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`, {
    perMessageDeflate: false,
  });
  await new Promise<void>((done) => client.once('open', () => done()));
  return { server, client, serverSide: await accepted, received };
}

/** A masked binary frame as a client sends it (RFC 6455 §5.2). */
function clientFrame(payload: Buffer): Buffer {
  const length =
    payload.byteLength < 126
      ? Buffer.from([0x80 | payload.byteLength])
      : payload.byteLength < 65_536
        ? Buffer.from([0x80 | 126, payload.byteLength >> 8, payload.byteLength & 0xff])
        : Buffer.concat([Buffer.from([0x80 | 127]), bigEndian64(payload.byteLength)]);
  const mask = randomBytes(4);
  const masked = Buffer.from(payload.map((byte, index) => byte ^ (mask[index % 4] as number)));
  return Buffer.concat([Buffer.from([0x82]), length, mask, masked]);
}

function bigEndian64(value: number): Buffer {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64BE(BigInt(value));
  return bytes;
}

const bytesRead = (ws: WebSocket) => (ws as unknown as { _socket: { bytesRead: number } })._socket.bytesRead;
const heldReads = (ws: WebSocket) => (ws as unknown as { _receiver: { _buffers: Buffer[] } })._receiver._buffers.length;

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

describe('large frames assembled as they arrive', () => {
  it('small and large messages arrive whole and in order, also when a large one shares a read with the next', async () => {
    const { server, client, received } = await connectedPair(64 * 1024);
    cleanup = () => {
      client.terminate();
      server.close();
    };
    const messages = [randomBytes(10), randomBytes(3 * 1024 * 1024), randomBytes(200), randomBytes(1024 * 1024)];
    for (const message of messages) client.send(message);
    // The last two written at once: the large frame's end and the small one come in the same read.
    const large = randomBytes(2 * 1024 * 1024 + 3);
    const small = randomBytes(7);
    const tail = Buffer.concat([clientFrame(large), clientFrame(small)]);
    (client as unknown as { _socket: { write(data: Buffer): void } })._socket.write(tail);
    await vi.waitFor(() => expect(received).toHaveLength(6), { timeout: 10_000 });
    const sent = [...messages, large, small];
    expect(received.map((data, index) => data.equals(sent[index] as Buffer))).toEqual(Array(6).fill(true));
  });

  it('while a large frame is half received, none of its socket reads is held (only the payload buffer)', async () => {
    const { server, client, serverSide, received } = await connectedPair(64 * 1024);
    cleanup = () => {
      client.terminate();
      server.close();
    };
    const payload = randomBytes(4 * 1024 * 1024);
    const frame = clientFrame(payload);
    const socket = (client as unknown as { _socket: { write(data: Buffer): void } })._socket;
    const half = frame.byteLength / 2;
    const readBefore = bytesRead(serverSide);
    socket.write(frame.subarray(0, half));
    await vi.waitFor(() => expect(bytesRead(serverSide) - readBefore).toBe(half), { timeout: 10_000 });
    expect(heldReads(serverSide)).toBe(0);
    expect(received).toHaveLength(0);
    socket.write(frame.subarray(half));
    await vi.waitFor(() => expect(received).toHaveLength(1), { timeout: 10_000 });
    expect(received[0]?.equals(payload)).toBe(true);
  });

  it("announced frames reserve no more than the budget: beyond it a frame is read ws's way; a cut connection gives its share back", async () => {
    const budget = createFrameBudget(5 * 1024 * 1024);
    const first = await connectedPair(64 * 1024, budget);
    const second = await connectedPair(64 * 1024, budget);
    cleanup = () => {
      for (const pair of [first, second]) {
        pair.client.terminate();
        pair.server.close();
      }
    };
    const halfSent = async (pair: typeof first, payload: Buffer) => {
      const frame = clientFrame(payload);
      const socket = (pair.client as unknown as { _socket: { write(data: Buffer): void } })._socket;
      const readBefore = bytesRead(pair.serverSide);
      socket.write(frame.subarray(0, frame.byteLength / 2));
      await vi.waitFor(() => expect(bytesRead(pair.serverSide) - readBefore).toBe(frame.byteLength / 2), {
        timeout: 10_000,
      });
      return { rest: () => socket.write(frame.subarray(frame.byteLength / 2)) };
    };
    const firstPayload = randomBytes(4 * 1024 * 1024);
    const secondPayload = randomBytes(4 * 1024 * 1024);
    const firstHalf = await halfSent(first, firstPayload);
    expect(budget.available()).toBe(1024 * 1024);
    expect(heldReads(first.serverSide)).toBe(0);
    const secondHalf = await halfSent(second, secondPayload);
    // Over the budget: ws holds the reads that came, as it always did.
    expect(heldReads(second.serverSide)).toBeGreaterThan(0);
    expect(budget.available()).toBe(1024 * 1024);

    firstHalf.rest();
    secondHalf.rest();
    await vi.waitFor(() => expect(first.received).toHaveLength(1), { timeout: 10_000 });
    await vi.waitFor(() => expect(second.received).toHaveLength(1), { timeout: 10_000 });
    expect(first.received[0]?.equals(firstPayload)).toBe(true);
    expect(second.received[0]?.equals(secondPayload)).toBe(true);
    expect(budget.available()).toBe(5 * 1024 * 1024);

    // Announced, half sent, then the connection is cut: the reservation comes back.
    await halfSent(first, randomBytes(4 * 1024 * 1024));
    expect(budget.available()).toBe(1024 * 1024);
    first.client.terminate();
    await vi.waitFor(() => expect(budget.available()).toBe(5 * 1024 * 1024), { timeout: 10_000 });
  });
});
