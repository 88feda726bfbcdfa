/**
 * The real server in-process on 127.0.0.1 with an ephemeral port and its own temp data dir; it can
 * be stopped and started again on the same data. Users are created the way the CLI creates them.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { type RunningServer, startServer } from '../../../server/app';
import { addToWorkspace, addUser, type CreatedUser, createWorkspace } from '../../../server/cli/user-commands';
import type { HostResolver } from '../../../server/clip-fetch/fetch-settings';
import { configFromEnv, type ServerConfig } from '../../../server/config';
import type { Logger } from '../../../server/logger';
import { openSqliteStorage } from '../../../server/storage/sqlite/sqlite-storage';
import type { Storage, StoredDocument } from '../../../server/storage/storage';
import type { GrantableRole } from '../../../shared/auth/roles';
import {
  apiPaths,
  type CreateDraftRequest,
  CreateShareLinkResponseSchema,
  type DraftInfo,
  DraftInfoSchema,
  JoinResponseSchema,
} from '../../../shared/protocol/api';

async function postJson(baseUrl: string, path: string, token: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json: unknown = await response.json();
  if (!response.ok) throw new Error(`POST ${path} failed: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** Every test server serves /metrics to this bearer token (DAMPINGI_METRICS_TOKEN), unless a test sets another. */
export const TEST_METRICS_TOKEN = 'test-metrics-token-0123456789';

export interface TestServer {
  readonly dataDir: string;
  readonly config: ServerConfig;
  /** Base URL of the running server (changes on restart: the port is ephemeral). */
  url(): string;
  /** `GET /metrics` on the public port with the metrics token. */
  fetchMetrics(): Promise<Response>;
  /** The loopback-only metrics URL when DAMPINGI_METRICS_PORT is set, else null. */
  metricsUrl(): string | null;
  start(): Promise<void>;
  stop(): Promise<void>;
  addUser(name: string): Promise<CreatedUser>;
  /** A workspace made the way the CLI makes it, with these users in it; its id. */
  addWorkspace(name: string, memberIds: readonly string[]): Promise<string>;
  /** Through the API; `options` name a template, its language or a workspace. */
  createDraft(token: string, title: string, options?: Omit<CreateDraftRequest, 'title'>): Promise<DraftInfo>;
  /** The owner shares the draft through a new link of `role`, and `memberToken`'s user joins with it. */
  shareDraft(ownerToken: string, draftId: string, memberToken: string, role: GrantableRole): Promise<void>;
  /** Reads a document straight from the SQLite file, through a second connection (as the CLI would). */
  storedDocument(name: string): Promise<StoredDocument | null>;
  /** Stops the server and removes the data dir. */
  dispose(): Promise<void>;
}

export interface TestServerOptions {
  env?: Record<string, string>;
  overrides?: Partial<ServerConfig>;
  logger?: Logger;
  /** Wraps the server's storage on every start, e.g. to count what reaches it (see server/app.ts). */
  wrapStorage?(storage: Storage): Storage;
  /** Host names for clips from a URL resolve through this stub (server/app.ts), never the real DNS. */
  resolveHost?: HostResolver;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dampingi-it-'));
  const webDir = join(dataDir, 'web');
  mkdirSync(webDir);
  const loaded = configFromEnv({
    DAMPINGI_PORT: '0',
    DAMPINGI_HOST: '127.0.0.1',
    DAMPINGI_DATA_DIR: dataDir,
    DAMPINGI_WEB_DIR: webDir,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    DAMPINGI_METRICS_TOKEN: TEST_METRICS_TOKEN,
    // Every test joins from 127.0.0.1, many in a second; tests of the join limits set their own.
    DAMPINGI_JOIN_RATE_PER_ADDRESS: '100000',
    ...options.env,
  });
  if (!loaded.ok) throw new Error(loaded.message);
  const config: ServerConfig = { ...loaded.config, roomUnloadDelayMs: 50, ...options.overrides };
  const logger = options.logger ?? pino({ level: config.logLevel });
  let running: RunningServer | null = null;

  const server: TestServer = {
    dataDir,
    config,
    url() {
      if (!running) throw new Error('the test server is not running');
      return running.url;
    },
    fetchMetrics() {
      return fetch(`${server.url()}/metrics`, { headers: { authorization: `Bearer ${config.metricsToken}` } });
    },
    metricsUrl() {
      if (!running) throw new Error('the test server is not running');
      return running.metricsUrl;
    },
    async start() {
      running = await startServer(config, {
        logger,
        wrapStorage: options.wrapStorage,
        resolveHost: options.resolveHost,
      });
    },
    async stop() {
      await running?.close();
      running = null;
    },
    async addUser(name) {
      const result = await addUser(
        { dataDir, tokenSecret: config.tokenSecret, tokenTtlSeconds: config.tokenTtlSeconds },
        name,
      );
      if (!result.ok) throw new Error(result.message);
      return result.user;
    },
    async addWorkspace(name, memberIds) {
      const cli = { dataDir, tokenSecret: config.tokenSecret };
      const created = await createWorkspace(cli, name);
      if (!created.ok) throw new Error(created.message);
      for (const userId of memberIds) {
        if (!(await addToWorkspace(cli, created.workspace.id, userId))) throw new Error(`could not add ${userId}`);
      }
      return created.workspace.id;
    },
    async createDraft(token, title, options = {}) {
      const response = await fetch(`${server.url()}/api/drafts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title, ...options }),
      });
      if (response.status !== 201) throw new Error(`creating a draft failed: ${response.status}`);
      return DraftInfoSchema.parse(await response.json());
    },
    async shareDraft(ownerToken, draftId, memberToken, role) {
      const created = await postJson(server.url(), apiPaths.links(draftId), ownerToken, { role });
      const { secret } = CreateShareLinkResponseSchema.parse(created);
      const joined = JoinResponseSchema.parse(await postJson(server.url(), apiPaths.join, memberToken, { secret }));
      if (joined.draft.id !== draftId) throw new Error('joined the wrong draft');
    },
    async storedDocument(name) {
      const storage = openSqliteStorage({ dataDir, synchronous: 'FULL' });
      try {
        return await storage.documents.loadDocument(name);
      } finally {
        await storage.close();
      }
    },
    async dispose() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}
