import { describe, expect, it } from 'vitest';
import {
  initialSyncFacts,
  nextSyncFacts,
  refusalReason,
  type SyncEvent,
  type SyncFacts,
  syncStatusOf,
} from '../../extension/sync/sync-status';

function run(facts: SyncFacts, ...events: SyncEvent[]): SyncFacts {
  return events.reduce(nextSyncFacts, facts);
}

const connectedAndSynced: SyncEvent[] = [
  { type: 'connection', status: 'connecting' },
  { type: 'connection', status: 'connected' },
  { type: 'synced', synced: true },
];
const edit: SyncEvent = { type: 'local-change' };

describe('sync status shown to the user', () => {
  it('edits made offline are counted as waiting', () => {
    const facts = run(initialSyncFacts(true), ...connectedAndSynced, { type: 'network', online: false }, edit, edit);
    expect(syncStatusOf(facts)).toEqual({ state: 'offline', pending: 2, reason: 'network' });
  });

  it('edits made while connected and synced are not waiting', () => {
    const facts = run(initialSyncFacts(true), ...connectedAndSynced, edit, edit);
    expect(syncStatusOf(facts)).toEqual({ state: 'synced', pending: 0, reason: null });
  });

  it('the waiting count survives reconnecting and is cleared only once synced again', () => {
    let facts = run(initialSyncFacts(true), ...connectedAndSynced, { type: 'network', online: false }, edit);
    facts = run(facts, { type: 'connection', status: 'disconnected' }, { type: 'network', online: true });
    expect(syncStatusOf(facts)).toMatchObject({ state: 'connecting', pending: 1 });
    facts = run(facts, { type: 'connection', status: 'connecting' }, { type: 'connection', status: 'connected' });
    expect(syncStatusOf(facts)).toMatchObject({ state: 'syncing', pending: 1 });
    facts = run(facts, edit);
    expect(syncStatusOf(facts)).toMatchObject({ state: 'syncing', pending: 2 });
    facts = run(facts, { type: 'synced', synced: true });
    expect(syncStatusOf(facts)).toEqual({ state: 'synced', pending: 0, reason: null });
  });

  it('a "synced" flag that arrives while the browser is offline does not clear the count', () => {
    const facts = run(
      initialSyncFacts(false),
      edit,
      { type: 'connection', status: 'connected' },
      {
        type: 'synced',
        synced: true,
      },
    );
    expect(syncStatusOf(facts)).toMatchObject({ state: 'offline', pending: 1 });
  });

  it('a count carried over from the last visit is shown until the next sync', () => {
    const facts = run(initialSyncFacts(false, 4), edit);
    expect(syncStatusOf(facts)).toMatchObject({ state: 'offline', pending: 5 });
    expect(syncStatusOf(run(facts, { type: 'network', online: true }, ...connectedAndSynced)).pending).toBe(0);
  });

  it('a server that does not answer while the network is up reads as offline (server unreachable)', () => {
    let facts = run(initialSyncFacts(true), { type: 'connection', status: 'connecting' });
    expect(syncStatusOf(facts).state).toBe('connecting');
    facts = run(facts, { type: 'attempt-failed' }, edit);
    expect(syncStatusOf(facts)).toEqual({ state: 'offline', pending: 1, reason: 'server-unreachable' });
    facts = run(facts, { type: 'connection', status: 'connected' });
    expect(syncStatusOf(facts).state).toBe('syncing');
  });

  it('the server refusing the connection (4401) is shown as refused with the reason, and stays so', () => {
    let facts = run(initialSyncFacts(true), ...connectedAndSynced);
    facts = run(facts, { type: 'closed', code: 4401, reason: 'unauthorized' }, edit);
    expect(syncStatusOf(facts)).toEqual({ state: 'refused', pending: 1, reason: 'unauthorized' });
    facts = run(facts, { type: 'network', online: false }, { type: 'network', online: true });
    expect(syncStatusOf(facts).state).toBe('refused');
  });

  it('a temporary close (4503) is not a refusal', () => {
    const facts = run(initialSyncFacts(true), ...connectedAndSynced, { type: 'closed', code: 4503, reason: '' });
    expect(syncStatusOf(facts).state).not.toBe('refused');
  });

  it('the refusal reason comes from the server, or from the close code when the reason is unknown', () => {
    expect(refusalReason(4404, 'not-found')).toBe('not-found');
    expect(refusalReason(4403, '')).toBe('forbidden');
    expect(refusalReason(4499, 'something else')).toBe('bad-request');
  });
});
