/**
 * The cluster-wide compaction lease on a real PostgreSQL: two processes (two pools) never compact one
 * document at once, and a process that lags behind can never put an older snapshot over a newer one.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { startTestPostgres, type TestPostgres } from '../../../../scripts/dev/throwaway-postgres';
import { createPostgresCompactionLease } from '../../../../server/cluster/compaction-lease';
import { openPostgresStorage } from '../../../../server/storage/postgres/postgres-storage';

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startTestPostgres();
}, 120_000);
afterAll(async () => {
  await postgres?.stop();
}, 60_000);

describe('the compaction lease', () => {
  it('while one process compacts a document, another is told busy; other documents are not held up', {
    timeout: 30_000,
  }, async () => {
    const url = await postgres.createDatabase();
    const first = createPostgresCompactionLease({ url });
    const second = createPostgresCompactionLease({ url });
    try {
      const running: string[] = [];
      let overlaps = 0;
      const compaction = (who: string, work: () => Promise<unknown>) => async () => {
        if (running.length > 0) overlaps += 1;
        running.push(who);
        await work();
        running.splice(running.indexOf(who), 1);
      };
      const aWhile = (ms: number) => () => new Promise((done) => setTimeout(done, ms));
      // The first compaction holds the lease until the test lets it finish, however slow the machine.
      let finish = () => {};
      const finished = new Promise<void>((done) => {
        finish = done;
      });
      const holding = first.run(
        'draft-a',
        compaction('first', () => finished),
      );
      await vi.waitFor(() => expect(running).toEqual(['first']), { timeout: 20_000 });
      expect(await second.run('draft-a', compaction('second', aWhile(10)))).toBe('busy');
      expect(await second.run('draft-b', async () => {})).toBe('done');
      finish();
      expect(await holding).toBe('done');
      expect(await second.run('draft-a', compaction('second', aWhile(10)))).toBe('done');

      // Many attempts from both at once: whoever wins, no two compactions of draft-a ever overlap.
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          (index % 2 === 0 ? first : second).run('draft-a', compaction(`attempt ${index}`, aWhile(5))),
        ),
      );
      expect(overlaps).toBe(0);
      expect(outcomes).toContain('done');
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('a lagging process compacting later never drops updates that a newer snapshot already holds', async () => {
    const url = await postgres.createDatabase();
    const storage = await openPostgresStorage({ url });
    try {
      const writer = new Y.Doc();
      const updates: Uint8Array[] = [];
      writer.on('update', (update: Uint8Array) => updates.push(update));
      const text = writer.getText('t');
      const seqs: number[] = [];
      for (const word of ['satu ', 'dua ', 'tiga']) {
        text.insert(text.length, word);
        seqs.push(await storage.documents.appendUpdate('doc', updates.at(-1) as Uint8Array));
      }
      // The up-to-date process folds all three.
      await storage.documents.replaceWithSnapshot('doc', Y.encodeStateAsUpdate(writer), seqs[2] as number);
      // A process that only ever applied the first two comes after it.
      const lagging = new Y.Doc();
      for (const update of updates.slice(0, 2)) Y.applyUpdate(lagging, update);
      await storage.documents.replaceWithSnapshot('doc', Y.encodeStateAsUpdate(lagging), seqs[1] as number);

      const reread = new Y.Doc();
      const stored = await storage.documents.loadDocument('doc');
      if (stored?.snapshot) Y.applyUpdate(reread, stored.snapshot);
      for (const { update } of stored?.updates ?? []) Y.applyUpdate(reread, update);
      expect(reread.getText('t').toString()).toBe('satu dua tiga');
    } finally {
      await storage.close();
    }
  });
});
