/**
 * A draft's socket speaks only once its local copy is loaded. Spoken earlier, the provider's sync
 * step 1 tells the server this browser holds nothing, so the server sends the whole draft back; and
 * the local copy, loaded a moment later, goes out as one update of its whole size — the whole draft
 * both ways on a school connection, and an offline backlog as one giant message instead of in parts
 * with progress (backlog-upload.ts).
 *
 * The socket itself connects at once: the handshake, the server's session check and its loading of
 * the draft happen while the copy loads (issue 21: on a reopen they used to wait for it, ~100–150 ms).
 * Only its `open` event, and any message before it, reach the provider once the copy is in; the
 * provider sends its step 1 on `open`, so nothing is said before then.
 */
import type { IndexeddbPersistence } from 'y-indexeddb';

/**
 * Settles when the copy is loaded, or when the browser cannot open IndexedDB at all (the draft then
 * works online without a copy, as before). A persistence destroyed first never settles: nothing
 * is left to say.
 */
export function localCopySettled(persistence: IndexeddbPersistence): Promise<void> {
  const unavailable = (persistence as unknown as { _db: Promise<unknown> })._db.then(
    () => new Promise<void>(() => {}),
    () => undefined,
  );
  return Promise.race([persistence.whenSynced.then(() => undefined), unavailable]);
}

type OpenHandler = ((this: WebSocket, event: Event) => unknown) | null;
type MessageHandler = ((this: WebSocket, event: MessageEvent) => unknown) | null;

/**
 * A WebSocket constructor (the provider's `WebSocketPolyfill`) whose sockets connect when created
 * but hand `open`, and the messages after it, to their `onopen`/`onmessage` only once `settled` has.
 * A close meanwhile goes through at once (the provider counts a failed attempt, as before). The two
 * handlers are the socket's own properties, so this holds whatever WebSocket the page has (a
 * wrapped one too).
 */
export function socketSpeakingAfter(settled: Promise<void>): typeof WebSocket {
  function SocketSpeakingAfterLocalCopy(url: string | URL, protocols?: string | string[]): WebSocket {
    // The global at call time: tests install Node's WebSocket as the global.
    const socket = new globalThis.WebSocket(url, protocols);
    let onopen: OpenHandler = null;
    let onmessage: MessageHandler = null;
    let held: MessageEvent[] | null = [];
    socket.addEventListener('open', (event) => {
      void settled.then(() => {
        // Closed meanwhile: the provider has heard the close, and must not hear an open after it.
        if (socket.readyState !== socket.OPEN) return;
        onopen?.call(socket, event);
        const waiting = held ?? [];
        held = null;
        for (const message of waiting) onmessage?.call(socket, message);
      });
    });
    socket.addEventListener('message', (event) => {
      if (held) held.push(event as MessageEvent);
      else onmessage?.call(socket, event as MessageEvent);
    });
    Object.defineProperties(socket, {
      onopen: {
        get: () => onopen,
        set: (handler: OpenHandler) => {
          onopen = handler;
        },
        configurable: true,
      },
      onmessage: {
        get: () => onmessage,
        set: (handler: MessageHandler) => {
          onmessage = handler;
        },
        configurable: true,
      },
    });
    return socket;
  }
  return SocketSpeakingAfterLocalCopy as unknown as typeof WebSocket;
}
