/**
 * The real server as a child process (`node --import tsx server/main.ts`, configured by environment variables),
 * so a test can kill it with SIGKILL or stop it with SIGTERM and start it again on the same data.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '../../../scripts/dev/free-port';
import { apiPaths } from '../../../shared/protocol/api';
import { nextEvent, waitFor } from './wait-for';

export { freePort };

export interface ServerProcess {
  readonly url: string;
  /** Resolves with the exit code (null when killed by a signal) once the process is gone. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything the process wrote to stderr, for failure messages. */
  stderr(): string;
  kill(signal: NodeJS.Signals): void;
}

export async function startServerProcess(options: {
  dataDir: string;
  port: number;
  env?: Record<string, string>;
}): Promise<ServerProcess> {
  // `node --import tsx` rather than the `tsx` binary: the binary relays signals through a wrapper
  // process that, on a loaded machine, kills the server instead of letting it shut down (exit 143).
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      DAMPINGI_PORT: String(options.port),
      DAMPINGI_HOST: '127.0.0.1',
      DAMPINGI_DATA_DIR: options.dataDir,
      DAMPINGI_WEB_DIR: join(options.dataDir, 'web'),
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = nextEvent<{ code: number | null; signal: NodeJS.Signals | null }>(
    (listener) => child.once('exit', (code, signal) => listener({ code, signal })),
    'the server process to exit',
    120_000,
  );
  const url = `http://127.0.0.1:${options.port}`;
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  await waitFor(
    async () => {
      if (gone) throw new Error(`the server process exited while starting:\n${stderr}`);
      try {
        return (await fetch(`${url}${apiPaths.health}`)).ok;
      } catch {
        return false;
      }
    },
    'the server process to answer',
    20_000,
  );
  return { url, exited, stderr: () => stderr, kill: (signal) => child.kill(signal) };
}
