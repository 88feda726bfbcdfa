/**
 * A draft's documents opened as the page starts, while the session is still being checked: the
 * local copy loads from IndexedDB and the sync socket connects meanwhile, instead of after the
 * check and the first render (issue 21). The draft page then takes the connection it would have
 * opened; the session screens close what nobody took (signed out, server unreachable).
 */
import { roomName } from '../../shared/protocol/rooms';
import { type DraftConnection, type DraftConnectionOptions, openDraftConnection } from './draft-connection';

interface EarlyDraft {
  connection: DraftConnection;
  /** Something happened that only a listener could have handled: the connection is not handed out. */
  missedEvent: boolean;
  stopWatching(): void;
}

type EarlyOptions = Omit<DraftConnectionOptions, 'connect'>;

const waiting = new Map<string, EarlyDraft>();

function keyOf(options: EarlyOptions): string {
  return JSON.stringify([options.serverUrl, options.token, roomName(options.draftId, options.kind)]);
}

/** Opens the document now (connecting only when `online`), for `takeEarlyDraft` to hand out later. */
export function openDraftEarly(options: EarlyOptions, online: boolean): DraftConnection {
  const key = keyOf(options);
  const already = waiting.get(key);
  if (already) return already.connection;
  const connection = openDraftConnection({ ...options, connect: online });
  const early: EarlyDraft = { connection, missedEvent: false, stopWatching: () => {} };
  // A refusal, a raised role or a final close before the page listens would be lost on it.
  const missed = () => {
    early.missedEvent = true;
  };
  const stopRefusals = connection.onWriteRefused(missed);
  const stopRaises = connection.onRoleRaised(missed);
  connection.provider.on('closed', missed);
  early.stopWatching = () => {
    stopRefusals();
    stopRaises();
    connection.provider.off('closed', missed);
  };
  waiting.set(key, early);
  return connection;
}

/**
 * The connection opened early for these options, once; null if there is none or it heard
 * something nobody was listening for (it is then closed, and the caller opens a fresh one).
 */
export function takeEarlyDraft(options: EarlyOptions): DraftConnection | null {
  const key = keyOf(options);
  const early = waiting.get(key);
  if (!early) return null;
  waiting.delete(key);
  early.stopWatching();
  if (!early.missedEvent) return early.connection;
  early.connection.destroy();
  return null;
}

/** Closes every connection nobody took. */
export function closeEarlyDrafts(): void {
  for (const early of waiting.values()) {
    early.stopWatching();
    early.connection.destroy();
  }
  waiting.clear();
}
