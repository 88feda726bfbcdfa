/** CPU time and peak memory of another process, read from Linux `/proc` (the server under test). */
import { readdirSync, readFileSync } from 'node:fs';

/** Linux reports utime/stime in clock ticks; 100 per second on every mainstream kernel config. */
const CLOCK_TICKS_PER_SECOND = 100;

/** utime + stime of the process, in seconds. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the parenthesised command name (which may contain spaces); utime and stime are 14th and 15th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return (utime + stime) / CLOCK_TICKS_PER_SECOND;
}

function statusBytes(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status);
  if (!match?.[1]) throw new Error(`no ${field} for process ${pid}`);
  return Number(match[1]) * 1024;
}

/** Peak resident set size (VmHWM) of the process, in bytes. */
export const peakRssBytes = (pid: number) => statusBytes(pid, 'VmHWM');

/** Resident set size now (VmRSS), in bytes. */
export const rssBytes = (pid: number) => statusBytes(pid, 'VmRSS');

/** utime + stime per thread name (`comm`; threads of one name summed), in seconds: where the process's CPU goes. */
export function threadCpuSeconds(pid: number): Record<string, number> {
  const byName: Record<string, number> = {};
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name = tid === String(pid) ? 'main thread' : stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      byName[name] = (byName[name] ?? 0) + (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
    } catch {
      // The thread ended between listing and reading: its time is no longer attributable.
    }
  }
  return byName;
}

/**
 * Seconds the process's main thread has spent runnable but waiting for a CPU (the second field of
 * `/proc/<pid>/task/<pid>/schedstat`): time a busy machine took from it, not time it blocked.
 */
export function mainThreadRunQueueSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').trim().split(/\s+/);
  return Number(fields[1]) / 1e9;
}

/**
 * Resident bytes of the process's `[heap]` mapping — glibc malloc's main arena (native allocations of
 * the main thread: socket buffers, SQLite, ws frames) — as against V8's own mmapped pages and the rest.
 */
export function mallocHeapRssBytes(pid: number): number {
  const smaps = readFileSync(`/proc/${pid}/smaps`, 'utf8');
  const at = smaps.search(/ \[heap\]\n/);
  if (at < 0) return 0;
  const match = /^Rss:\s+(\d+) kB$/m.exec(smaps.slice(at));
  return match?.[1] ? Number(match[1]) * 1024 : 0;
}
