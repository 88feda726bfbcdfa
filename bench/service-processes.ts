/**
 * The services behind a cluster run (Redis, PostgreSQL with its backends, HAProxy) as Linux
 * processes: found by pid, pinned to the server core, and their CPU time read from `/proc`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import pg from 'pg';

/** Linux reports times in clock ticks; 100 per second on every mainstream kernel config. */
const CLOCK_TICKS_PER_SECOND = 100;

interface ProcessStat {
  ppid: number;
  /** utime + stime, ticks. */
  ownTicks: number;
  /** cutime + cstime: children that exited and were waited for (PostgreSQL's backends come and go). */
  reapedChildrenTicks: number;
}

function readStat(pid: number): ProcessStat | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name: state, ppid, … utime (14th), stime, cutime, cstime.
    const fields = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
    const at = (index: number) => fields[index] ?? 0;
    return { ppid: at(1), ownTicks: at(11) + at(12), reapedChildrenTicks: at(13) + at(14) };
  } catch {
    return null; // gone between listing and reading
  }
}

function allPids(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
}

export function childPids(pid: number): number[] {
  return allPids().filter((candidate) => readStat(candidate)?.ppid === pid);
}

/**
 * CPU seconds of a process, its live children, and the children it has already reaped. A child
 * that exits inside a measured window loses what it used before the window started from the
 * difference: negligible for pooled PostgreSQL connections, which live as long as the run.
 */
export function processTreeCpuSeconds(pid: number): number {
  const own = readStat(pid);
  if (!own) return Number.NaN;
  let ticks = own.ownTicks + own.reapedChildrenTicks;
  for (const child of childPids(pid)) ticks += readStat(child)?.ownTicks ?? 0;
  return ticks / CLOCK_TICKS_PER_SECOND;
}

/** Pins every thread of the process and of its children to `core`; children forked later inherit it. */
export function pinProcessTree(pid: number, core: string): void {
  for (const target of [pid, ...childPids(pid)]) {
    const pinned = spawnSync('taskset', ['-a', '-cp', core, String(target)], { encoding: 'utf8' });
    if (pinned.status !== 0) console.warn(`could not pin process ${target} to core ${core}: ${pinned.stderr}`);
  }
}

/** The pid of the redis-server answering at `url`, as it reports itself. */
export async function redisPid(url: string): Promise<number> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await client.connect();
    const info = await client.info('server');
    const pid = Number(/^process_id:(\d+)/m.exec(info)?.[1]);
    if (!Number.isInteger(pid)) throw new Error(`no process_id in Redis INFO at ${url}`);
    return pid;
  } finally {
    client.disconnect();
  }
}

/** The PostgreSQL postmaster at `url`: the parent of the backend serving one connection. */
export async function postgresPostmasterPid(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const backend = rows[0]?.pid;
    const postmaster = backend === undefined ? undefined : readStat(backend)?.ppid;
    if (!postmaster) throw new Error(`could not find PostgreSQL's postmaster for ${url}`);
    return postmaster;
  } finally {
    await client.end();
  }
}

/** The HAProxy process whose configuration file binds 127.0.0.1:`port` (several may run at once). */
export function haproxyPid(port: number): number {
  for (const pid of allPids()) {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (!args[0]?.endsWith('haproxy')) continue;
      const config = args[args.indexOf('-f') + 1];
      if (config && readFileSync(config, 'utf8').includes(`bind 127.0.0.1:${port}\n`)) return pid;
    } catch {
      // gone, or not ours to read
    }
  }
  throw new Error(`no HAProxy process listening on 127.0.0.1:${port}`);
}
