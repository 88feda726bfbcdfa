import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../shared/i18n';
import { syncStatusText } from '../editor/sync-status-text';
import { initialSyncFacts, nextSyncFacts, type SyncEvent, type SyncFacts, syncStatusOf } from './sync-status';

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
