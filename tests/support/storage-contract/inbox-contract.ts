/** Contract: each account's clip inbox (kept once per clipId, limits, only one's own) behaves the same in every Storage. */
import { describe, expect, it } from 'vitest';
import type { InboxLimits, Storage } from '../../../server/storage/storage';
import type { ContractContext } from './storage-contract';

/** A clock that moves one second on every reading, from a fixed start. */
function tickingClock(start = '2026-12-07T08:00:00.000Z'): () => string {
  let clock = Date.parse(start);
  return () => {
    clock += 1000;
    return new Date(clock).toISOString();
  };
}

const ROOMY: InboxLimits = { maxItems: 100, maxBytes: 1024 * 1024 };
const CLIP_A = '0b7f3c1e-4d5a-4c8e-9f10-2a3b4c5d6e7f';
const CLIP_B = '1c8a4d2f-5e6b-4d9f-8a21-3b4c5d6e7f80';
const CLIP_C = '2d9b5e3a-6f7c-4eaa-9b32-4c5d6e7f8091';

function clipJson(clipId: string, text: string): string {
  return JSON.stringify({
    clipId,
    kind: 'selection',
    content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
  });
}

async function withAccounts(storage: Storage): Promise<void> {
  await storage.users.createUser({ id: 'user-sari', name: 'Bu Sari' });
  await storage.users.createUser({ id: 'user-budi', name: 'Pak Budi' });
}

export function describeInboxContract({ name, openFixture, openStorage }: ContractContext): void {
  describe(`clip inbox in ${name}`, () => {
    it('the same clip sent twice is kept once, with the time it first arrived; listed newest first', async () => {
      const fixture = await openFixture({ now: tickingClock() });
      const { storage } = fixture;
      await withAccounts(storage);
      const first = await storage.inbox.putInboxClip(
        'user-sari',
        { clipId: CLIP_A, clipJson: clipJson(CLIP_A, 'Pecahan') },
        ROOMY,
      );
      expect(first).toEqual({
        status: 'stored',
        item: { clipId: CLIP_A, clipJson: clipJson(CLIP_A, 'Pecahan'), receivedAt: expect.any(String) },
      });
      const again = await storage.inbox.putInboxClip(
        'user-sari',
        { clipId: CLIP_A, clipJson: clipJson(CLIP_A, 'Pecahan') },
        ROOMY,
      );
      expect(again).toEqual({ status: 'exists', item: first.status === 'stored' ? first.item : null });
      await storage.inbox.putInboxClip('user-sari', { clipId: CLIP_B, clipJson: clipJson(CLIP_B, 'Desimal') }, ROOMY);

      const listed = await storage.inbox.listInbox('user-sari');
      expect(listed.map((item) => item.clipId)).toEqual([CLIP_B, CLIP_A]);
      expect(listed[1]?.clipJson).toBe(clipJson(CLIP_A, 'Pecahan'));
      // Stored, not cached: another process (or a restart) reads the same.
      const other = await fixture.openAgain();
      expect((await other.inbox.listInbox('user-sari')).map((item) => item.clipId)).toEqual([CLIP_B, CLIP_A]);
    });

    it('a different clip under a clipId already used is a conflict, and the stored one stays', async () => {
      const storage = await openStorage();
      await withAccounts(storage);
      await storage.inbox.putInboxClip('user-sari', { clipId: CLIP_A, clipJson: clipJson(CLIP_A, 'Pecahan') }, ROOMY);
      expect(
        await storage.inbox.putInboxClip('user-sari', { clipId: CLIP_A, clipJson: clipJson(CLIP_A, 'Lain') }, ROOMY),
      ).toEqual({ status: 'conflict' });
      expect((await storage.inbox.listInbox('user-sari')).map((item) => item.clipJson)).toEqual([
        clipJson(CLIP_A, 'Pecahan'),
      ]);
    });

    it('each account has its own inbox: the same clipId in two, and removing only ever touches one’s own', async () => {
      const storage = await openStorage();
      await withAccounts(storage);
      await storage.inbox.putInboxClip('user-sari', { clipId: CLIP_A, clipJson: clipJson(CLIP_A, 'Sari') }, ROOMY);
      const budi = await storage.inbox.putInboxClip(
        'user-budi',
        { clipId: CLIP_A, clipJson: clipJson(CLIP_A, 'Budi') },
        ROOMY,
      );
      expect(budi.status).toBe('stored');
      expect(await storage.inbox.deleteInboxClip('user-budi', CLIP_A)).toBe(true);
      expect(await storage.inbox.deleteInboxClip('user-budi', CLIP_A)).toBe(false);
      expect(await storage.inbox.listInbox('user-budi')).toEqual([]);
      expect((await storage.inbox.listInbox('user-sari')).map((item) => item.clipJson)).toEqual([
        clipJson(CLIP_A, 'Sari'),
      ]);
      expect(await storage.inbox.listInbox('nobody')).toEqual([]);
    });

    it('a full inbox (by count or by size) refuses a new clip, still answers a repeat, and takes one after a removal', async () => {
      const storage = await openStorage();
      await withAccounts(storage);
      const two: InboxLimits = { maxItems: 2, maxBytes: 1024 * 1024 };
      await storage.inbox.putInboxClip('user-sari', { clipId: CLIP_A, clipJson: clipJson(CLIP_A, 'a') }, two);
      await storage.inbox.putInboxClip('user-sari', { clipId: CLIP_B, clipJson: clipJson(CLIP_B, 'b') }, two);
      expect(
        await storage.inbox.putInboxClip('user-sari', { clipId: CLIP_C, clipJson: clipJson(CLIP_C, 'c') }, two),
      ).toEqual({ status: 'full' });
      expect(
        (await storage.inbox.putInboxClip('user-sari', { clipId: CLIP_A, clipJson: clipJson(CLIP_A, 'a') }, two))
          .status,
      ).toBe('exists');
      // Another account's inbox is not counted.
      expect(
        (await storage.inbox.putInboxClip('user-budi', { clipId: CLIP_C, clipJson: clipJson(CLIP_C, 'c') }, two))
          .status,
      ).toBe('stored');
      await storage.inbox.deleteInboxClip('user-sari', CLIP_B);
      expect(
        (await storage.inbox.putInboxClip('user-sari', { clipId: CLIP_C, clipJson: clipJson(CLIP_C, 'c') }, two))
          .status,
      ).toBe('stored');

      const small = clipJson(CLIP_A, 'x');
      const bySize: InboxLimits = { maxItems: 100, maxBytes: Buffer.byteLength(small) * 2 + 10 };
      expect(
        (
          await storage.inbox.putInboxClip(
            'user-budi',
            { clipId: CLIP_A, clipJson: 'x'.repeat(bySize.maxBytes) },
            bySize,
          )
        ).status,
      ).toBe('full');
    });

    it('puts racing for the last place in an inbox store one of them', async () => {
      const storage = await openStorage();
      await withAccounts(storage);
      const one: InboxLimits = { maxItems: 1, maxBytes: 1024 * 1024 };
      const results = await Promise.all(
        [CLIP_A, CLIP_B, CLIP_C].map((clipId) =>
          storage.inbox.putInboxClip('user-sari', { clipId, clipJson: clipJson(clipId, clipId) }, one),
        ),
      );
      expect(results.map((result) => result.status).sort()).toEqual(['full', 'full', 'stored']);
      expect(await storage.inbox.listInbox('user-sari')).toHaveLength(1);
    });
  });
}
