/** Wires storage, rooms, the sync transport and HTTP into one running server; what main.ts and tests start. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloseCode } from '../shared/protocol/close-codes';
import { createSessionTokens } from './auth/session-tokens';
import { loadTokenSecret } from './auth/token-secret';
import { publicBaseUrl, type ServerConfig } from './config';
import { createHttpHandler } from './http/http-handler';
import { createLogger, type Logger } from './logger';
import { createServerMetrics } from './metrics';
import { OpenFeedbackCounts } from './rooms/open-feedback-counts';
import type { RoomHooks } from './rooms/room-hooks';
import { RoomRegistry } from './rooms/room-registry';
import { openConfiguredStorage } from './storage/open-storage';
import type { Storage } from './storage/storage';
import { createSyncTransport } from './transport/sync-upgrade';
import { packageVersion } from './version';

export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:8787`. */
  readonly url: string;
  readonly port: number;
  /** Closes sockets (4503), finishes every received write, closes the database. Idempotent. */
  close(): Promise<void>;
}

export interface StartServerOptions {
  logger?: Logger;
  /** Room lifecycle hooks (auth rules, fan-out); none by default. */
  hooks?: RoomHooks;
}

/** How long clients get to answer the shutdown close frame before their sockets are cut. */
const CLOSE_GRACE_MS = 1_000;

export async function startServer(config: ServerConfig, options: StartServerOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const storage: Storage = await openConfiguredStorage(config, (error) =>
    logger.warn({ err: error }, 'an idle PostgreSQL connection failed; it is replaced'),
  );
  const tokens = createSessionTokens({
    secret: loadTokenSecret({ dataDir: config.dataDir, secret: config.tokenSecret }),
    ttlSeconds: config.tokenTtlSeconds,
  });
  const metrics = createServerMetrics({
    connections: () => registry.connectionCount,
    documentsLoaded: () => registry.roomCount,
    openDocumentBytes: () => registry.openDocumentBytes(),
  });
  const openFeedback = new OpenFeedbackCounts({
    documents: storage.documents,
    openRoom: (name) => registry.room(name),
    logger,
  });
  const registry: RoomRegistry = new RoomRegistry({
    documents: metrics.instrument(storage.documents),
    hooks: {
      ...options.hooks,
      afterStoreUpdate(event) {
        openFeedback.stored(event.roomName);
        options.hooks?.afterStoreUpdate?.(event);
      },
    },
    logger,
    maxMessageBytes: config.maxMessageBytes,
    maxPendingMessages: config.maxPendingMessages,
    syncChunkBytes: config.syncChunkBytes,
    compactAfterUpdates: config.compactAfterUpdates,
    roomUnloadDelayMs: config.roomUnloadDelayMs,
    onWriteRefused: (_session, refusal) => metrics.refusals.inc({ code: CloseCode.Forbidden, reason: refusal.code }),
  });
  const transport = createSyncTransport({
    storage,
    tokens,
    registry,
    logger,
    maxMessageBytes: config.maxMessageBytes,
    rateLimits: config.rateLimits,
    maxBufferedBytes: config.maxBufferedBytes,
    metrics,
  });
  const httpServer = createServer(
    createHttpHandler({
      storage,
      tokens,
      accessChanged: (draftId, userId, role) => registry.reviseAccess(draftId, userId, role),
      openFeedbackCount: (draftId) => openFeedback.count(draftId),
      logger,
      webDir: config.webDir,
      version: packageVersion(),
      maxJsonBodyBytes: config.maxJsonBodyBytes,
      metrics,
      stats: () => ({ rooms: registry.roomCount, connections: registry.connectionCount }),
    }),
  );
  httpServer.on('upgrade', transport.handleUpgrade);

  try {
    await new Promise<void>((done, fail) => {
      httpServer.once('error', fail);
      httpServer.listen(config.port, config.host, () => {
        httpServer.off('error', fail);
        done();
      });
    });
  } catch (error) {
    await storage.close();
    throw error;
  }
  const port = (httpServer.address() as AddressInfo).port;
  const url = publicBaseUrl(config, port);
  logger.info(
    { url, storage: storage.kind, dataDir: config.dataDir, webDir: config.webDir },
    `Dampingi server listening on ${url}`,
  );
  if ((await storage.users.countUsers()) === 0) {
    logger.info('No users yet. Create one in another terminal: npm run user -- add "Nama Anda"');
  }

  let closing: Promise<void> | null = null;
  async function close(): Promise<void> {
    const stopped = new Promise<void>((done) => httpServer.close(() => done()));
    await registry.closeAll();
    await transport.close(CLOSE_GRACE_MS);
    httpServer.closeAllConnections();
    await stopped;
    await storage.close();
    logger.info('Dampingi server stopped');
  }
  return {
    url,
    port,
    close: () => {
      closing ??= close();
      return closing;
    },
  };
}
