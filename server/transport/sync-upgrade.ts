/**
 * The WebSocket side of the server: `GET /sync/<room>` upgrades, signed in with `?token=…` or the
 * web app's session cookie. The token, room and membership are checked before the handshake
 * completes; a refused connection is accepted only to be closed at once with a named code (4401,
 * 4403, 4404, 4503), because browsers cannot read an HTTP refusal.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { CloseCode, closeReasons } from '../../shared/protocol/close-codes';
import { SYNC_PATH } from '../../shared/protocol/rooms';
import { type Admission, admitSyncConnection } from '../auth/admit-connection';
import { isOwnOrigin } from '../auth/csrf';
import type { SessionTokens } from '../auth/session-tokens';
import { sessionTokenFromCookie } from '../auth/web-cookies';
import { type Logger, loggablePath } from '../logger';
import type { ServerMetrics } from '../metrics';
import type { RoomRegistry } from '../rooms/room-registry';
import type { Storage } from '../storage/storage';
import { createAccountLimits } from './account-limits';
import { assembleLargeFramesInPlace, createFrameBudget } from './large-frame-receive';
import { createQuietKeepalive } from './quiet-keepalive';
import { createThrottle, type RateLimits } from './rate-limit';
import { readThrottled } from './throttled-reading';
import { messageBytes, wsRoomSocket } from './ws-room-socket';

export interface SyncUpgradeOptions {
  storage: Storage;
  tokens: SessionTokens;
  /** The configured public address's origin (behind a proxy), for the cookie's Origin check; else null. */
  publicOrigin: string | null;
  registry: RoomRegistry;
  logger: Logger;
  maxMessageBytes: number;
  /** Per connection: a sender over them is slowed down (its socket paused), never closed. */
  rateLimits: RateLimits;
  /** Per account, over all its connections together. */
  accountRateLimits: RateLimits;
  maxBufferedBytes: number;
  /** More open connections of one account are refused with 4529 (try again later). */
  maxConnectionsPerUser: number;
  /** A connection sent nothing for this long gets an empty presence update (stock clients drop one silent for 30 s). */
  keepaliveMs: number;
  metrics: Pick<ServerMetrics, 'bytesReceived' | 'refusals'>;
}

export interface SyncTransport {
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Refuses new connections and force-closes sockets still open after `graceMs`. */
  close(graceMs: number): Promise<void>;
}

type UpgradeDecision =
  | Admission
  | { ok: false; code: typeof CloseCode.ShuttingDown | typeof CloseCode.ServerError; detail: string };

/** A malformed %-escape is simply not a room name. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return '';
  }
}

export function createSyncTransport(options: SyncUpgradeOptions): SyncTransport {
  const { logger, registry } = options;
  // Frames somewhat over the limit are read and refused with 4413 (the stock client then stops
  // retrying, rather than sending the same megabytes again and again); `ws` cuts anything larger
  // with 1009 before buffering it.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxMessageBytes + Math.min(options.maxMessageBytes, 64 * 1024 * 1024),
    perMessageDeflate: false,
  });
  const accounts = createAccountLimits({
    maxConnections: options.maxConnectionsPerUser,
    rates: options.accountRateLimits,
  });
  // Two of the largest messages may be assembled in place at once; more are read ws's own way.
  const frameBudget = createFrameBudget(2 * options.maxMessageBytes);
  const keepalive = createQuietKeepalive(options.keepaliveMs);
  let connectionCounter = 0;
  let closing = false;

  /**
   * `?token=` (the extension, scripts), else the web app's session cookie — only from this
   * server's own page, so another site cannot open a socket in a visitor's name.
   */
  function tokenOf(request: IncomingMessage, url: URL): string | null {
    const token = url.searchParams.get('token');
    if (token) return token;
    return isOwnOrigin(request.headers, options.publicOrigin) ? sessionTokenFromCookie(request) : null;
  }

  async function decide(request: IncomingMessage, url: URL): Promise<UpgradeDecision> {
    if (closing) return { ok: false, code: CloseCode.ShuttingDown, detail: 'server shutting down' };
    const roomName = safeDecode(url.pathname.slice(SYNC_PATH.length + 1));
    try {
      const { storage, tokens } = options;
      return await admitSyncConnection(
        { users: storage.users, sessions: storage.sessions, drafts: storage.drafts, members: storage.members, tokens },
        { roomName, token: tokenOf(request, url) },
      );
    } catch (error) {
      logger.error({ err: error, path: url.pathname }, 'admitting a sync connection failed');
      return { ok: false, code: CloseCode.ServerError, detail: 'admission failed' };
    }
  }

  async function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on('error', (error) => logger.debug({ err: error }, 'upgrade socket error'));
    const url = new URL(request.url ?? '/', 'http://localhost');
    const path = loggablePath(request.url);
    if (!url.pathname.startsWith(`${SYNC_PATH}/`)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const admission = await decide(request, url);
    wss.handleUpgrade(request, socket, head, (ws) => {
      if (!admission.ok) {
        logger.info({ path, code: admission.code, detail: admission.detail }, 'sync connection refused');
        options.metrics.refusals.inc({ code: admission.code, reason: closeReasons[admission.code] });
        ws.close(admission.code, closeReasons[admission.code]);
        return;
      }
      const { user } = admission;
      const slot = accounts.claim(user.id);
      if (!slot) {
        logger.warn({ path, user: user.id }, 'sync connection refused: too many open for this account');
        const code = CloseCode.TooManyConnections;
        options.metrics.refusals.inc({ code, reason: closeReasons[code] });
        ws.close(code, closeReasons[code]);
        return;
      }
      ws.once('close', () => slot.release());
      connectionCounter += 1;
      const session = {
        connectionId: `c${connectionCounter}`,
        userId: user.id,
        userName: user.name,
        guest: user.guest,
        sessionId: admission.sessionId,
        role: admission.role,
        tokenExpiresAt: admission.tokenExpiresAt,
        tokenIssuedAt: admission.tokenIssuedAt,
      };
      // Joined synchronously in the handshake callback, so no early frame is missed.
      const roomSocket = wsRoomSocket(ws, {
        maxBufferedBytes: options.maxBufferedBytes,
        onClose: (code, reason) => options.metrics.refusals.inc({ code, reason }),
        onTooSlow: (bufferedBytes) =>
          logger.warn({ connection: session.connectionId, bufferedBytes }, 'closing a connection too slow to keep up'),
      });
      ws.once('close', keepalive.watch(roomSocket));
      const membership = registry.join(admission.roomName, roomSocket, session);
      // A large backlog is assembled as it arrives, not held twice (its reads and the joined frame).
      assembleLargeFramesInPlace(ws, frameBudget);
      readThrottled(ws, [createThrottle(options.rateLimits), slot.throttle], (data, isBinary) => {
        const bytes = messageBytes(data);
        options.metrics.bytesReceived.inc(bytes.byteLength);
        if (isBinary) membership.receive(bytes);
        else membership.refuse(CloseCode.InvalidMessage, 'text frame');
      });
      ws.on('close', () => membership.leave());
      ws.on('error', (error) => logger.warn({ err: error, connection: session.connectionId }, 'websocket error'));
    });
  }

  return {
    handleUpgrade: (request, socket, head) => void handleUpgrade(request, socket, head),
    async close(graceMs) {
      closing = true;
      const closed = [...wss.clients].map((ws) => new Promise((done) => ws.once('close', done)));
      const grace = new Promise<void>((done) => setTimeout(done, graceMs).unref());
      await Promise.race([Promise.all(closed), grace]);
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((done) => wss.close(() => done()));
      keepalive.stop();
    },
  };
}
