// The setup every unit and integration file runs (tests/support/yield-between-tests.ts): between two
// tests the worker's event loop reads what arrived meanwhile — as it must read vitest's own RPC answers
// within 60 s. Without it, an answer that arrives during synchronous tests stays unread until a test awaits.
import { connect, createServer, type Server } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';

let server: Server | undefined;
let answered = false;

afterAll(() => server?.close());

/** Keeps the thread busy, as a test that parses pages or runs a property does. */
function busy(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // busy on purpose
  }
}

describe('the test worker between two synchronous tests', () => {
  it('asks a question on loopback and stays busy while the answer arrives', async () => {
    const answering = createServer((socket) => socket.end('ok'));
    server = answering;
    await new Promise<void>((resolve) => answering.listen(0, '127.0.0.1', resolve));
    const { port } = answering.address() as { port: number };
    const client = connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => client.once('connect', resolve));
    client.on('data', () => {
      answered = true;
    });
    busy(200);
  });

  it('stays busy again, never awaiting', () => {
    busy(100);
    expect(answered).toBeTypeOf('boolean');
  });

  it('has read the answer by the next test', () => {
    expect(answered).toBe(true);
  });
});
