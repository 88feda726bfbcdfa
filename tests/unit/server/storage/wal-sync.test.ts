/** The WAL flush behind `synchronous=FULL`: a commit is acknowledged only after a flush that started after it; commits made meanwhile share one. */
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createWalSync } from '../../../../server/storage/sqlite/wal-sync';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function walFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dampingi-wal-'));
  dirs.push(dir);
  const path = join(dir, 'dampingi.sqlite-wal');
  writeFileSync(path, 'header');
  return path;
}

describe('WAL flush off the event loop', () => {
  it('commits made while a flush runs wait for the next one, which covers them all', async () => {
    const path = walFile();
    const wal = createWalSync(path);
    const order: string[] = [];
    appendFileSync(path, 'frame 1');
    const first = wal.committed().then(() => order.push('first'));
    // Written after the first flush started: that flush may not cover them.
    appendFileSync(path, 'frame 2');
    const second = wal.committed().then(() => order.push('second'));
    appendFileSync(path, 'frame 3');
    const third = wal.committed().then(() => order.push('third'));
    expect(wal.flushes()).toBe(1);
    await Promise.all([first, second, third]);
    expect(order).toEqual(['first', 'second', 'third']);
    expect(wal.flushes()).toBe(2);
    await wal.whenFlushed();
    expect(wal.flushes()).toBe(2); // nothing new to flush
    wal.close();
  });

  it('a commit is not acknowledged before its flush has returned', async () => {
    const wal = createWalSync(walFile());
    let acknowledged = false;
    const committed = wal.committed().then(() => {
      acknowledged = true;
    });
    await Promise.resolve(); // microtasks run; the flush runs in the thread pool and reports later
    expect(acknowledged).toBe(false);
    await committed;
    expect(acknowledged).toBe(true);
    wal.close();
  });

  it('a WAL that cannot be opened refuses the commits waiting for it', async () => {
    const wal = createWalSync(join(walFile(), 'missing', 'dampingi.sqlite-wal'));
    await expect(wal.committed()).rejects.toThrow(/ENOENT|ENOTDIR/);
    wal.close();
  });

  it('after closing, commits are refused instead of waiting forever', async () => {
    const wal = createWalSync(walFile());
    await wal.committed();
    wal.close();
    await expect(wal.committed()).rejects.toThrow('the WAL is closed');
  });
});
