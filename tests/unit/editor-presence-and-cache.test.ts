// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { offlineCache } from '../../extension/app/common/offline-cache';
import { syncStatusText } from '../../extension/app/common/sync-status-text';
import { onlineUsers } from '../../extension/app/drafts/presence-users';
import { createTranslator } from '../../shared/i18n';
import { EMPTY_SUMMARY } from '../../shared/model/draft-summary';

const sari = { id: 'u-sari', name: 'Bu Sari', color: '#1e88e5' };
const budi = { id: 'u-budi', name: 'Pak Budi', color: '#d81b60' };

describe('who is online', () => {
  it('lists each user once (several tabs), the local user first, and ignores malformed states', () => {
    const states = new Map<number, Record<string, unknown>>([
      [3, { user: budi }],
      [7, { user: sari }],
      [8, { user: budi }],
      [9, { user: { name: 'no id', color: 'red' } }],
      [10, {}],
    ]);
    expect(onlineUsers(states, 7)).toEqual([
      { ...sari, isSelf: true },
      { ...budi, isSelf: false },
    ]);
  });
});

describe('the offline cache', () => {
  beforeEach(() => localStorage.clear());

  it('remembers the user per token and the last draft list per server', () => {
    const cache = offlineCache(localStorage, 'http://localhost:8787');
    cache.saveUser('token-a', { id: 'u-sari', name: 'Bu Sari' });
    expect(cache.loadUser('token-a')).toEqual({ id: 'u-sari', name: 'Bu Sari' });
    expect(cache.loadUser('token-b')).toBeNull();
    const draft = {
      id: 'draft-0001',
      title: 'LKPD',
      ownerId: 'u-sari',
      ownerName: 'Bu Sari',
      createdAt: '2026-11-23T08:00:00.000Z',
      updatedAt: '2026-11-23T09:00:00.000Z',
      mediaKind: 'blank' as const,
      role: 'owner' as const,
    };
    cache.saveDrafts([draft, { ...draft, id: 'draft-0002', openFeedback: 3 }]);
    // An older cache entry without a count reads as 0; a count is kept, so the list shows it offline.
    expect(cache.loadDrafts()).toEqual([
      { ...draft, openFeedback: 0, summary: EMPTY_SUMMARY },
      { ...draft, id: 'draft-0002', openFeedback: 3, summary: EMPTY_SUMMARY },
    ]);
    expect(offlineCache(localStorage, 'http://other:8787').loadDrafts()).toBeNull();
  });

  it('keeps the waiting-changes count per draft, and ignores garbage', () => {
    const cache = offlineCache(localStorage, 'http://localhost:8787');
    expect(cache.loadPending('draft-0001')).toBe(0);
    cache.savePending('draft-0001', 3);
    expect(cache.loadPending('draft-0001')).toBe(3);
    localStorage.setItem('dampingi.drafts:localhost:8787', '{not json');
    expect(cache.loadDrafts()).toBeNull();
  });
});

describe('sync badge text', () => {
  const id = createTranslator('id');
  const en = createTranslator('en');

  it('says offline with the count of waiting changes, in both languages', () => {
    const status = { state: 'offline', pending: 3, reason: 'network' } as const;
    expect(syncStatusText(id, status)).toBe('Luring — 3 perubahan menunggu');
    expect(syncStatusText(en, status)).toBe('Offline — 3 changes waiting');
    expect(syncStatusText(en, { ...status, pending: 1 })).toBe('Offline — 1 change waiting');
  });

  it('explains a refusal by its reason and says local changes are kept', () => {
    const text = syncStatusText(id, { state: 'refused', pending: 2, reason: 'unauthorized' });
    expect(text).toContain('Anda sudah keluar');
    expect(text).toContain('tetap tersimpan di perangkat ini');
    expect(syncStatusText(en, { state: 'refused', pending: 0, reason: 'not-found' })).toMatch(/does not exist/);
  });

  it('does not claim "saved" before the server has synced', () => {
    expect(syncStatusText(id, { state: 'syncing', pending: 0, reason: null })).not.toMatch(/tersinkron|tersimpan/i);
    expect(syncStatusText(id, { state: 'synced', pending: 0, reason: null })).toBe('Tersinkron dengan server');
  });
});
