import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkShareLink, createShareLink, redeemShareLink } from '../../../../server/auth/share-links';
import { openSqliteStorage } from '../../../../server/storage/sqlite/sqlite-storage';
import type { Storage } from '../../../../server/storage/storage';

let storage: Storage;
let dir: string;
afterEach(async () => {
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
});

async function draftWithOwner(): Promise<void> {
  dir = mkdtempSync(join(tmpdir(), 'dampingi-links-'));
  storage = openSqliteStorage({ dataDir: dir, synchronous: 'FULL' });
  await storage.users.createUser({ id: 'user-sari', name: 'Bu Sari' });
  await storage.users.createUser({ id: 'user-budi', name: 'Pak Budi' });
  await storage.drafts.createDraft({ id: 'draft-0001', title: 'LKPD pecahan', ownerId: 'user-sari' });
}

describe('share links', () => {
  it('work until they expire, and only their hash is stored', async () => {
    await draftWithOwner();
    const now = Date.parse('2026-11-24T08:00:00.000Z');
    const { link, secret } = await createShareLink(storage, {
      draftId: 'draft-0001',
      role: 'commenter',
      createdBy: 'user-sari',
      expiresInDays: 7,
      now,
    });
    expect(link.expiresAt).toBe('2026-12-01T08:00:00.000Z');
    expect(JSON.stringify(await storage.shareLinks.listLinks('draft-0001'))).not.toContain(secret);
    expect(await checkShareLink(storage, secret, now + 6 * 86_400_000)).toMatchObject({ ok: true });
    expect(await checkShareLink(storage, secret, now + 7 * 86_400_000)).toEqual({ ok: false, reason: 'expired-link' });
    expect(await checkShareLink(storage, 'x'.repeat(43), now)).toEqual({ ok: false, reason: 'unknown-link' });
  });

  it('redeeming grants the role once, and never lowers a stronger one', async () => {
    await draftWithOwner();
    const make = (role: 'editor' | 'viewer') =>
      createShareLink(storage, { draftId: 'draft-0001', role, createdBy: 'user-sari', expiresInDays: null, now: 0 });
    const viewer = await make('viewer');
    const editor = await make('editor');
    expect(await redeemShareLink(storage, viewer.link, 'user-budi')).toEqual({ role: 'viewer', changed: true });
    expect(await redeemShareLink(storage, editor.link, 'user-budi')).toEqual({ role: 'editor', changed: true });
    expect(await redeemShareLink(storage, viewer.link, 'user-budi')).toEqual({ role: 'editor', changed: false });
    expect(await redeemShareLink(storage, viewer.link, 'user-sari')).toEqual({ role: 'owner', changed: false });
  });
});
