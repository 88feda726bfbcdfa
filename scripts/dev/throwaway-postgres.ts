/**
 * A throwaway PostgreSQL cluster for tests and measurements: initdb into a temp dir, start on a free
 * loopback port, one fresh database per caller, everything removed on stop. With
 * DAMPINGI_TEST_DATABASE_URL set, that server is used instead (databases are created and dropped on it).
 * Missing PostgreSQL binaries fail loudly: CI installs them (`apt-get install postgresql`).
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './free-port';

export interface TestPostgres {
  /** A new, empty database; its URL. */
  createDatabase(): Promise<string>;
  /** Drops the databases created here and stops the cluster if this started one. */
  stop(): Promise<void>;
}

export interface TestPostgresOptions {
  /** Off by default (tests only); on to measure real commit costs. */
  fsync?: boolean;
}

/** The newest `/usr/lib/postgresql/<version>/bin`, or the directory of `initdb` on PATH. */
export function findPostgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((version) => existsSync(join(root, version, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0]) return join(root, versions[0], 'bin');
  try {
    const initdb = execFileSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).trim();
    if (initdb) return initdb.slice(0, initdb.lastIndexOf('/'));
  } catch {
    // fall through to the error below
  }
  throw new Error(
    'PostgreSQL binaries (initdb, pg_ctl) not found under /usr/lib/postgresql/*/bin or on PATH. ' +
      'Install them (Debian: apt-get install postgresql) or set DAMPINGI_TEST_DATABASE_URL.',
  );
}

/** PostgreSQL refuses to run as root: as root, run its tools as the `postgres` user. */
function runAsClusterOwner(command: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const [file, fileArgs] = asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  execFileSync(file, fileArgs, { stdio: 'pipe' });
}

function postgresUserIds(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (!uid || !gid) throw new Error('running as root, but there is no `postgres` user to run PostgreSQL as');
  return { uid: Number(uid), gid: Number(gid) };
}

let databaseCounter = 0;

export async function startTestPostgres(options: TestPostgresOptions = {}): Promise<TestPostgres> {
  const external = process.env.DAMPINGI_TEST_DATABASE_URL;
  const cluster = external ? null : await startCluster(options);
  const adminUrl = external ?? (cluster?.url as string);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const created: string[] = [];

  return {
    async createDatabase() {
      databaseCounter += 1;
      const name = `dampingi_test_${process.pid}_${Date.now()}_${databaseCounter}`;
      await admin.query(`CREATE DATABASE ${name}`);
      created.push(name);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    async stop() {
      try {
        if (external) {
          for (const name of created) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        }
      } finally {
        await admin.end();
        cluster?.stop();
      }
    },
  };
}

async function startCluster(options: TestPostgresOptions): Promise<{ url: string; stop(): void }> {
  const bin = findPostgresBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'dampingi-postgres-'));
  if (process.getuid?.() === 0) {
    const { uid, gid } = postgresUserIds();
    chownSync(dir, uid, gid);
  }
  const dataDir = join(dir, 'data');
  const port = await freePort();
  const settings = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses='127.0.0.1'",
    `-c fsync=${options.fsync ? 'on' : 'off'}`,
    ...(options.fsync ? [] : ['-c full_page_writes=off']),
  ].join(' ');
  try {
    runAsClusterOwner(join(bin, 'initdb'), [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ]);
    runAsClusterOwner(join(bin, 'pg_ctl'), [
      'start',
      '-D',
      dataDir,
      '-w',
      '-t',
      '60',
      '-l',
      join(dir, 'postgres.log'),
      '-o',
      settings,
    ]);
  } catch (error) {
    const log = existsSync(join(dir, 'postgres.log')) ? readFileSync(join(dir, 'postgres.log'), 'utf8') : '';
    rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`could not start a test PostgreSQL cluster with ${bin}:\n${stderr}\n${log}`, { cause: error });
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        runAsClusterOwner(join(bin, 'pg_ctl'), ['stop', '-D', dataDir, '-m', 'immediate', '-w']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
