/** Contract: Yjs documents (append, load, compaction) behave the same in every Storage. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ContractContext } from './storage-contract';

const bytes = (...values: number[]) => new Uint8Array(values);

export function describeDocumentContract({ name, openFixture, openStorage }: ContractContext): void {
  describe(`documents in ${name}`, () => {
    it('an unknown document is null, not an error', async () => {
      expect(await (await openStorage()).documents.loadDocument('nothing-here')).toBeNull();
    });

    it('updates come back in the order they were appended, after the store is reopened', async () => {
      const fixture = await openFixture();
      const first = fixture.storage;
      const seqA = await first.documents.appendUpdate('doc-a', bytes(1, 2));
      await first.documents.appendUpdate('doc-b', bytes(9));
      const seqC = await first.documents.appendUpdate('doc-a', bytes(3));
      expect(seqC).toBeGreaterThan(seqA);
      await first.close();

      const reopened = await fixture.openAgain();
      expect(await reopened.documents.loadDocument('doc-a')).toEqual({
        snapshot: null,
        updates: [
          { seq: seqA, update: bytes(1, 2) },
          { seq: seqC, update: bytes(3) },
        ],
      });
    });

    it('one update is read back by its seq; a seq never appended, or one compacted away, is null', async () => {
      const { documents } = await openStorage();
      const first = await documents.appendUpdate('doc', bytes(1, 2));
      await documents.appendUpdate('other-doc', bytes(9));
      const second = await documents.appendUpdate('doc', bytes(3));
      expect(await documents.loadUpdate('doc', first)).toEqual(bytes(1, 2));
      expect(await documents.loadUpdate('doc', second)).toEqual(bytes(3));
      expect(await documents.loadUpdate('doc', second + 1000)).toBeNull();
      expect(await documents.loadUpdate('no-such-doc', first)).toBeNull();
      await documents.replaceWithSnapshot('doc', bytes(7), first);
      expect(await documents.loadUpdate('doc', first)).toBeNull();
      expect(await documents.loadUpdate('doc', second)).toEqual(bytes(3));
    });

    it('appends made at the same time to one document all land, with seqs growing in the order they were made', async () => {
      const { documents } = await openStorage();
      const appends = Array.from({ length: 60 }, (_, index) =>
        documents.appendUpdate(index % 3 === 0 ? 'other-doc' : 'doc', bytes(index)),
      );
      const seqs = await Promise.all(appends);
      const docSeqs = seqs.filter((_, index) => index % 3 !== 0);
      expect([...docSeqs].sort((a, b) => a - b)).toEqual(docSeqs);
      expect(new Set(docSeqs).size).toBe(docSeqs.length);
      const stored = await documents.loadDocument('doc');
      expect(stored?.updates.map((entry) => entry.update[0])).toEqual(
        Array.from({ length: 60 }, (_, index) => index).filter((index) => index % 3 !== 0),
      );
      expect(stored?.updates.map((entry) => entry.seq)).toEqual(docSeqs);
    });

    it('an acknowledged update is already committed: another connection sees it at once', async () => {
      const fixture = await openFixture();
      const other = await fixture.openAgain();
      const seq = await fixture.storage.documents.appendUpdate('doc', bytes(4, 2));
      expect(await other.documents.loadDocument('doc')).toEqual({
        snapshot: null,
        updates: [{ seq, update: bytes(4, 2) }],
      });
    });

    it('two processes appending to one document at once: each update is stored once, under its own seq', async () => {
      const fixture = await openFixture();
      const other = await fixture.openAgain();
      const writes = Array.from({ length: 40 }, (_, index) =>
        (index % 2 === 0 ? fixture.storage : other).documents.appendUpdate('doc', bytes(index)),
      );
      const seqs = await Promise.all(writes);
      expect(new Set(seqs).size).toBe(seqs.length);
      const stored = await other.documents.loadDocument('doc');
      expect(stored?.updates.map((entry) => entry.seq)).toEqual([...seqs].sort((a, b) => a - b));
      expect(stored?.updates.map((entry) => entry.update[0]).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
        Array.from({ length: 40 }, (_, index) => index),
      );
    });

    it('a load sees every update already handed to appendUpdate, even one not yet acknowledged', async () => {
      const { documents } = await openStorage();
      const pending = Array.from({ length: 20 }, (_, index) => documents.appendUpdate('doc', bytes(index)));
      const loaded = await documents.loadDocument('doc');
      expect(loaded?.updates.map((entry) => entry.update[0])).toEqual(Array.from({ length: 20 }, (_, index) => index));
      await Promise.all(pending);
    });

    it('compaction keeps the snapshot and only the updates appended after it, also after a reopen', async () => {
      const fixture = await openFixture();
      const { documents } = fixture.storage;
      await documents.appendUpdate('doc', bytes(1));
      const upto = await documents.appendUpdate('doc', bytes(2));
      const later = await documents.appendUpdate('doc', bytes(3));
      await documents.appendUpdate('untouched', bytes(8));
      await documents.replaceWithSnapshot('doc', bytes(7, 7), upto);
      const afterCompaction = await documents.appendUpdate('doc', bytes(4));
      expect(afterCompaction).toBeGreaterThan(later);
      const expected = {
        snapshot: bytes(7, 7),
        updates: [
          { seq: later, update: bytes(3) },
          { seq: afterCompaction, update: bytes(4) },
        ],
      };
      expect(await documents.loadDocument('doc')).toEqual(expected);
      expect((await documents.loadDocument('untouched'))?.updates).toHaveLength(1);
      await fixture.storage.close();
      expect(await (await fixture.openAgain()).documents.loadDocument('doc')).toEqual(expected);
    });

    it('catch-up: the updates after a seq, also those another process appended, with the log head', async () => {
      const fixture = await openFixture();
      const other = await fixture.openAgain();
      expect(await fixture.storage.documents.loadUpdatesAfter('doc', 0)).toBeNull();
      const first = await fixture.storage.documents.appendUpdate('doc', bytes(1));
      const second = await other.documents.appendUpdate('doc', bytes(2));
      const third = await fixture.storage.documents.appendUpdate('doc', bytes(3));
      expect(await other.documents.loadUpdatesAfter('doc', first)).toEqual({
        snapshot: null,
        updates: [
          { seq: second, update: bytes(2) },
          { seq: third, update: bytes(3) },
        ],
        lastSeq: third,
      });
      expect((await fixture.storage.documents.loadUpdatesAfter('doc', 0))?.updates).toHaveLength(3);
      expect(await fixture.storage.documents.loadUpdatesAfter('doc', third)).toEqual({
        snapshot: null,
        updates: [],
        lastSeq: third,
      });
    });

    it('catch-up from before a compaction brings the snapshot, so nothing folded into it is missed', async () => {
      const { documents } = await openStorage();
      const writer = new Y.Doc();
      const appendEdit = (text: string) => {
        let update: Uint8Array = new Uint8Array();
        const capture = (bytesOut: Uint8Array) => {
          update = bytesOut;
        };
        writer.on('update', capture);
        writer.getText('t').insert(writer.getText('t').length, text);
        writer.off('update', capture);
        return { update, seq: documents.appendUpdate('doc', update) };
      };
      const one = appendEdit('satu ');
      const firstSeq = await one.seq;
      const secondSeq = await appendEdit('dua ').seq;
      await documents.replaceWithSnapshot('doc', Y.encodeStateAsUpdate(writer), secondSeq);
      const thirdSeq = await appendEdit('tiga').seq;

      // A process that applied only the first update catches up.
      const lagging = new Y.Doc();
      Y.applyUpdate(lagging, one.update);
      const caughtUp = await documents.loadUpdatesAfter('doc', firstSeq);
      expect(caughtUp?.snapshot).not.toBeNull();
      expect(caughtUp?.lastSeq).toBe(thirdSeq);
      if (caughtUp?.snapshot) Y.applyUpdate(lagging, caughtUp.snapshot);
      for (const { update } of caughtUp?.updates ?? []) Y.applyUpdate(lagging, update);
      expect(lagging.getText('t').toString()).toBe('satu dua tiga');
    });

    it('a second compaction replaces the first snapshot and never brings back dropped updates', async () => {
      const { documents } = await openStorage();
      const first = await documents.appendUpdate('doc', bytes(1));
      await documents.replaceWithSnapshot('doc', bytes(10), first);
      const second = await documents.appendUpdate('doc', bytes(2));
      await documents.replaceWithSnapshot('doc', bytes(20), second);
      expect(await documents.loadDocument('doc')).toEqual({ snapshot: bytes(20), updates: [] });
    });
  });
}
