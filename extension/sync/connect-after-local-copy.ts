/**
 * A draft's socket connects only once its local copy is loaded. Connected earlier, the provider's
 * sync step 1 tells the server this browser holds nothing, so the server sends the whole draft back;
 * and the local copy, loaded a moment later, goes out as one update of its whole size — the whole
 * draft both ways on a school connection, and an offline backlog as one giant message instead of in
 * parts with progress (backlog-upload.ts). Loading the copy takes milliseconds; the round trip it
 * spares is the draft's size twice.
 */
import type { IndexeddbPersistence } from 'y-indexeddb';
import type { WebsocketProvider } from 'y-websocket';

type Connectable = Pick<WebsocketProvider, 'connect' | 'disconnect'>;

/**
 * Settles when the copy is loaded, or when the browser cannot open IndexedDB at all (the draft then
 * works online without a copy, as before). A persistence destroyed first never settles: nothing
 * is left to connect.
 */
export function localCopySettled(persistence: IndexeddbPersistence): Promise<void> {
  const unavailable = (persistence as unknown as { _db: Promise<unknown> })._db.then(
    () => new Promise<void>(() => {}),
    () => undefined,
  );
  return Promise.race([persistence.whenSynced.then(() => undefined), unavailable]);
}

/**
 * Holds the provider's `connect()` (and `connectNow`) until `settled`; a `disconnect()` meanwhile
 * cancels the held connect, as it would cancel a real one.
 */
export function connectAfterLocalCopy(provider: Connectable, settled: Promise<void>, connectNow: boolean): void {
  let loaded = false;
  let wanted = connectNow;
  const connect = provider.connect.bind(provider);
  const disconnect = provider.disconnect.bind(provider);
  provider.connect = () => {
    wanted = true;
    if (loaded) connect();
  };
  provider.disconnect = () => {
    wanted = false;
    disconnect();
  };
  void settled.then(() => {
    loaded = true;
    if (wanted) connect();
  });
}
