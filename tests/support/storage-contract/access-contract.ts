/** Contract: users, drafts, members, share links and workspaces behave the same in every Storage. */
import { describe, expect, it } from 'vitest';
import type { Storage } from '../../../server/storage/storage';
import type { ContractContext } from './storage-contract';

const bytes = (...values: number[]) => new Uint8Array(values);

/** A clock that moves one second on every reading, from a fixed start. */
function tickingClock(start = '2026-11-23T08:00:00.000Z'): () => string {
  let clock = Date.parse(start);
  return () => {
    clock += 1000;
    return new Date(clock).toISOString();
  };
}

async function withUsers(storage: Storage, users: ReadonlyArray<readonly [string, string]>): Promise<void> {
  for (const [id, userName] of users) await storage.users.createUser({ id, name: userName });
}

export function describeAccessContract({ name, openFixture, openStorage }: ContractContext): void {
  describe(`users in ${name}`, () => {
    it('no credential is stored: a user has a name and a time before which their tokens are refused', async () => {
      let clock = Date.parse('2026-11-23T08:00:00.400Z');
      const storage = await openStorage({ now: () => new Date(clock).toISOString() });
      const user = await storage.users.createUser({ id: 'user-sari', name: 'Bu Sari' });
      // Token times are whole seconds, so the first token (same second) must stay valid.
      expect(user).toEqual({
        id: 'user-sari',
        name: 'Bu Sari',
        guest: false,
        email: null,
        isAdmin: false,
        suspendedAt: null,
        createdAt: '2026-11-23T08:00:00.400Z',
        tokensValidFrom: '2026-11-23T08:00:00.000Z',
      });
      expect(await storage.users.getUser('user-sari')).toEqual(user);
      clock += 5_000;
      expect(await storage.users.revokeTokens('user-sari')).toBe(true);
      // Revoking covers the whole second it happens in.
      expect((await storage.users.getUser('user-sari'))?.tokensValidFrom).toBe('2026-11-23T08:00:06.000Z');
      expect(await storage.users.revokeTokens('nobody')).toBe(false);
      expect(await storage.users.getUser('nobody')).toBeNull();
      expect(await storage.users.countUsers()).toBe(1);
    });

    it('users are listed in the order they were added', async () => {
      const storage = await openStorage({ now: () => '2026-11-23T08:00:00.000Z' });
      await withUsers(storage, [
        ['user-zaki', 'Pak Zaki'],
        ['user-ani', 'Bu Ani'],
      ]);
      expect((await storage.users.listUsers()).map((user) => user.id)).toEqual(['user-zaki', 'user-ani']);
    });

    it('a user added through a second connection (the CLI) is seen by the running server at once', async () => {
      const fixture = await openFixture();
      const cli = await fixture.openAgain();
      await cli.users.createUser({ id: 'user-budi', name: 'Pak Budi' });
      expect(await fixture.storage.users.getUser('user-budi')).toMatchObject({ name: 'Pak Budi' });
    });
  });

  describe(`drafts, members and share links in ${name}`, () => {
    it('a member sees their drafts most recently updated first, with their role; others see none', async () => {
      const storage = await openStorage({ now: tickingClock() });
      await withUsers(storage, [
        ['user-sari', 'Bu Sari'],
        ['user-budi', 'Pak Budi'],
      ]);
      const ownerId = 'user-sari';
      expect(await storage.drafts.createDraft({ id: 'draft-older', title: 'Fotosintesis', ownerId })).toMatchObject({
        role: 'owner',
        workspaceId: null,
        ownerName: 'Bu Sari',
      });
      await storage.drafts.createDraft({ id: 'draft-newer', title: 'Pecahan', ownerId });
      const ids = async () => (await storage.drafts.listDraftsForMember(ownerId)).map((draft) => draft.id);
      expect(await ids()).toEqual(['draft-newer', 'draft-older']);

      await storage.documents.appendUpdate('draft-older', bytes(1));
      expect(await ids()).toEqual(['draft-older', 'draft-newer']);
      const [first] = await storage.drafts.listDraftsForMember(ownerId);
      expect(first).toMatchObject({ ownerName: 'Bu Sari', title: 'Fotosintesis', role: 'owner' });
      expect((first?.updatedAt ?? '') > (first?.createdAt ?? '')).toBe(true);
      expect(await storage.drafts.getDraft('draft-older')).toEqual({
        id: first?.id,
        title: first?.title,
        workspaceId: null,
        ownerId,
        ownerName: 'Bu Sari',
        createdAt: first?.createdAt,
        updatedAt: first?.updatedAt,
        mediaKind: 'blank',
      });
      expect(await storage.drafts.listDraftsForMember('user-budi')).toEqual([]);
      expect(await storage.drafts.getDraftForMember('draft-older', 'user-budi')).toBeNull();
      expect(await storage.drafts.getDraft('draft-missing')).toBeNull();
    });

    it('drafts updated at the same moment list the one created later first; each member sees their own role', async () => {
      const storage = await openStorage({ now: () => '2026-11-23T08:00:00.000Z' });
      await withUsers(storage, [
        ['user-sari', 'Bu Sari'],
        ['user-budi', 'Pak Budi'],
      ]);
      await storage.workspaces.createWorkspace({ id: 'ws-1', name: 'SDN 1' });
      for (const id of ['draft-a', 'draft-b', 'draft-c']) {
        await storage.drafts.createDraft({ id, title: id, ownerId: 'user-sari', workspaceId: 'ws-1' });
      }
      const list = await storage.drafts.listDraftsForMember('user-sari');
      expect(list.map((draft) => draft.id)).toEqual(['draft-c', 'draft-b', 'draft-a']);
      expect(list[0]).toMatchObject({ workspaceId: 'ws-1', createdAt: '2026-11-23T08:00:00.000Z' });

      await storage.members.putMember({ draftId: 'draft-b', userId: 'user-budi', role: 'commenter', viaLinkId: null });
      expect(await storage.drafts.listDraftsForMember('user-budi')).toEqual([{ ...list[1], role: 'commenter' }]);
      expect(await storage.drafts.getDraftForMember('draft-b', 'user-budi')).toMatchObject({
        role: 'commenter',
        ownerId: 'user-sari',
      });
      expect(await storage.drafts.getDraftForMember('draft-a', 'user-budi')).toBeNull();
    });

    it('a draft whose owner does not exist is not created, and no member row is left behind', async () => {
      const storage = await openStorage();
      await expect(storage.drafts.createDraft({ id: 'draft-x', title: 'X', ownerId: 'user-ghost' })).rejects.toThrow();
      expect(await storage.drafts.getDraft('draft-x')).toBeNull();
      expect(await storage.members.listMembers('draft-x')).toEqual([]);
    });

    it('the owner row can be neither replaced nor removed', async () => {
      const storage = await openStorage();
      await storage.users.createUser({ id: 'user-sari', name: 'Bu Sari' });
      await storage.drafts.createDraft({ id: 'draft-0001', title: 'Modul', ownerId: 'user-sari' });
      await storage.members.putMember({ draftId: 'draft-0001', userId: 'user-sari', role: 'viewer', viaLinkId: null });
      expect(await storage.members.getRole('draft-0001', 'user-sari')).toBe('owner');
      expect(await storage.members.removeMember('draft-0001', 'user-sari')).toBe(false);
      expect(await storage.members.getRole('draft-0001', 'user-sari')).toBe('owner');
    });

    it('members are listed owner first, then by when they were added; a member can be changed and removed', async () => {
      const storage = await openStorage({ now: tickingClock() });
      await withUsers(storage, [
        ['user-sari', 'Bu Sari'],
        ['user-rina', 'Bu Rina'],
        ['user-budi', 'Pak Budi'],
      ]);
      await storage.drafts.createDraft({ id: 'draft-0001', title: 'Modul', ownerId: 'user-sari' });
      await storage.members.putMember({ draftId: 'draft-0001', userId: 'user-rina', role: 'viewer', viaLinkId: null });
      const budi = await storage.members.putMember({
        draftId: 'draft-0001',
        userId: 'user-budi',
        role: 'editor',
        viaLinkId: null,
      });
      expect(budi).toMatchObject({ draftId: 'draft-0001', userId: 'user-budi', name: 'Pak Budi', role: 'editor' });
      await storage.members.putMember({
        draftId: 'draft-0001',
        userId: 'user-rina',
        role: 'commenter',
        viaLinkId: null,
      });
      const members = await storage.members.listMembers('draft-0001');
      expect(members.map((member) => [member.userId, member.role])).toEqual([
        ['user-sari', 'owner'],
        ['user-rina', 'commenter'],
        ['user-budi', 'editor'],
      ]);
      expect(members[2]).toEqual(budi);
      expect(await storage.members.removeMember('draft-0001', 'user-rina')).toBe(true);
      expect(await storage.members.removeMember('draft-0001', 'user-rina')).toBe(false);
      expect(await storage.members.getRole('draft-0001', 'user-rina')).toBeNull();
    });

    it('revoking a share link removes exactly the access it granted, in one step', async () => {
      const storage = await openStorage({ now: tickingClock() });
      await withUsers(storage, [
        ['user-sari', 'Bu Sari'],
        ['user-budi', 'Pak Budi'],
        ['user-rina', 'Bu Rina'],
        ['user-ani', 'Bu Ani'],
        ['user-dewi', 'Bu Dewi'],
      ]);
      await storage.drafts.createDraft({ id: 'draft-0001', title: 'Modul', ownerId: 'user-sari' });
      await storage.drafts.createDraft({ id: 'draft-0002', title: 'Lain', ownerId: 'user-sari' });
      const newLink = (id: string, draftId: string, role: 'commenter' | 'viewer', secret: string) =>
        storage.shareLinks.createLink({
          id,
          draftId,
          role,
          secretHash: secret.repeat(64),
          createdBy: 'user-sari',
          expiresAt: null,
        });
      const link = await newLink('link-1', 'draft-0001', 'commenter', 'f');
      expect(link).toMatchObject({ role: 'commenter', revokedAt: null, expiresAt: null, members: 0 });
      await newLink('link-2', 'draft-0001', 'viewer', 'e');
      await newLink('link-3', 'draft-0002', 'viewer', 'd');
      expect(await storage.shareLinks.findLinkBySecretHash('f'.repeat(64))).toEqual(link);
      expect(await storage.shareLinks.findLinkBySecretHash('0'.repeat(64))).toBeNull();
      const join = (
        draftId: string,
        userId: string,
        role: 'commenter' | 'viewer' | 'editor',
        viaLinkId: string | null,
      ) => storage.members.putMember({ draftId, userId, role, viaLinkId });
      await join('draft-0001', 'user-budi', 'commenter', 'link-1');
      await join('draft-0001', 'user-ani', 'commenter', 'link-1');
      await join('draft-0001', 'user-dewi', 'viewer', 'link-2');
      await join('draft-0001', 'user-rina', 'editor', null);
      await join('draft-0002', 'user-budi', 'viewer', 'link-3');
      const listed = await storage.shareLinks.listLinks('draft-0001');
      expect(listed.map((entry) => [entry.id, entry.members])).toEqual([
        ['link-2', 1],
        ['link-1', 2],
      ]);

      const revoked = await storage.shareLinks.revokeLink('draft-0001', 'link-1');
      expect([...(revoked?.removedUserIds ?? [])].sort()).toEqual(['user-ani', 'user-budi']);
      expect(revoked?.link).toMatchObject({ id: 'link-1', members: 0 });
      const revokedAt = revoked?.link.revokedAt ?? null;
      expect(revokedAt).not.toBeNull();
      expect(await storage.members.getRole('draft-0001', 'user-budi')).toBeNull();
      expect(await storage.members.getRole('draft-0001', 'user-ani')).toBeNull();
      expect(await storage.members.getRole('draft-0001', 'user-dewi')).toBe('viewer');
      expect(await storage.members.getRole('draft-0001', 'user-rina')).toBe('editor');
      expect(await storage.members.getRole('draft-0001', 'user-sari')).toBe('owner');
      expect(await storage.members.getRole('draft-0002', 'user-budi')).toBe('viewer');

      // Revoking again changes nothing: the first revocation time stays, nobody else loses access.
      const again = await storage.shareLinks.revokeLink('draft-0001', 'link-1');
      expect(again).toEqual({ link: { ...revoked?.link, revokedAt }, removedUserIds: [] });
      expect(await storage.shareLinks.revokeLink('draft-0002', 'link-1')).toBeNull();
      expect(await storage.shareLinks.revokeLink('draft-0001', 'link-missing')).toBeNull();
    });
  });

  describe(`workspaces in ${name}`, () => {
    it('members are added only when both exist, twice is fine, and workspaces list by name', async () => {
      const storage = await openStorage({ now: () => '2026-11-23T08:00:00.000Z' });
      await storage.users.createUser({ id: 'user-sari', name: 'Bu Sari' });
      const smp = await storage.workspaces.createWorkspace({ id: 'ws-smp', name: 'SMP 4' });
      expect(smp).toEqual({ id: 'ws-smp', name: 'SMP 4', createdAt: '2026-11-23T08:00:00.000Z' });
      await storage.workspaces.createWorkspace({ id: 'ws-sd', name: 'SD 2' });
      await storage.workspaces.createWorkspace({ id: 'ws-lower', name: 'madrasah' });
      expect(await storage.workspaces.getWorkspace('ws-smp')).toEqual(smp);
      expect(await storage.workspaces.getWorkspace('ws-none')).toBeNull();

      expect(await storage.workspaces.addMember('ws-smp', 'user-sari')).toBe(true);
      expect(await storage.workspaces.addMember('ws-smp', 'user-sari')).toBe(true);
      expect(await storage.workspaces.addMember('ws-sd', 'user-sari')).toBe(true);
      expect(await storage.workspaces.addMember('ws-none', 'user-sari')).toBe(false);
      expect(await storage.workspaces.addMember('ws-smp', 'user-ghost')).toBe(false);
      expect(await storage.workspaces.isMember('ws-smp', 'user-sari')).toBe(true);
      expect(await storage.workspaces.isMember('ws-lower', 'user-sari')).toBe(false);
      expect((await storage.workspaces.listForUser('user-sari')).map((ws) => ws.id)).toEqual(['ws-sd', 'ws-smp']);
      // Byte order, as SQLite compares text: capitals before lower case.
      expect((await storage.workspaces.listWorkspaces()).map((ws) => ws.name)).toEqual(['SD 2', 'SMP 4', 'madrasah']);
    });

    it('the admin page lists every membership with names, and a member can be removed', async () => {
      const storage = await openStorage({ now: () => '2026-11-23T08:00:00.000Z' });
      await storage.users.createUser({ id: 'user-sari', name: 'Bu Sari' });
      await storage.users.createUser({ id: 'user-budi', name: 'Pak Budi' });
      await storage.workspaces.createWorkspace({ id: 'ws-smp', name: 'SMP 4' });
      await storage.workspaces.addMember('ws-smp', 'user-sari');
      await storage.workspaces.addMember('ws-smp', 'user-budi');
      expect(await storage.workspaces.listMemberships()).toEqual([
        { workspaceId: 'ws-smp', userId: 'user-sari', name: 'Bu Sari' },
        { workspaceId: 'ws-smp', userId: 'user-budi', name: 'Pak Budi' },
      ]);
      expect(await storage.workspaces.removeMember('ws-smp', 'user-sari')).toBe(true);
      expect(await storage.workspaces.removeMember('ws-smp', 'user-sari')).toBe(false);
      expect(await storage.workspaces.isMember('ws-smp', 'user-sari')).toBe(false);
      expect((await storage.workspaces.listMemberships()).map((m) => m.userId)).toEqual(['user-budi']);
    });
  });
}
