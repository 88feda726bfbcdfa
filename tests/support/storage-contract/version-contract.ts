/** Contract: versions of drafts (dedupe by content, one per stage move, newest first, states read back) behave the same in every Storage. */
import { describe, expect, it } from 'vitest';
import type { NewVersion, Storage } from '../../../server/storage/storage';
import type { ContractContext } from './storage-contract';

/** A clock that moves one second on every reading, from a fixed start. */
function tickingClock(start = '2026-11-23T08:00:00.000Z'): () => string {
  let clock = Date.parse(start);
  return () => {
    clock += 1000;
    return new Date(clock).toISOString();
  };
}

async function withDraft(storage: Storage, draftId = 'draft-0001'): Promise<void> {
  if (!(await storage.users.getUser('user-sari'))) await storage.users.createUser({ id: 'user-sari', name: 'Bu Sari' });
  await storage.drafts.createDraft({ id: draftId, title: 'Modul pecahan', ownerId: 'user-sari' });
}

function newVersion(id: string, state: number[], overrides: Partial<NewVersion> = {}): NewVersion {
  return {
    id,
    draftId: 'draft-0001',
    name: `Versi ${id}`,
    kind: 'manual',
    fromStage: null,
    toStage: null,
    restoredFrom: null,
    createdBy: 'user-sari',
    createdByName: 'Bu Sari',
    byteSize: state.length * 10,
    contentHash: `hash-${state.join('-')}`,
    state: new Uint8Array(state),
    feedbackOpen: 2,
    feedbackResolved: 1,
    ...overrides,
  };
}

export function describeVersionContract({ name, openFixture, openStorage }: ContractContext): void {
  describe(`versions of drafts in ${name}`, () => {
    it('a saved version is listed newest first with who, when and feedback counts, and its state reads back', async () => {
      const fixture = await openFixture({ now: tickingClock() });
      const { storage } = fixture;
      await withDraft(storage);
      const first = await storage.versions.createVersion(newVersion('v-first000', [1, 2, 3]));
      expect(first).toEqual({
        id: 'v-first000',
        draftId: 'draft-0001',
        name: 'Versi v-first000',
        kind: 'manual',
        fromStage: null,
        toStage: null,
        restoredFrom: null,
        createdBy: 'user-sari',
        createdByName: 'Bu Sari',
        createdAt: expect.stringMatching(/^2026-11-23T08:00:\d\d\.000Z$/),
        byteSize: 30,
        storedBytes: 3,
        contentHash: 'hash-1-2-3',
        sameAs: null,
        feedbackOpen: 2,
        feedbackResolved: 1,
      });
      await storage.versions.createVersion(
        newVersion('v-second00', [4, 5], { name: null, kind: 'stage', fromStage: 'design', toStage: 'try-out' }),
      );
      const listed = await storage.versions.listVersions('draft-0001');
      expect(listed.map((version) => version.id)).toEqual(['v-second00', 'v-first000']);
      expect(listed[0]).toMatchObject({ name: null, kind: 'stage', fromStage: 'design', toStage: 'try-out' });
      expect(await storage.versions.getVersion('draft-0001', 'v-first000')).toEqual(first);
      expect(await storage.versions.getVersionState('draft-0001', 'v-first000')).toEqual(new Uint8Array([1, 2, 3]));

      // Stored, not cached: another process (or a restart) reads the same.
      const other = await fixture.openAgain();
      expect((await other.versions.listVersions('draft-0001')).map((version) => version.id)).toEqual([
        'v-second00',
        'v-first000',
      ]);
      expect(await other.versions.getVersionState('draft-0001', 'v-second00')).toEqual(new Uint8Array([4, 5]));
    });

    it('unchanged content is stored once: a later version with the same hash refers to the state already kept', async () => {
      const storage = await openStorage({ now: tickingClock() });
      await withDraft(storage);
      await storage.versions.createVersion(newVersion('v-aaaaaaaa', [7, 7, 7, 7]));
      const again = await storage.versions.createVersion(newVersion('v-bbbbbbbb', [7, 7, 7, 7]));
      expect(again).toMatchObject({ sameAs: 'v-aaaaaaaa', storedBytes: 0, byteSize: 40 });
      expect(await storage.versions.getVersionState('draft-0001', 'v-bbbbbbbb')).toEqual(new Uint8Array([7, 7, 7, 7]));
      // Different content is kept whole again.
      const changed = await storage.versions.createVersion(newVersion('v-cccccccc', [8]));
      expect(changed).toMatchObject({ sameAs: null, storedBytes: 1 });
    });

    it('a second version for the same stage move is not stored (two requests or processes racing)', async () => {
      const fixture = await openFixture({ now: tickingClock() });
      await withDraft(fixture.storage);
      const other = await fixture.openAgain();
      const atMove = (id: string, on: Storage) =>
        on.versions.createVersion(
          newVersion(id, [1], {
            kind: 'stage',
            name: null,
            fromStage: 'design',
            toStage: 'try-out',
            stageMoveId: 'm1',
          }),
        );
      const results = await Promise.all([atMove('v-race0001', fixture.storage), atMove('v-race0002', other)]);
      expect(results.filter((result) => result !== null)).toHaveLength(1);
      expect(await fixture.storage.versions.listVersions('draft-0001')).toHaveLength(1);
      // Another move gets its own.
      expect(
        await fixture.storage.versions.createVersion(
          newVersion('v-race0003', [2], { kind: 'stage', stageMoveId: 'm2', name: null }),
        ),
      ).not.toBeNull();
    });

    it('versions belong to their draft: another draft neither lists nor reads them', async () => {
      const storage = await openStorage();
      await withDraft(storage);
      await withDraft(storage, 'draft-0002');
      await storage.versions.createVersion(newVersion('v-mine0000', [1]));
      // The same content in another draft is its own copy, never a reference across drafts.
      const elsewhere = await storage.versions.createVersion(newVersion('v-other000', [1], { draftId: 'draft-0002' }));
      expect(elsewhere?.sameAs).toBeNull();
      expect((await storage.versions.listVersions('draft-0002')).map((version) => version.id)).toEqual(['v-other000']);
      expect(await storage.versions.getVersion('draft-0002', 'v-mine0000')).toBeNull();
      expect(await storage.versions.getVersionState('draft-0002', 'v-mine0000')).toBeNull();
      expect(await storage.versions.getVersionState('draft-0001', 'v-missing0')).toBeNull();
      expect(await storage.versions.listVersions('draft-none')).toEqual([]);
    });

    it('a restore entry names the version it restored; a version of an unknown draft is refused', async () => {
      const storage = await openStorage({ now: tickingClock() });
      await withDraft(storage);
      await storage.versions.createVersion(newVersion('v-target00', [3]));
      const restore = await storage.versions.createVersion(
        newVersion('v-restore0', [4], { kind: 'restore', name: null, restoredFrom: 'v-target00' }),
      );
      expect(restore).toMatchObject({ kind: 'restore', restoredFrom: 'v-target00' });
      await expect(
        storage.versions.createVersion(newVersion('v-ghost000', [1], { draftId: 'draft-ghost' })),
      ).rejects.toThrow();
      expect(await storage.versions.listVersions('draft-ghost')).toEqual([]);
    });
  });
}
