/**
 * Makes commits written to SQLite's WAL durable without blocking the event loop: the commit is
 * written with `synchronous=NORMAL` (no fsync), then one `fdatasync` of the WAL file runs in libuv's
 * thread pool and covers every commit written before it started. A caller waits for the flush that
 * covers its commit; commits made while one flush runs share the next (group commit across rooms,
 * sized by the disk rather than by a timer). Linux syncs the file, not the descriptor, so our own
 * descriptor of the WAL flushes the frames SQLite wrote through its own.
 */
import { closeSync, fdatasync, openSync } from 'node:fs';

export interface WalSync {
  /** Call right after a commit returned: resolves once that commit is on disk. */
  committed(): Promise<void>;
  /** Resolves once every commit made so far is on disk. */
  whenFlushed(): Promise<void>;
  /** How many flushes ran (each covers one or more commits). */
  flushes(): number;
  /** Releases the WAL's descriptor (after the running flush); wait for `whenFlushed` first, later commits are refused. */
  close(): void;
}

interface Waiter {
  upTo: number;
  resolve(): void;
  reject(error: unknown): void;
}

export function createWalSync(walPath: string): WalSync {
  let fd: number | null = null;
  let written = 0;
  let flushed = 0;
  let flushing = false;
  let flushCount = 0;
  let closed = false;
  const waiters: Waiter[] = [];

  const settle = (upTo: number, error: unknown): void => {
    while (waiters.length > 0 && (waiters[0] as Waiter).upTo <= upTo) {
      const waiter = waiters.shift() as Waiter;
      if (error) waiter.reject(error);
      else waiter.resolve();
    }
  };

  const release = (): void => {
    if (fd !== null) closeSync(fd);
    fd = null;
  };

  const flush = (): void => {
    if (flushing || flushed >= written) return;
    if (closed) {
      settle(written, new Error('the WAL is closed'));
      return;
    }
    const upTo = written;
    try {
      // Opened on the first flush: the WAL exists once something was committed.
      fd ??= openSync(walPath, 'r+');
    } catch (error) {
      settle(upTo, error);
      return;
    }
    flushing = true;
    flushCount += 1;
    fdatasync(fd, (error) => {
      flushing = false;
      // After a failed fdatasync the kernel may have dropped the pages: nothing up to here is confirmed.
      if (!error) flushed = upTo;
      settle(upTo, error);
      if (closed) release();
      flush();
    });
  };

  const waitFor = (upTo: number): Promise<void> => {
    if (flushed >= upTo) return Promise.resolve();
    return new Promise((resolve, reject) => {
      waiters.push({ upTo, resolve, reject });
      flush();
    });
  };

  return {
    committed: () => {
      written += 1;
      return waitFor(written);
    },
    whenFlushed: () => waitFor(written),
    flushes: () => flushCount,
    close: () => {
      closed = true;
      if (!flushing) release();
    },
  };
}
