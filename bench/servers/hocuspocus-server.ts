/** Hocuspocus in memory (no extensions), for the benchmark: PORT and HOST from the environment. */
import { Server } from '@hocuspocus/server';

const server = new Server({
  port: Number(process.env.PORT ?? 1234),
  address: process.env.HOST ?? '127.0.0.1',
  quiet: true,
});
await server.listen();
