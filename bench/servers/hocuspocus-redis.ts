/**
 * One Hocuspocus 4 instance with its Redis extension, for the cluster run: documents in memory (no
 * persistence extension), every change published on the Redis at REDIS_URL so that the other
 * instances apply and relay it. PORT, HOST, REDIS_URL and INSTANCE (a unique name) from the
 * environment. `GET /health` answers how many documents and connections it holds, like Dampingi's.
 */
import { Redis } from '@hocuspocus/extension-redis';
import { Server } from '@hocuspocus/server';

const redisUrl = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');

const server = new Server({
  port: Number(process.env.PORT ?? 1234),
  address: process.env.HOST ?? '127.0.0.1',
  quiet: true,
  extensions: [
    new Redis({
      host: redisUrl.hostname,
      port: Number(redisUrl.port || 6379),
      identifier: `bench-${process.env.INSTANCE ?? process.pid}`,
    }),
    {
      async onRequest({ request, response, instance }) {
        if (request.url !== '/health') return;
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({ rooms: instance.getDocumentsCount(), connections: instance.getConnectionsCount() }),
        );
        // Hocuspocus's way to stop later hooks and its default answer.
        throw null;
      },
    },
  ],
});
await server.listen();
