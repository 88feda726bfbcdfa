/**
 * A small web site on 127.0.0.1 for the server to fetch pages and pictures from: a route table,
 * every request it received (path and headers), and a close that also drops requests left hanging.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type PageRoute = (request: IncomingMessage, response: ServerResponse) => void;

export interface PageServer {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  readonly port: number;
  /** Requests received, in order. */
  readonly received: { path: string; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

export async function startPageServer(routes: Record<string, PageRoute>): Promise<PageServer> {
  const received: PageServer['received'] = [];
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    received.push({ path, headers: request.headers });
    // Routes name paths; `/gambar/*` any path under it. The query string does not choose the route.
    const pathname = path.split('?')[0] ?? path;
    const route =
      routes[pathname] ??
      Object.entries(routes).find(([prefix]) => prefix.endsWith('*') && pathname.startsWith(prefix.slice(0, -1)))?.[1];
    if (route) route(request, response);
    else response.writeHead(404, { 'content-type': 'text/plain' }).end('tidak ada');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    received,
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}
