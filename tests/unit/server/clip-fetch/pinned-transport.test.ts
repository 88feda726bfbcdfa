/**
 * The real HTTP transport connects to the address the guard checked, not to whatever the name
 * resolves to now (DNS rebinding): here the name resolves nowhere at all, and the request still
 * reaches the checked loopback address, with the URL's name as its Host. Loopback only.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpTransport } from '../../../../server/clip-fetch/http-transport';

let received: IncomingHttpHeaders | null = null;
const server = createServer((request, response) => {
  received = request.headers;
  response.writeHead(200, { 'content-type': 'text/html' }).end('<p>dari alamat yang diperiksa</p>');
});
let port = 0;

beforeAll(async () => {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
});

describe('the pinned transport', () => {
  it('connects to the checked address under a name no DNS knows, sending that name as Host', async () => {
    const url = new URL(`http://tidak-pernah-ada.invalid:${port}/halaman`);
    const response = await httpTransport({
      target: {
        url,
        hostname: url.hostname,
        address: '127.0.0.1',
        family: 4,
        addresses: [{ address: '127.0.0.1', family: 4 }],
      },
      headers: { 'user-agent': 'Dampingi/test' },
      signal: new AbortController().signal,
    });
    const chunks: Buffer[] = [];
    for await (const chunk of response.body) chunks.push(Buffer.from(chunk));
    expect(response.status).toBe(200);
    expect(Buffer.concat(chunks).toString()).toBe('<p>dari alamat yang diperiksa</p>');
    expect(received?.host).toBe(`tidak-pernah-ada.invalid:${port}`);
    expect(received?.cookie).toBeUndefined();
  });

  it('with several checked addresses, tries the next when one does not answer (and only those)', async () => {
    const url = new URL(`http://dua-alamat.invalid:${port}/`);
    const response = await httpTransport({
      target: {
        url,
        hostname: url.hostname,
        address: '::1',
        family: 6,
        // Nothing listens on ::1 here (the server is on 127.0.0.1 only): the connection moves on.
        addresses: [
          { address: '::1', family: 6 },
          { address: '127.0.0.1', family: 4 },
        ],
      },
      headers: {},
      signal: new AbortController().signal,
    });
    response.discard();
    expect(response.status).toBe(200);
  });
});
