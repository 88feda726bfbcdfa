/**
 * What one durable commit costs on this machine's disk, apart from the server: small inserts, one
 * transaction each, in WAL mode as the server opens SQLite, with synchronous=FULL and NORMAL. It
 * tells how much of the server's time inside a commit is waiting for the disk rather than computing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export interface CommitCost {
  synchronous: 'FULL' | 'NORMAL';
  commits: number;
  wallMicros: number;
  cpuMicros: number;
}

/** Measured in this process (pin it as the server is for a like-for-like figure). */
export function measureCommitCost(synchronous: CommitCost['synchronous'], commits = 1000): CommitCost {
  const dir = mkdtempSync(join(tmpdir(), 'dampingi-bench-commit-'));
  const db = new Database(join(dir, 'commit-cost.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous}`);
    db.exec('CREATE TABLE updates (seq INTEGER PRIMARY KEY, name TEXT NOT NULL, data BLOB NOT NULL)');
    const insert = db.prepare<[string, Buffer]>('INSERT INTO updates (name, data) VALUES (?, ?)');
    // About the size of one live-editing update.
    const append = db.transaction((name: string) => insert.run(name, Buffer.alloc(40)));
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    for (let i = 0; i < commits; i++) append(`room-${i % 50}`);
    const wallMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    return {
      synchronous,
      commits,
      wallMicros: (wallMs * 1000) / commits,
      cpuMicros: (cpu.user + cpu.system) / commits,
    };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
