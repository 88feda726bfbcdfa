/** Contract: sessions and guest accounts behave the same in every Storage. */
import { describe, expect, it } from 'vitest';
import type { ContractContext } from './storage-contract';

export function describeSessionContract({ name, openStorage }: ContractContext): void {
  describe(`sessions in ${name}`, () => {
    it('a session is listed while it lasts, extended by a refresh, and ended once', async () => {
      const storage = await openStorage({ now: () => '2026-12-01T08:00:00.000Z' });
      await storage.users.createUser({ id: 'user-sari', name: 'Bu Sari' });
      const laptop = await storage.sessions.createSession({
        id: 'sess-laptop',
        userId: 'user-sari',
        kind: 'web',
        label: 'Chromium di laptop',
        expiresAt: '2026-12-31T08:00:00.000Z',
      });
      expect(laptop).toEqual({
        id: 'sess-laptop',
        userId: 'user-sari',
        kind: 'web',
        label: 'Chromium di laptop',
        createdAt: '2026-12-01T08:00:00.000Z',
        expiresAt: '2026-12-31T08:00:00.000Z',
        revokedAt: null,
      });
      await storage.sessions.createSession({
        id: 'sess-ext',
        userId: 'user-sari',
        kind: 'extension',
        label: null,
        expiresAt: '2026-12-02T08:00:00.000Z',
      });
      expect(
        (await storage.sessions.listUserSessions('user-sari', '2026-12-01T09:00:00.000Z')).map((s) => s.id),
      ).toEqual(expect.arrayContaining(['sess-laptop', 'sess-ext']));
      // Expired sessions are not listed.
      expect(
        (await storage.sessions.listUserSessions('user-sari', '2026-12-03T00:00:00.000Z')).map((s) => s.id),
      ).toEqual(['sess-laptop']);
      expect(await storage.sessions.extendSession('sess-laptop', '2027-01-30T08:00:00.000Z')).toBe(true);
      expect((await storage.sessions.getSession('sess-laptop'))?.expiresAt).toBe('2027-01-30T08:00:00.000Z');
      expect(await storage.sessions.revokeSession('sess-laptop')).toMatchObject({
        userId: 'user-sari',
        revokedAt: '2026-12-01T08:00:00.000Z',
      });
      expect(await storage.sessions.revokeSession('sess-laptop')).toBeNull();
      expect(await storage.sessions.extendSession('sess-laptop', '2027-03-01T08:00:00.000Z')).toBe(false);
      expect(await storage.sessions.getSession('nobody')).toBeNull();
    });

    it("ending every session of a user names the ones it ended and leaves others' alone", async () => {
      const storage = await openStorage();
      await storage.users.createUser({ id: 'user-sari', name: 'Bu Sari' });
      await storage.users.createUser({ id: 'user-budi', name: 'Pak Budi', guest: true });
      const expiresAt = '2099-01-01T00:00:00.000Z';
      for (const [id, userId] of [
        ['s1', 'user-sari'],
        ['s2', 'user-sari'],
        ['s3', 'user-budi'],
      ] as const) {
        await storage.sessions.createSession({ id, userId, kind: 'web', label: null, expiresAt });
      }
      await storage.sessions.revokeSession('s1');
      expect(await storage.sessions.revokeUserSessions('user-sari')).toEqual(['s2']);
      expect(await storage.sessions.listUserSessions('user-sari', new Date().toISOString())).toEqual([]);
      expect((await storage.sessions.getSession('s3'))?.revokedAt).toBeNull();
      expect((await storage.users.getUser('user-budi'))?.guest).toBe(true);
      expect((await storage.members.listMembers('none')).length).toBe(0);
    });
  });
}
