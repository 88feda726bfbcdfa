/** When a draft's local copy has caught up with its document. */
import type { IndexeddbPersistence } from 'y-indexeddb';

/**
 * y-indexeddb writes each update in its own transaction, started synchronously on the doc's
 * update event. A later read-write transaction on the same store completes only after it, so
 * this resolves once every update started before it is on disk.
 */
export function storedLocally(persistence: IndexeddbPersistence): Promise<void> {
  const db = persistence.db;
  if (!db) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(['updates'], 'readwrite');
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error ?? new Error('aborted'));
  });
}
