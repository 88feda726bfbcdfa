/**
 * Throwaway cluster services on loopback for `npm run cluster` and the cluster tests: Redis without
 * persistence, a PostgreSQL cluster in a temp dir (which can be stopped and started again, to test an
 * outage), HAProxy in front of the server processes. Debian packages: redis-server, postgresql, haproxy.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';
import { findPostgresBinDir } from './throwaway-postgres';

export { freePort };

/** Resolves once something accepts TCP connections on the port. */
export async function waitForPort(port: number, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((done) => {
      const socket = createConnection({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.destroy();
        done(true);
      });
      socket.once('error', () => done(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`${what} did not listen on port ${port} within ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

async function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((done) => child.once('exit', () => done()));
}

export interface LocalRedis {
  readonly url: string;
  readonly port: number;
  /** Kills it (SIGKILL: nothing is kept anyway) and starts a fresh one on the same port. */
  restart(downMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startRedis(port?: number): Promise<LocalRedis> {
  const chosen = port ?? (await freePort());
  let child: ChildProcess | null = null;
  async function start(): Promise<void> {
    const args = ['--port', String(chosen), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
    child = spawn('redis-server', args, { stdio: 'ignore' });
    child.once('error', () => {}); // a missing binary shows as the port never opening
    await waitForPort(chosen, 'redis-server (apt-get install redis-server)');
  }
  async function stop(): Promise<void> {
    if (!child) return;
    const running = child;
    child = null;
    running.kill('SIGKILL');
    await exited(running);
  }
  await start();
  return {
    url: `redis://127.0.0.1:${chosen}`,
    port: chosen,
    async restart(downMs = 0) {
      await stop();
      if (downMs > 0) await new Promise((done) => setTimeout(done, downMs));
      await start();
    },
    stop,
  };
}

export interface LocalPostgres {
  /** The `postgres` database of the cluster. */
  readonly url: string;
  /** `pg_ctl stop -m fast`: connections are cut, the data stays. */
  pause(): void;
  resume(): void;
  /** Stops it and removes its data. */
  destroy(): void;
}

/** PostgreSQL refuses to run as root: as root, its tools run as the `postgres` user. */
function asClusterOwner(command: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const [file, fileArgs] = asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  execFileSync(file, fileArgs, { stdio: 'pipe' });
}

export async function startPostgres(): Promise<LocalPostgres> {
  const bin = findPostgresBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'dampingi-cluster-pg-'));
  if (process.getuid?.() === 0) {
    const [, , uid, gid] =
      readFileSync('/etc/passwd', 'utf8')
        .split('\n')
        .find((line) => line.startsWith('postgres:'))
        ?.split(':') ?? [];
    if (!uid || !gid) throw new Error('running as root, but there is no `postgres` user to run PostgreSQL as');
    chownSync(dir, Number(uid), Number(gid));
  }
  const dataDir = join(dir, 'data');
  const port = await freePort();
  // fsync off: a throwaway cluster; commits still happen before acknowledgement.
  const settings = `-p ${port} -k ${dir} -c listen_addresses='127.0.0.1' -c fsync=off -c full_page_writes=off`;
  const pgCtl = join(bin, 'pg_ctl');
  const start = () =>
    asClusterOwner(pgCtl, ['start', '-D', dataDir, '-w', '-t', '60', '-l', join(dir, 'postgres.log'), '-o', settings]);
  try {
    asClusterOwner(join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
    start();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`could not start PostgreSQL with ${bin}: ${stderr}`, { cause: error });
  }
  let running = true;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    pause() {
      asClusterOwner(pgCtl, ['stop', '-D', dataDir, '-m', 'fast', '-w']);
      running = false;
    },
    resume() {
      start();
      running = true;
    },
    destroy() {
      try {
        if (running) asClusterOwner(pgCtl, ['stop', '-D', dataDir, '-m', 'immediate', '-w']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * HAProxy for WebSockets in front of the server processes: round robin, health checks on /health,
 * and a connection refused by a dead process retried on another (`option redispatch`).
 */
export function haproxyConfig(listen: string, servers: readonly { name: string; address: string }[]): string {
  return `global
  maxconn 4096

defaults
  mode http
  # the processes see the client's address (DAMPINGI_TRUST_PROXY=true), e.g. for joining limits
  option forwardfor
  option redispatch
  retries 3
  timeout connect 1s
  timeout client 60s
  timeout server 60s
  # an open WebSocket is a tunnel: idle editors stay connected
  timeout tunnel 1h

frontend dampingi
  bind ${listen}
  default_backend servers

backend servers
  balance roundrobin
  option httpchk GET /health
  default-server check inter 500ms fall 2 rise 2
${servers.map((server) => `  server ${server.name} ${server.address}`).join('\n')}
`;
}

export interface LocalHaproxy {
  readonly url: string;
  stop(): Promise<void>;
}

/** Listens on `port` (default: a free one). */
export async function startHaproxy(
  servers: readonly { name: string; port: number }[],
  listenPort?: number,
): Promise<LocalHaproxy> {
  const port = listenPort ?? (await freePort());
  const dir = mkdtempSync(join(tmpdir(), 'dampingi-haproxy-'));
  const configFile = join(dir, 'haproxy.cfg');
  writeFileSync(
    configFile,
    haproxyConfig(
      `127.0.0.1:${port}`,
      servers.map((server) => ({ name: server.name, address: `127.0.0.1:${server.port}` })),
    ),
  );
  let stderr = '';
  // Debian puts it in /usr/sbin, which is not on every user's PATH.
  const binary = existsSync('/usr/sbin/haproxy') ? '/usr/sbin/haproxy' : 'haproxy';
  const child = spawn(binary, ['-db', '-f', configFile], { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.once('error', () => {});
  try {
    await waitForPort(port, 'haproxy (apt-get install haproxy)');
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${stderr}`);
  }
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      child.kill('SIGTERM');
      await exited(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
