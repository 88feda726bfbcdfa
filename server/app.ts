/** Wires storage, rooms, the sync transport and HTTP into one running server; what main.ts and tests start. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloseCode } from '../shared/protocol/close-codes';
import { offerSetupCode } from './auth/first-run-setup';
import { createSessionTokens } from './auth/session-tokens';
import { SessionWatch } from './auth/session-watch';
import { loadTokenSecret } from './auth/token-secret';
import { createClipFetchService } from './clip-fetch/clip-fetch-service';
import type { HostResolver } from './clip-fetch/fetch-settings';
import type { Cluster } from './cluster/open-cluster';
import { publicBaseUrl, type ServerConfig } from './config';
import { createAuthServices } from './http/auth-services';
import { createHttpHandler } from './http/http-handler';
import { createJoinLimits } from './http/join-limits';
import { type MetricsServer, startMetricsServer } from './http/metrics-access';
import { EDITOR_PAGE } from './http/static-files';
import { type GarbageScope, IdleCollection } from './idle-collection';
import { createLogger, type Logger } from './logger';
import { createServerMetrics } from './metrics';
import { DraftSummaries } from './rooms/draft-summaries';
import type { RoomHooks } from './rooms/room-hooks';
import { RoomRegistry, roomLimitsOf } from './rooms/room-registry';
import { readCurrentDocument } from './rooms/stored-document';
import { openConfiguredStorage } from './storage/open-storage';
import type { Storage } from './storage/storage';
import { createSyncTransport } from './transport/sync-upgrade';
import { packageVersion } from './version';
import { StageVersions } from './versions/stage-versions';

export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:8787`. */
  readonly url: string;
  readonly port: number;
  /** The loopback-only `/metrics` URL when DAMPINGI_METRICS_PORT is set, else null. */
  readonly metricsUrl: string | null;
  /** Closes sockets (4503), finishes every received write, closes the database. Idempotent. */
  close(): Promise<void>;
}

export interface StartServerOptions {
  logger?: Logger;
  /** Room lifecycle hooks (auth rules, fan-out); none by default. */
  hooks?: RoomHooks;
  /** Wraps the opened storage, e.g. for a test to count what reaches it; closing still closes the real one. */
  wrapStorage?(storage: Storage): Storage;
  /** Resolves host names for clips from a URL; tests pass a stub so nothing leaves loopback. */
  resolveHost?: HostResolver;
  /** A full garbage collection, run once when no document has been open for `quietMs` (server/idle-collection.ts); none by default. */
  collectWhenIdle?: { collect(scope?: GarbageScope): void; quietMs: number };
}

/** How long clients get to answer the shutdown close frame before their sockets are cut. */
const CLOSE_GRACE_MS = 1_000;

export async function startServer(config: ServerConfig, options: StartServerOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const opened: Storage = await openConfiguredStorage(config, (error) =>
    logger.warn({ err: error }, 'an idle PostgreSQL connection failed; it is replaced'),
  );
  const storage: Storage = options.wrapStorage?.(opened) ?? opened;
  // Cluster (DAMPINGI_REDIS_URL): rooms share documents, presence and role changes with other processes.
  let cluster: Cluster | null = null;
  if (config.redisUrl && config.databaseUrl) {
    try {
      // Loaded only here: ioredis and the lease's pg pool cost a single-process server memory for nothing.
      const { openCluster } = await import('./cluster/open-cluster');
      cluster = await openCluster({
        redisUrl: config.redisUrl,
        databaseUrl: config.databaseUrl,
        logger,
        onAccessChange: (draftId, userId, role) => registry.reviseAccess(draftId, userId, role),
        onSessionEnd: (userId, sessionIds) => sessionWatch.heard({ userId, sessionIds }),
      });
    } catch (error) {
      await opened.close();
      throw error;
    }
  }
  const tokenSecret = loadTokenSecret({ dataDir: config.dataDir, secret: config.tokenSecret });
  const tokens = createSessionTokens({ secret: tokenSecret, ttlSeconds: config.tokenTtlSeconds });
  // Known once listening (the port may be picked by the system); links in mails need it before any request.
  let listeningUrl = publicBaseUrl(config);
  const auth = createAuthServices({
    settings: config.signIn,
    limits: config.signInLimits,
    tokenSecret,
    trustProxy: config.trustProxy,
    listeningUrl: () => listeningUrl,
    logger,
  });
  const metrics = createServerMetrics({
    connections: () => registry.connectionCount,
    documentsLoaded: () => registry.roomCount,
    openDocumentBytes: () => registry.openDocumentBytes(),
  });
  const summaries = new DraftSummaries({
    drafts: storage.drafts,
    documents: storage.documents,
    logger,
    coalesceMs: config.summaryWriteIntervalMs,
  });
  // A version of the content is saved at each stage move (server/versions/stage-versions.ts).
  const stageVersions = new StageVersions({
    versions: storage.versions,
    readDocument: (name, read) =>
      readCurrentDocument(
        { documents: storage.documents, openRoom: (room) => registry.room(room), logger },
        name,
        read,
      ),
    logger,
  });
  const idleCollection = options.collectWhenIdle
    ? new IdleCollection({ ...options.collectWhenIdle, isIdle: () => registry.roomCount === 0 })
    : null;
  const registry: RoomRegistry = new RoomRegistry({
    documents: metrics.instrument(storage.documents),
    hooks: {
      ...options.hooks,
      afterLoad(event) {
        stageVersions.loaded(event);
        options.hooks?.afterLoad?.(event);
      },
      afterStoreUpdate(event) {
        summaries.stored(event);
        stageVersions.stored(event);
        options.hooks?.afterStoreUpdate?.(event);
      },
      afterUnload(event) {
        summaries.unloaded(event.roomName);
        stageVersions.unloaded(event.roomName);
        options.hooks?.afterUnload?.(event);
        if (registry.roomCount === 0) idleCollection?.becameIdle();
      },
    },
    logger,
    ...roomLimitsOf(config),
    onWriteRefused: (_session, refusal) => metrics.refusals.inc({ code: CloseCode.Forbidden, reason: refusal.code }),
    joinCluster: cluster?.joinRoom,
    compactionLease: cluster?.compactionLease,
    // The same `gc` as the idle collection's: a very large update is collected around (room-commits.ts).
    collectGarbage: options.collectWhenIdle?.collect,
  });
  // Ended sessions close their connections: at once when ended here or in the cluster, else at the next check.
  const sessionWatch: SessionWatch = new SessionWatch({
    users: storage.users,
    sessions: storage.sessions,
    connected: () => registry.sessions(),
    endConnections: (which, detail) => registry.endSessions(which, detail),
    intervalMs: config.sessionCheckSeconds * 1000,
    log: logger,
    publish: cluster
      ? (end) => cluster?.publishSessionEnd(end.userId, end.sessionIds ? [...end.sessionIds] : null)
      : undefined,
  });
  const transport = createSyncTransport({
    storage,
    tokens,
    publicOrigin: auth.publicOrigin,
    registry,
    logger,
    maxMessageBytes: config.maxMessageBytes,
    rateLimits: config.rateLimits,
    accountRateLimits: config.accountRateLimits,
    maxBufferedBytes: config.maxBufferedBytes,
    maxConnectionsPerUser: config.maxConnectionsPerUser,
    keepaliveMs: config.keepaliveMs,
    metrics,
  });
  if (config.clipFetch.allowLoopback) {
    logger.warn(
      'DAMPINGI_CLIP_FETCH_ALLOW_LOOPBACK is on: clips from a URL may fetch from this machine (127.0.0.0/8, ::1). ' +
        'This is for tests only; turn it off on any server people use.',
    );
  }
  const clipFetch = createClipFetchService({
    settings: config.clipFetch,
    version: packageVersion(),
    resolve: options.resolveHost,
  });
  const httpServer = createServer(
    createHttpHandler({
      storage,
      tokens,
      accessChanged: (draftId, userId, role) => {
        registry.reviseAccess(draftId, userId, role);
        cluster?.publishAccess(draftId, userId, role); // open connections on other processes follow too
      },
      sessionsEnded: (end) => sessionWatch.ended(end),
      draftSummary: (draft) => summaries.summaryOf(draft),
      readDocument: (name, read) =>
        readCurrentDocument(
          { documents: storage.documents, openRoom: (room) => registry.room(room), logger },
          name,
          read,
        ),
      logger,
      auth,
      clipFetch,
      inboxLimits: config.inboxLimits,
      webDir: config.webDir,
      version: packageVersion(),
      maxJsonBodyBytes: config.maxJsonBodyBytes,
      maxTemplateBytes: config.maxTemplateBytes,
      metrics,
      metricsToken: config.metricsToken,
      cors: { extensionOrigins: config.extensionOrigins },
      joinLimits: createJoinLimits(config.joinLimits, { trustProxy: config.trustProxy }),
      stats: () => ({ rooms: registry.roomCount, connections: registry.connectionCount }),
    }),
  );
  httpServer.on('upgrade', transport.handleUpgrade);
  sessionWatch.start();

  try {
    await new Promise<void>((done, fail) => {
      httpServer.once('error', fail);
      httpServer.listen(config.port, config.host, () => {
        httpServer.off('error', fail);
        done();
      });
    });
  } catch (error) {
    await cluster?.close();
    await opened.close();
    throw error;
  }
  let metricsServer: MetricsServer | null = null;
  if (config.metricsPort !== null) {
    try {
      metricsServer = await startMetricsServer(config.metricsPort, metrics, (error) =>
        logger.error({ err: error }, 'rendering /metrics failed'),
      );
    } catch (error) {
      await new Promise<void>((done) => httpServer.close(() => done()));
      await cluster?.close();
      await opened.close();
      throw error;
    }
  }
  const port = (httpServer.address() as AddressInfo).port;
  const url = publicBaseUrl(config, port);
  listeningUrl = url;
  logger.info(
    { url, storage: storage.kind, dataDir: config.dataDir, webDir: config.webDir, metricsUrl: metricsServer?.url },
    `Dampingi server listening on ${url}`,
  );
  await offerSetupCode(storage, logger, `${auth.publicUrl()}${EDITOR_PAGE}`);

  let closing: Promise<void> | null = null;
  async function close(): Promise<void> {
    sessionWatch.stop();
    const stopped = new Promise<void>((done) => httpServer.close(() => done()));
    await metricsServer?.close();
    await registry.closeAll();
    await transport.close(CLOSE_GRACE_MS);
    httpServer.closeAllConnections();
    await stopped;
    await summaries.whenIdle();
    await stageVersions.whenIdle();
    idleCollection?.stop();
    await clipFetch.close();
    await cluster?.close();
    await opened.close();
    auth.mailer?.close();
    logger.info('Dampingi server stopped');
  }
  return {
    url,
    port,
    metricsUrl: metricsServer?.url ?? null,
    close: () => {
      closing ??= close();
      return closing;
    },
  };
}
