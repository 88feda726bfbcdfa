/**
 * Whether a note written on this page has reached the server, derived from the feedback
 * document's sync status: a note written while not in sync waits ("Belum terkirim") until the
 * status is 'synced' again, when the sync protocol has exchanged everything both sides lacked.
 * Only what this page wrote is known; after a reload the view's banner tells the pending count.
 */
import type { SyncStatus } from '../../sync/sync-status';

export type NoteDelivery = 'unsent' | 'sent';
export type Deliveries = ReadonlyMap<string, NoteDelivery>;

export function noteWritten(deliveries: Deliveries, noteId: string, status: SyncStatus): Deliveries {
  const next = new Map(deliveries);
  next.set(noteId, status.state === 'synced' ? 'sent' : 'unsent');
  return next;
}

export function syncChanged(deliveries: Deliveries, status: SyncStatus): Deliveries {
  if (status.state !== 'synced' || ![...deliveries.values()].includes('unsent')) return deliveries;
  return new Map([...deliveries.keys()].map((noteId) => [noteId, 'sent' as const]));
}

/** The time of day a note was taken ("09.41" in Indonesian, "09:41" in English). */
export function formatTimeOfDay(iso: string, language: 'id' | 'en'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', { timeStyle: 'short' }).format(date);
}
