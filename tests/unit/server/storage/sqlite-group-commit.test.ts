/** Group commit: updates arriving within the commit window share one transaction; each still waits for it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../../../server/storage/sqlite/database';
import { createSqliteDocumentStore } from '../../../../server/storage/sqlite/sqlite-documents';

const dirs: string[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function store(commitWindowMs: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'dampingi-commit-'));
  dirs.push(dataDir);
  const db = openDatabase({ dataDir, synchronous: 'FULL' });
  return { documents: createSqliteDocumentStore(db, () => new Date().toISOString(), commitWindowMs), db };
}

describe('SQLite group commit', () => {
  it('without a window, updates of different event-loop turns are committed separately', async () => {
    const { documents, db } = store(0);
    await documents.appendUpdate('a', new Uint8Array([1]));
    await documents.appendUpdate('a', new Uint8Array([2]));
    expect(documents.commits()).toBe(2);
    db.close();
  });

  it('with a window, updates arriving within it share one commit, in order, each acknowledged after it', async () => {
    // The window is time itself: its timer runs on a fake clock, so a busy machine cannot stretch
    // the gap between the two updates past it.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { documents, db } = store(50);
    let firstDone = false;
    const first = documents.appendUpdate('a', new Uint8Array([1])).then((seq) => {
      firstDone = true;
      return seq;
    });
    await vi.advanceTimersByTimeAsync(5);
    expect(firstDone).toBe(false); // not acknowledged before its commit
    const second = documents.appendUpdate('b', new Uint8Array([2]));
    await vi.advanceTimersByTimeAsync(50);
    const [seqA, seqB] = await Promise.all([first, second]);
    expect(seqB).toBeGreaterThan(seqA);
    expect(documents.commits()).toBe(1);
    expect((await documents.loadDocument('b'))?.updates.map((entry) => [...entry.update])).toEqual([[2]]);
    db.close();
  });

  it('a load does not wait for the window: it commits what is waiting first', async () => {
    const { documents, db } = store(10_000);
    const appended = documents.appendUpdate('a', new Uint8Array([7]));
    const loaded = await documents.loadDocument('a');
    expect(loaded?.updates.map((entry) => [...entry.update])).toEqual([[7]]);
    await appended;
    db.close();
  });

  it("a document's last activity follows its updates, moving at most once a second", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dampingi-commit-'));
    dirs.push(dataDir);
    const db = openDatabase({ dataDir, synchronous: 'FULL' });
    let clock = Date.parse('2026-12-07T06:00:00.000Z');
    const documents = createSqliteDocumentStore(db, () => new Date(clock).toISOString(), 0, 'FULL');
    const updatedAt = () =>
      db.prepare<[string], { updated_at: string }>('SELECT updated_at FROM documents WHERE name = ?').get('a')
        ?.updated_at;
    await documents.appendUpdate('a', new Uint8Array([1]));
    expect(updatedAt()).toBe('2026-12-07T06:00:00.000Z');
    clock += 400;
    await documents.appendUpdate('a', new Uint8Array([2]));
    expect(updatedAt()).toBe('2026-12-07T06:00:00.000Z');
    clock += 700;
    await documents.appendUpdate('a', new Uint8Array([3]));
    expect(updatedAt()).toBe('2026-12-07T06:00:01.100Z');
    expect((await documents.loadDocument('a'))?.updates.map((entry) => [...entry.update])).toEqual([[1], [2], [3]]);
    documents.close();
    db.close();
  });

  it('a database SQLite could not put in WAL mode still stores and acknowledges every update with FULL', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dampingi-commit-'));
    dirs.push(dataDir);
    const db = openDatabase({ dataDir, synchronous: 'FULL' });
    db.pragma('journal_mode = DELETE'); // as on a file system without shared memory
    const documents = createSqliteDocumentStore(db, () => new Date().toISOString(), 0, 'FULL');
    const seq = await documents.appendUpdate('a', new Uint8Array([9]));
    expect(seq).toBeGreaterThan(0);
    expect((await documents.loadDocument('a'))?.updates.map((entry) => [...entry.update])).toEqual([[9]]);
    documents.close();
    db.close();
  });
});
