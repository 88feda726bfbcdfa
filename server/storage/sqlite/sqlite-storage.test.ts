import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hashToken } from '../../auth/tokens';
import { createUserAccount } from '../../auth/user-accounts';
import type { Storage } from '../storage';
import { SQLITE_FILE_NAME } from './database';
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
  it('a user is found by the hash of their token, and the token itself is nowhere in the database file', async () => {
    const dir = tempDir();
    const storage = openStorage(dir);
    const created = await createUserAccount(storage.users, '  Bu Sari ');
    if (!created.ok) throw new Error(created.message);
    expect(created.user.name).toBe('Bu Sari');
    expect(await storage.users.findUserByTokenHash(hashToken(created.token))).toEqual(created.user);
    expect(await storage.users.findUserByTokenHash(hashToken('not-a-token'))).toBeNull();
    expect(await storage.users.countUsers()).toBe(1);
    await storage.close();
    expect(readFileSync(join(dir, SQLITE_FILE_NAME)).includes(created.token)).toBe(false);
  });

  it('a user added through a second connection (the CLI) is seen by the running server at once', async () => {
    const dir = tempDir();
    const server = openStorage(dir);
    const cli = openStorage(dir);
    const created = await createUserAccount(cli.users, 'Pak Budi');
    if (!created.ok) throw new Error(created.message);
    expect(await server.users.findUserByTokenHash(hashToken(created.token))).toMatchObject({ name: 'Pak Budi' });
  });
});

describe('drafts in SQLite', () => {
  it('drafts are listed most recently updated first, and editing a draft moves it to the top', async () => {
    let clock = Date.parse('2026-11-23T08:00:00.000Z');
    const now = () => {
      clock += 1000;
      return new Date(clock).toISOString();
    };
    const storage = openStorage(tempDir(), now);
    const owner = await createUserAccount(storage.users, 'Bu Sari');
    if (!owner.ok) throw new Error(owner.message);
    const ownerId = owner.user.id;
    await storage.drafts.createDraft({ id: 'draft-older', title: 'Fotosintesis', ownerId });
    await storage.drafts.createDraft({ id: 'draft-newer', title: 'Pecahan', ownerId });
    expect((await storage.drafts.listDrafts()).map((draft) => draft.id)).toEqual(['draft-newer', 'draft-older']);

    await storage.documents.appendUpdate('draft-older', bytes(1));
    const drafts = await storage.drafts.listDrafts();
    expect(drafts.map((draft) => draft.id)).toEqual(['draft-older', 'draft-newer']);
    expect(drafts[0]).toMatchObject({ ownerName: 'Bu Sari', title: 'Fotosintesis' });
    expect((drafts[0]?.updatedAt ?? '') > (drafts[0]?.createdAt ?? '')).toBe(true);
    expect(await storage.drafts.getDraft('draft-missing')).toBeNull();
  });
});
