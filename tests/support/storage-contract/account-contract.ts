/** Contract: accounts with addresses, one-time codes, school identities, assignments and storage use, alike in every Storage. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ContractContext } from './storage-contract';

const hash = (text: string) => createHash('sha256').update(text).digest('hex');

export function describeAccountContract({ name, openStorage }: ContractContext): void {
  describe(`accounts in ${name}`, () => {
    it('an address belongs to one account; a guest who gives hers becomes a full account with the same id', async () => {
      const storage = await openStorage();
      const sari = await storage.users.createUser({
        id: 'user-sari',
        name: 'Bu Sari',
        email: 'sari@sekolah.id',
        isAdmin: true,
      });
      expect(sari).toMatchObject({ email: 'sari@sekolah.id', isAdmin: true, guest: false, suspendedAt: null });
      expect((await storage.users.getUserByEmail('sari@sekolah.id'))?.id).toBe('user-sari');
      await storage.users.createUser({ id: 'user-tamu', name: 'Pak Budi', guest: true });
      expect(await storage.users.setEmail('user-tamu', 'sari@sekolah.id')).toBe(false);
      expect(await storage.users.setEmail('user-tamu', 'budi@sekolah.id')).toBe(true);
      expect(await storage.users.getUser('user-tamu')).toMatchObject({ email: 'budi@sekolah.id', guest: false });
      expect(await storage.users.setSuspended('user-tamu', '2026-12-01T00:00:00.000Z')).toBe(true);
      expect((await storage.users.getUser('user-tamu'))?.suspendedAt).toBe('2026-12-01T00:00:00.000Z');
      expect(await storage.users.setSuspended('user-tamu', null)).toBe(true);
      expect(await storage.users.setAdmin('user-tamu', true)).toBe(true);
      expect((await storage.users.listUsers()).map((user) => [user.id, user.isAdmin])).toEqual([
        ['user-sari', true],
        ['user-tamu', true],
      ]);
    });

    it('a one-time code works once and not after it expires; a wrong short code counts, and too many lock it', async () => {
      const storage = await openStorage({ now: () => '2026-12-01T08:00:00.000Z' });
      const base = {
        purpose: 'email-signin' as const,
        email: 'sari@sekolah.id',
        userId: null,
        draftId: null,
        role: null,
        createdBy: null,
      };
      await storage.signinCodes.createCode({
        ...base,
        id: 'c1',
        secretHash: hash('link-1'),
        shortHash: hash('123456'),
        expiresAt: '2026-12-01T08:15:00.000Z',
      });
      expect(await storage.signinCodes.consumeBySecret(hash('link-1'), '2026-12-01T08:20:00.000Z')).toBeNull();
      expect((await storage.signinCodes.consumeBySecret(hash('link-1'), '2026-12-01T08:05:00.000Z'))?.id).toBe('c1');
      expect(await storage.signinCodes.consumeBySecret(hash('link-1'), '2026-12-01T08:06:00.000Z')).toBeNull();

      await storage.signinCodes.createCode({
        ...base,
        id: 'c2',
        secretHash: hash('link-2'),
        shortHash: hash('654321'),
        expiresAt: '2026-12-01T08:15:00.000Z',
      });
      const at = '2026-12-01T08:01:00.000Z';
      for (let attempt = 0; attempt < 3; attempt += 1) {
        expect(
          await storage.signinCodes.consumeByShortCode('email-signin', 'sari@sekolah.id', hash('000000'), at, 3),
        ).toBeNull();
      }
      // Locked after three wrong codes: the right one no longer works.
      expect(
        await storage.signinCodes.consumeByShortCode('email-signin', 'sari@sekolah.id', hash('654321'), at, 3),
      ).toBeNull();

      await storage.signinCodes.createCode({
        ...base,
        id: 'c3',
        secretHash: hash('link-3'),
        shortHash: hash('111111'),
        expiresAt: '2026-12-01T08:15:00.000Z',
      });
      expect(
        (await storage.signinCodes.consumeByShortCode('email-signin', 'sari@sekolah.id', hash('111111'), at, 3))?.id,
      ).toBe('c3');
      expect(
        await storage.signinCodes.consumeByShortCode('email-signin', 'sari@sekolah.id', hash('111111'), at, 3),
      ).toBeNull();
      // Pairing codes have no address.
      await storage.signinCodes.createCode({
        ...base,
        purpose: 'pairing',
        email: null,
        id: 'p1',
        secretHash: hash('pair'),
        shortHash: hash('ABCD2345'),
        expiresAt: '2026-12-01T08:10:00.000Z',
      });
      expect((await storage.signinCodes.consumeByShortCode('pairing', null, hash('ABCD2345'), at, 5))?.purpose).toBe(
        'pairing',
      );
    });

    it('school identities, mentor assignments and what each draft takes in storage', async () => {
      const storage = await openStorage();
      await storage.users.createUser({ id: 'user-sari', name: 'Bu Sari' });
      await storage.users.createUser({ id: 'user-budi', name: 'Pak Budi' });
      await storage.identities.link('https://accounts.google.com', 'sub-1', 'user-sari');
      await storage.identities.link('https://accounts.google.com', 'sub-1', 'user-budi');
      expect(await storage.identities.findUserId('https://accounts.google.com', 'sub-1')).toBe('user-sari');
      expect(await storage.identities.findUserId('https://login.microsoftonline.com', 'sub-1')).toBeNull();

      await storage.assignments.addAssignment('user-budi', 'user-sari');
      await storage.assignments.addAssignment('user-budi', 'user-sari');
      expect((await storage.assignments.listAssignments()).map((a) => [a.mentorId, a.teacherId])).toEqual([
        ['user-budi', 'user-sari'],
      ]);
      expect(await storage.assignments.removeAssignment('user-budi', 'user-sari')).toBe(true);
      expect(await storage.assignments.listAssignments()).toEqual([]);

      await storage.drafts.createDraft({ id: 'draft-0001', title: 'LKPD', ownerId: 'user-sari' });
      await storage.drafts.createDraft({ id: 'draft-0002', title: 'Kosong', ownerId: 'user-sari' });
      await storage.documents.appendUpdate('draft-0001', new Uint8Array(300));
      await storage.documents.appendUpdate('draft-0001.feedback', new Uint8Array(200));
      const use = await storage.drafts.storageUse();
      expect(use.map(({ draftId, bytes, ownerName }) => [draftId, bytes, ownerName])).toEqual([
        ['draft-0001', 500, 'Bu Sari'],
        ['draft-0002', 0, 'Bu Sari'],
      ]);
    });
  });
}
