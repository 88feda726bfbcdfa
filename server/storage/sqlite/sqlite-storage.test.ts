import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Storage } from '../storage';
import { migrations, SQLITE_FILE_NAME } from './database';
import { openSqliteStorage } from './sqlite-storage';

const dirs: string[] = [];
const open: Storage[] = [];
afterEach(async () => {
  for (const storage of open.splice(0)) await storage.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dampingi-storage-'));
  dirs.push(dir);
  return dir;
}

function openStorage(dataDir: string, now?: () => string): Storage {
  const storage = openSqliteStorage({ dataDir, synchronous: 'FULL', now });
  open.push(storage);
  return storage;
}

const bytes = (...values: number[]) => new Uint8Array(values);

describe('documents in SQLite', () => {
  it('an unknown document is null, not an error', async () => {
    expect(await openStorage(tempDir()).documents.loadDocument('nothing-here')).toBeNull();
  });

  it('updates come back in the order they were appended, after the database is reopened', async () => {
    const dir = tempDir();
    const first = openStorage(dir);
    const seqA = await first.documents.appendUpdate('doc-a', bytes(1, 2));
    await first.documents.appendUpdate('doc-b', bytes(9));
    const seqC = await first.documents.appendUpdate('doc-a', bytes(3));
    expect(seqC).toBeGreaterThan(seqA);
    await first.close();

    const reopened = openStorage(dir);
    expect(await reopened.documents.loadDocument('doc-a')).toEqual({
      snapshot: null,
      updates: [
        { seq: seqA, update: bytes(1, 2) },
        { seq: seqC, update: bytes(3) },
      ],
    });
  });

  it('compaction keeps the snapshot and only the updates appended after it', async () => {
    const { documents } = openStorage(tempDir());
    await documents.appendUpdate('doc', bytes(1));
    const upto = await documents.appendUpdate('doc', bytes(2));
    const later = await documents.appendUpdate('doc', bytes(3));
    await documents.replaceWithSnapshot('doc', bytes(7, 7), upto);
    expect(await documents.loadDocument('doc')).toEqual({
      snapshot: bytes(7, 7),
      updates: [{ seq: later, update: bytes(3) }],
    });
  });
});

describe('users in SQLite', () => {
  it('no credential is stored: a user has a name and a time before which their tokens are refused', async () => {
    let clock = Date.parse('2026-11-23T08:00:00.400Z');
    const storage = openStorage(tempDir(), () => new Date(clock).toISOString());
    const user = await storage.users.createUser({ id: 'user-sari', name: 'Bu Sari' });
    // Token times are whole seconds, so the first token (same second) must stay valid.
    expect(user.tokensValidFrom).toBe('2026-11-23T08:00:00.000Z');
    expect(await storage.users.getUser('user-sari')).toEqual(user);
    clock += 5_000;
    expect(await storage.users.revokeTokens('user-sari')).toBe(true);
    // Revoking covers the whole second it happens in.
    expect((await storage.users.getUser('user-sari'))?.tokensValidFrom).toBe('2026-11-23T08:00:06.000Z');
    expect(await storage.users.revokeTokens('nobody')).toBe(false);
    expect(await storage.users.countUsers()).toBe(1);
  });

  it('a user added through a second connection (the CLI) is seen by the running server at once', async () => {
    const dir = tempDir();
    const server = openStorage(dir);
    const cli = openStorage(dir);
    await cli.users.createUser({ id: 'user-budi', name: 'Pak Budi' });
    expect(await server.users.getUser('user-budi')).toMatchObject({ name: 'Pak Budi' });
  });
});

describe('drafts, members and share links in SQLite', () => {
  it('a member sees their drafts most recently updated first, with their role; others see none', async () => {
    let clock = Date.parse('2026-11-23T08:00:00.000Z');
    const now = () => {
      clock += 1000;
      return new Date(clock).toISOString();
    };
    const storage = openStorage(tempDir(), now);
    const owner = await storage.users.createUser({ id: 'user-sari', name: 'Bu Sari' });
    const stranger = await storage.users.createUser({ id: 'user-budi', name: 'Pak Budi' });
    const ownerId = owner.id;
    expect(await storage.drafts.createDraft({ id: 'draft-older', title: 'Fotosintesis', ownerId })).toMatchObject({
      role: 'owner',
    });
    await storage.drafts.createDraft({ id: 'draft-newer', title: 'Pecahan', ownerId });
    const ids = async () => (await storage.drafts.listDraftsForMember(ownerId)).map((draft) => draft.id);
    expect(await ids()).toEqual(['draft-newer', 'draft-older']);

    await storage.documents.appendUpdate('draft-older', bytes(1));
    expect(await ids()).toEqual(['draft-older', 'draft-newer']);
    const [first] = await storage.drafts.listDraftsForMember(ownerId);
    expect(first).toMatchObject({ ownerName: 'Bu Sari', title: 'Fotosintesis', role: 'owner' });
    expect((first?.updatedAt ?? '') > (first?.createdAt ?? '')).toBe(true);
    expect(await storage.drafts.listDraftsForMember(stranger.id)).toEqual([]);
    expect(await storage.drafts.getDraftForMember('draft-older', stranger.id)).toBeNull();
    expect(await storage.drafts.getDraft('draft-missing')).toBeNull();
  });

  it('the owner row can be neither replaced nor removed', async () => {
    const storage = openStorage(tempDir());
    await storage.users.createUser({ id: 'user-sari', name: 'Bu Sari' });
    await storage.drafts.createDraft({ id: 'draft-0001', title: 'Modul', ownerId: 'user-sari' });
    await storage.members.putMember({ draftId: 'draft-0001', userId: 'user-sari', role: 'viewer', viaLinkId: null });
    expect(await storage.members.getRole('draft-0001', 'user-sari')).toBe('owner');
    expect(await storage.members.removeMember('draft-0001', 'user-sari')).toBe(false);
    expect(await storage.members.getRole('draft-0001', 'user-sari')).toBe('owner');
  });

  it('revoking a share link removes exactly the access it granted, in one step', async () => {
    const storage = openStorage(tempDir());
    for (const [id, name] of [
      ['user-sari', 'Bu Sari'],
      ['user-budi', 'Pak Budi'],
      ['user-rina', 'Bu Rina'],
    ] as const) {
      await storage.users.createUser({ id, name });
    }
    await storage.drafts.createDraft({ id: 'draft-0001', title: 'Modul', ownerId: 'user-sari' });
    const link = await storage.shareLinks.createLink({
      id: 'link-1',
      draftId: 'draft-0001',
      role: 'commenter',
      secretHash: 'f'.repeat(64),
      createdBy: 'user-sari',
      expiresAt: null,
    });
    expect(link).toMatchObject({ role: 'commenter', revokedAt: null, members: 0 });
    expect(await storage.shareLinks.findLinkBySecretHash('f'.repeat(64))).toMatchObject({ id: 'link-1' });
    await storage.members.putMember({
      draftId: 'draft-0001',
      userId: 'user-budi',
      role: 'commenter',
      viaLinkId: 'link-1',
    });
    await storage.members.putMember({ draftId: 'draft-0001', userId: 'user-rina', role: 'editor', viaLinkId: null });
    expect((await storage.shareLinks.listLinks('draft-0001'))[0]?.members).toBe(1);

    const revoked = await storage.shareLinks.revokeLink('draft-0001', 'link-1');
    expect(revoked?.removedUserIds).toEqual(['user-budi']);
    expect(revoked?.link.revokedAt).not.toBeNull();
    expect(await storage.members.getRole('draft-0001', 'user-budi')).toBeNull();
    expect(await storage.members.getRole('draft-0001', 'user-rina')).toBe('editor');
    expect(await storage.shareLinks.revokeLink('draft-other', 'link-1')).toBeNull();
  });

  it('a database from before roles keeps every user able to open every draft, owners as owners', async () => {
    const dir = tempDir();
    const v1 = new Database(join(dir, SQLITE_FILE_NAME));
    v1.exec(migrations[0] as string);
    v1.pragma('user_version = 1');
    v1.exec(`INSERT INTO users VALUES ('user-sari', 'Bu Sari', 'hash-1', '2026-01-01T00:00:00.000Z'),
                                      ('user-budi', 'Pak Budi', 'hash-2', '2026-01-02T00:00:00.000Z');
             INSERT INTO drafts VALUES ('draft-0001', 'Modul', 'user-sari', '2026-01-03T00:00:00.000Z', '2026-01-03T00:00:00.000Z');`);
    v1.close();
    const storage = openStorage(dir);
    expect(await storage.members.getRole('draft-0001', 'user-sari')).toBe('owner');
    expect(await storage.members.getRole('draft-0001', 'user-budi')).toBe('editor');
    expect(await storage.users.getUser('user-budi')).toMatchObject({ tokensValidFrom: '2026-01-02T00:00:00.000Z' });
  });
});
