/**
 * The real Dampingi server as a child process on a loopback port, as `npm run serve` starts it (bundled),
 * with its own temporary data directory. It can be stopped and started again on the same data.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../../scripts/dev/free-port';

const ROOT = resolve(import.meta.dirname, '../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

/** Set by the e2e run's global setup (./server-bundle.ts) to where it bundled the server and the user CLI. */
export const BUNDLE_DIR_VARIABLE = 'DAMPINGI_E2E_BUNDLE_DIR';

/**
 * The server and the user CLI as node runs them: from the run's bundle when there is one, else (a script
 * outside vitest) from the sources through tsx, as `npm run user` does.
 */
function commands(): { server: string[]; user: [string, string[]] } {
  const bundle = process.env[BUNDLE_DIR_VARIABLE];
  if (bundle) {
    return {
      server: [join(bundle, 'server/main.mjs')],
      user: [process.execPath, [join(bundle, 'cli/user.mjs')]],
    };
  }
  return { server: ['--import', 'tsx', 'server/main.ts'], user: [TSX, ['server/cli/user.ts']] };
}

export interface TestUser {
  name: string;
  id: string;
  /** A bearer token (for the API and the extension's settings). */
  token: string;
  /** A one-time sign-in link for the web app (`?signin=`): it works once. */
  link: string;
}

export interface DampingiServer {
  readonly url: string;
  readonly dataDir: string;
  start(): Promise<void>;
  /** SIGTERM by default; SIGKILL to simulate a crash. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** As `npm run user -- add` makes one; `options` give an address or administrator rights. */
  addUser(name: string, options?: { email?: string; admin?: boolean }): Promise<TestUser>;
  /** A fresh one-time sign-in link for the user (`npm run user -- link`). */
  newLink(userId: string): Promise<string>;
  output(): string;
}

export async function createDampingiServer(options: { env?: Record<string, string> } = {}): Promise<DampingiServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'dampingi-data-'));
  const url = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    DAMPINGI_PORT: String(port),
    DAMPINGI_HOST: '127.0.0.1',
    DAMPINGI_DATA_DIR: dataDir,
    DAMPINGI_WEB_DIR: join(ROOT, '.output/chrome-mv3'),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    ...options.env,
  };
  let child: ChildProcess | null = null;
  let log = '';

  async function waitForHealth(): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (child?.exitCode != null) throw new Error(`server exited early (${child.exitCode}):\n${log}`);
      try {
        const response = await fetch(`${url}/health`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((done) => setTimeout(done, 100));
    }
    throw new Error(`server did not become healthy:\n${log}`);
  }

  return {
    url,
    dataDir,
    async start() {
      // One process (node itself, no wrapper), so a signal reaches the server itself.
      child = spawn(process.execPath, commands().server, {
        cwd: ROOT,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout?.on('data', (chunk) => {
        log += chunk;
      });
      child.stderr?.on('data', (chunk) => {
        log += chunk;
      });
      await waitForHealth();
    },
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      const running = child;
      if (!running || running.exitCode != null) return;
      const exited = new Promise((done) => running.once('exit', done));
      running.kill(signal);
      await exited;
      child = null;
    },
    async addUser(name, options = {}) {
      const [command, cli] = commands().user;
      const args = [...cli, 'add', name, '--token'];
      if (options.email) args.push('--email', options.email);
      if (options.admin) args.push('--admin');
      const { stdout } = await promisify(execFile)(command, args, { cwd: ROOT, env });
      const token = /Token: (\S+)/.exec(stdout)?.[1];
      const link = /Sign-in link: (\S+)/.exec(stdout)?.[1];
      const id = /\(id ([A-Za-z0-9_-]+)\)/.exec(stdout)?.[1];
      if (!token || !link || !id) throw new Error(`could not read the user from:\n${stdout}`);
      return { name, id, token, link };
    },
    async newLink(userId) {
      const [command, cli] = commands().user;
      const { stdout } = await promisify(execFile)(command, [...cli, 'link', userId], { cwd: ROOT, env });
      const link = /Sign-in link: (\S+)/.exec(stdout)?.[1];
      if (!link) throw new Error(`could not read the link from:\n${stdout}`);
      return link;
    },
    output: () => log,
  };
}
