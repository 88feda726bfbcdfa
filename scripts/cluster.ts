/**
 * `npm run cluster`: a local cluster to try scale-out on one machine — Redis, a throwaway PostgreSQL,
 * two server processes and HAProxy in front, all on loopback. Prints the address; Ctrl+C stops
 * everything and removes the data. Needs Debian's redis-server, postgresql and haproxy.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, startHaproxy, startPostgres, startRedis, waitForPort } from './dev/local-services';

const root = resolve(import.meta.dirname, '..');
const dataDir = mkdtempSync(join(tmpdir(), 'dampingi-cluster-'));
const tokenSecret = randomBytes(32).toString('hex');
// /metrics is not public (server/http/metrics-access.ts): the operator scrapes it with this token.
const metricsToken = process.env.DAMPINGI_METRICS_TOKEN || randomBytes(16).toString('hex');

console.log('Starting Redis and PostgreSQL…');
const redis = await startRedis();
const postgres = await startPostgres();
const ports = [await freePort(), await freePort()];
const env = {
  ...process.env,
  DAMPINGI_DATABASE_URL: postgres.url,
  DAMPINGI_REDIS_URL: redis.url,
  // Behind HAProxy (option forwardfor): client addresses come from X-Forwarded-For.
  DAMPINGI_TRUST_PROXY: 'true',
  DAMPINGI_TOKEN_SECRET: tokenSecret,
  DAMPINGI_METRICS_TOKEN: metricsToken,
  DAMPINGI_WEB_DIR: resolve(root, process.env.DAMPINGI_WEB_DIR ?? '.output/chrome-mv3'),
  DAMPINGI_HOST: '127.0.0.1',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  // As `npm run serve` starts a server (README, Memory).
  MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
};

const servers: ChildProcess[] = ports.map((port, index) => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...env, DAMPINGI_PORT: String(port), DAMPINGI_DATA_DIR: join(dataDir, `process-${index + 1}`) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.once('exit', (code, signal) => {
    if (!stopping) console.log(`server process ${index + 1} (port ${port}) exited: ${signal ?? code}`);
  });
  return child;
});
console.log('Starting two server processes…');
await Promise.all(ports.map((port) => waitForPort(port, 'a server process', 60_000)));
// The load balancer takes the port a single server would have, so sign-in links from `npm run user` work.
const publicPort = Number(process.env.DAMPINGI_PORT ?? 8787);
const haproxy = await startHaproxy(
  ports.map((port, index) => ({ name: `process-${index + 1}`, port })),
  publicPort,
);

const userCommand = `DAMPINGI_DATABASE_URL=${postgres.url} DAMPINGI_TOKEN_SECRET=${tokenSecret} npm run user -- add "Nama Anda"`;
console.log(`
Dampingi cluster running:
  open            ${haproxy.url}/editor.html   (HAProxy, round robin over both processes)
  process 1       http://127.0.0.1:${ports[0]}   metrics: curl -H 'authorization: Bearer ${metricsToken}' http://127.0.0.1:${ports[0]}/metrics
  process 2       http://127.0.0.1:${ports[1]}
  PostgreSQL      ${postgres.url}
  Redis           ${redis.url}
Create a user in another terminal:
  ${userCommand}
Try it: kill one process (kill -9 <pid>: ${servers.map((server) => server.pid).join(', ')}) and keep typing.
Ctrl+C stops everything and removes the data.`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping…');
  await Promise.all(
    servers.map(
      (server) =>
        new Promise<void>((done) => {
          if (server.exitCode !== null || server.signalCode !== null) return done();
          server.once('exit', () => done());
          server.kill('SIGTERM');
        }),
    ),
  );
  await haproxy.stop();
  await redis.stop();
  try {
    postgres.destroy();
  } catch {
    // Ctrl+C reaches PostgreSQL too (same terminal): it may have stopped by itself already.
  }
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
}
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
