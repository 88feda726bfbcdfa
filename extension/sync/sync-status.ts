/**
 * What the sync badge shows, derived from plain facts (network, provider, local edits) by a pure
 * reducer, so every rule here is unit-tested without sockets.
 *
 * Pending changes are local Yjs transactions made while the draft was not connected and synced.
 * They are counted, not diffed: once the provider is connected and synced again, the sync protocol
 * has exchanged everything both sides lacked, so the count goes back to 0.
 *
 * A write refusal (the server keeps the connection but refuses our changes, e.g. from a commenter)
 * lasts for the page: the refused changes are dropped, so nothing is pending after it.
 */
import type { Role } from '../../shared/auth/roles';
import { closeReasons, isPermanentClose, isTryLaterClose } from '../../shared/protocol/close-codes';

export type SyncState = 'offline' | 'connecting' | 'syncing' | 'synced' | 'refused' | 'write-refused';
export type ConnectionStatus = 'disconnected' | 'connecting' | 'connected';
export type RefusalReason = (typeof closeReasons)[keyof typeof closeReasons];
/**
 * Why the badge says offline: the browser has no network, the server does not answer, or it
 * answered that it cannot store changes right now (its database is away, or it is restarting) —
 * then the changes wait here and go again on their own.
 */
export type OfflineReason = 'network' | 'server-unreachable' | 'server-cannot-store' | 'too-many-connections';

/** A large backlog on its way, in parts (extension/sync/backlog-upload.ts). */
export interface UploadProgress {
  sentBytes: number;
  totalBytes: number;
}

export interface SyncFacts {
  /** The browser's network (navigator.onLine and the online/offline events). */
  online: boolean;
  connection: ConnectionStatus;
  synced: boolean;
  /** The last attempt to open a connection failed before it was established. */
  unreachable: boolean;
  /** Set once the server closed with a permanent code (4400–4499); the provider stops retrying. */
  refusal: RefusalReason | null;
  /** Set once the server refused our changes; the role it gave as the reason. */
  writeRefused: Role | null;
  /** The server closed with "try again later" (4500–4599) and we have not been in sync since: why. */
  serverTrouble: 'server-cannot-store' | 'too-many-connections' | null;
  /** A backlog being sent in parts; not in sync before it is through. */
  upload: UploadProgress | null;
  pending: number;
}

export type SyncEvent =
  | { type: 'network'; online: boolean }
  | { type: 'connection'; status: ConnectionStatus }
  | { type: 'synced'; synced: boolean }
  | { type: 'attempt-failed' }
  | { type: 'closed'; code: number; reason: string }
  | { type: 'write-refused'; role: Role }
  | { type: 'upload'; progress: UploadProgress | null }
  | { type: 'local-change' };

export interface SyncStatus {
  state: SyncState;
  pending: number;
  /** For 'write-refused': the role that may not edit. */
  reason: OfflineReason | RefusalReason | Role | null;
  /** While 'syncing' a backlog in parts: how far it is. */
  upload?: UploadProgress;
}

export function initialSyncFacts(online: boolean, pending = 0, writeRefused: Role | null = null): SyncFacts {
  return {
    online,
    connection: 'disconnected',
    synced: false,
    unreachable: false,
    refusal: null,
    writeRefused,
    serverTrouble: null,
    upload: null,
    pending: writeRefused ? 0 : pending,
  };
}

export function isInSync(facts: SyncFacts): boolean {
  return (
    facts.online && facts.refusal === null && facts.connection === 'connected' && facts.synced && facts.upload === null
  );
}

export function nextSyncFacts(facts: SyncFacts, event: SyncEvent): SyncFacts {
  switch (event.type) {
    case 'network':
      return { ...facts, online: event.online, unreachable: event.online ? false : facts.unreachable };
    case 'connection': {
      const connected = event.status === 'connected';
      return {
        ...facts,
        connection: event.status,
        synced: connected ? facts.synced : false,
        unreachable: connected ? false : facts.unreachable,
      };
    }
    case 'synced': {
      const next = { ...facts, synced: event.synced };
      return isInSync(next) ? { ...next, pending: 0, serverTrouble: null } : next;
    }
    case 'upload': {
      const next = { ...facts, upload: event.progress };
      return isInSync(next) ? { ...next, pending: 0, serverTrouble: null } : next;
    }
    case 'attempt-failed':
      return { ...facts, unreachable: true };
    case 'closed':
      if (!isPermanentClose(event.code)) {
        if (!isTryLaterClose(event.code)) return facts;
        const trouble = event.reason === 'too-many-connections' ? 'too-many-connections' : 'server-cannot-store';
        return { ...facts, serverTrouble: trouble, synced: false };
      }
      return { ...facts, refusal: refusalReason(event.code, event.reason), connection: 'disconnected', synced: false };
    case 'write-refused':
      return { ...facts, writeRefused: event.role, pending: 0 };
    case 'local-change':
      // After a write refusal nothing local is sent or kept, so nothing is waiting either.
      return isInSync(facts) || facts.writeRefused ? facts : { ...facts, pending: facts.pending + 1 };
  }
}

export function syncStatusOf(facts: SyncFacts): SyncStatus {
  const { pending } = facts;
  if (facts.refusal) return { state: 'refused', pending, reason: facts.refusal };
  if (!facts.online) return { state: 'offline', pending, reason: 'network' };
  // Above the connection states: for someone who may not edit, that is what matters while connected.
  if (facts.writeRefused) return { state: 'write-refused', pending, reason: facts.writeRefused };
  if (facts.connection === 'connected') {
    if (facts.upload) return { state: 'syncing', pending, reason: null, upload: facts.upload };
    return { state: facts.synced ? 'synced' : 'syncing', pending, reason: null };
  }
  if (facts.serverTrouble) return { state: 'offline', pending, reason: facts.serverTrouble };
  if (facts.unreachable) return { state: 'offline', pending, reason: 'server-unreachable' };
  return { state: 'connecting', pending, reason: null };
}

const knownReasons = new Set<string>(Object.values(closeReasons));

export function isRefusalReason(value: unknown): value is RefusalReason {
  return typeof value === 'string' && knownReasons.has(value);
}

/** The server sends the reason key; the code decides when the reason is missing or unknown. */
export function refusalReason(code: number, reason: string): RefusalReason {
  if (isRefusalReason(reason)) return reason;
  return (closeReasons as Record<number, RefusalReason>)[code] ?? 'bad-request';
}
