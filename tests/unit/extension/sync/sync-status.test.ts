import { describe, expect, it } from 'vitest';
import { syncStatusText } from '../../../../extension/app/common/sync-status-text';
import {
  initialSyncFacts,
  nextSyncFacts,
  type SyncEvent,
  type SyncFacts,
  syncStatusOf,
} from '../../../../extension/sync/sync-status';
import { createTranslator } from '../../../../shared/i18n';

const run = (facts: SyncFacts, ...events: SyncEvent[]) => events.reduce(nextSyncFacts, facts);
const connectedAndSynced: SyncEvent[] = [
  { type: 'connection', status: 'connected' },
  { type: 'synced', synced: true },
];

describe('sync status after the server refuses our changes', () => {
  it('a commenter whose edit is refused sees "write-refused" with the role, and nothing counted as waiting', () => {
    const facts = run(
      initialSyncFacts(true),
      { type: 'local-change' },
      { type: 'local-change' },
      ...connectedAndSynced,
      { type: 'write-refused', role: 'commenter' },
    );
    expect(syncStatusOf(facts)).toEqual({ state: 'write-refused', pending: 0, reason: 'commenter' });
  });

  it('later local changes are not counted: they are neither sent nor kept', () => {
    const facts = run(initialSyncFacts(true), { type: 'write-refused', role: 'viewer' }, { type: 'local-change' });
    expect(syncStatusOf(facts)).toEqual({ state: 'write-refused', pending: 0, reason: 'viewer' });
  });

  it('a reopened draft starts refused, whatever was counted before the refusal', () => {
    expect(syncStatusOf(initialSyncFacts(true, 5, 'commenter'))).toEqual({
      state: 'write-refused',
      pending: 0,
      reason: 'commenter',
    });
  });

  it('losing the network or a refused connection still shows first', () => {
    const refused = run(initialSyncFacts(true), { type: 'write-refused', role: 'viewer' });
    expect(syncStatusOf(run(refused, { type: 'network', online: false })).state).toBe('offline');
    expect(syncStatusOf(run(refused, { type: 'closed', code: 4403, reason: 'forbidden' }))).toMatchObject({
      state: 'refused',
      reason: 'forbidden',
    });
  });

  it('while connected and synced it keeps saying why changes are refused', () => {
    const facts = run(initialSyncFacts(true, 0, 'viewer'), ...connectedAndSynced);
    expect(syncStatusOf(facts).state).toBe('write-refused');
  });

  it('the badge says in words whose changes were refused, in both languages', () => {
    const commenter = syncStatusOf(initialSyncFacts(true, 0, 'commenter'));
    const viewer = syncStatusOf(initialSyncFacts(true, 0, 'viewer'));
    expect(syncStatusText(createTranslator('id'), commenter)).toBe('Perubahan ditolak: Anda hanya dapat berkomentar.');
    expect(syncStatusText(createTranslator('en'), viewer)).toBe('Changes refused: you can only view this draft.');
  });
});

describe('sync status when the server cannot store changes for a while', () => {
  const storageAway = (facts: SyncFacts) =>
    run(
      facts,
      { type: 'local-change' },
      { type: 'closed', code: 4500, reason: 'server-error' },
      { type: 'connection', status: 'disconnected' },
      { type: 'attempt-failed' },
      { type: 'local-change' },
    );

  it('says the server cannot store yet, counts what waits, and keeps retrying (no refusal)', () => {
    const facts = storageAway(run(initialSyncFacts(true), ...connectedAndSynced));
    // The change the server could not store was made while in sync, so it is not counted: only
    // changes made since. It is not lost either: the sync after reconnecting sends what the server lacks.
    expect(syncStatusOf(facts)).toEqual({ state: 'offline', pending: 1, reason: 'server-cannot-store' });
    expect(facts.refusal).toBeNull();
    expect(syncStatusText(createTranslator('id'), syncStatusOf(facts))).toBe(
      'Server belum dapat menyimpan — 1 perubahan menunggu di perangkat ini dan dikirim lagi otomatis',
    );
  });

  it('once back in sync, nothing waits and the badge says so', () => {
    const facts = run(storageAway(run(initialSyncFacts(true), ...connectedAndSynced)), ...connectedAndSynced);
    expect(syncStatusOf(facts)).toEqual({ state: 'synced', pending: 0, reason: null });
  });

  it('a dropped connection without such an answer stays "unreachable"', () => {
    const facts = run(initialSyncFacts(true), { type: 'local-change' }, { type: 'attempt-failed' });
    expect(syncStatusOf(facts)).toEqual({ state: 'offline', pending: 1, reason: 'server-unreachable' });
  });
});
