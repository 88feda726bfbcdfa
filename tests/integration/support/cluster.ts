/**
 * A real cluster on loopback for the cluster tests: Redis, a throwaway PostgreSQL, two server
 * processes (`node --import tsx server/main.ts`, so one can be SIGKILLed) and HAProxy in front.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import {
  freePort,
  type LocalHaproxy,
  type LocalPostgres,
  type LocalRedis,
  startHaproxy,
  startPostgres,
  startRedis,
} from '../../../scripts/dev/local-services';
import { addUser, type CreatedUser } from '../../../server/cli/user-commands';
import { openPostgresStorage } from '../../../server/storage/postgres/postgres-storage';
import type { Storage } from '../../../server/storage/storage';
import type { GrantableRole } from '../../../shared/auth/roles';
import { DRAFT_CONTENT_FIELD } from '../../../shared/model/draft-extensions';
import { apiPaths, CreateShareLinkResponseSchema, DraftInfoSchema } from '../../../shared/protocol/api';
import { type ServerProcess, startServerProcess } from './server-process';
import { waitFor } from './wait-for';

const TOKEN_SECRET = 'a-cluster-test-secret-that-is-at-least-32-characters';

export interface TestCluster {
  readonly redis: LocalRedis;
  readonly postgres: LocalPostgres;
  readonly haproxy: LocalHaproxy;
  /** Direct URLs of the two processes (the same after a restart). */
  readonly processUrls: readonly string[];
  process(index: number): ServerProcess;
  /** Starts process `index` again on its port (after a kill). */
  restartProcess(index: number): Promise<void>;
  addUser(name: string): Promise<CreatedUser>;
  createDraft(token: string, title: string): Promise<string>;
  shareDraft(ownerToken: string, draftId: string, memberToken: string, role: GrantableRole): Promise<void>;
  /** The document as PostgreSQL has it now, rebuilt the way a room loads it. */
  storedDoc(room: string): Promise<Y.Doc>;
  stop(): Promise<void>;
}

async function postJson(url: string, token: string, body: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

export async function startTestCluster(): Promise<TestCluster> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dampingi-cluster-it-'));
  const [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
  const ports = [await freePort(), await freePort()];
  const env = {
    DAMPINGI_DATABASE_URL: postgres.url,
    DAMPINGI_REDIS_URL: redis.url,
    DAMPINGI_TOKEN_SECRET: TOKEN_SECRET,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
  const start = (index: number) =>
    startServerProcess({ dataDir: join(dataDir, `p${index}`), port: ports[index] as number, env });
  const processes = await Promise.all([start(0), start(1)]);
  const haproxy = await startHaproxy(ports.map((port, index) => ({ name: `p${index}`, port })));
  // HAProxy counts a server up after two health checks.
  await waitFor(
    async () => (await fetch(`${haproxy.url}${apiPaths.health}`).catch(() => null))?.ok === true,
    'HAProxy',
  );
  let reader: Storage | null = null;

  const cluster: TestCluster = {
    redis,
    postgres,
    haproxy,
    processUrls: ports.map((port) => `http://127.0.0.1:${port}`),
    process: (index) => processes[index] as ServerProcess,
    async restartProcess(index) {
      processes[index] = await start(index);
    },
    async addUser(name) {
      const created = await addUser({ dataDir, databaseUrl: postgres.url, tokenSecret: TOKEN_SECRET }, name);
      if (!created.ok) throw new Error(created.message);
      return created.user;
    },
    async createDraft(token, title) {
      return DraftInfoSchema.parse(await postJson(`${haproxy.url}${apiPaths.drafts}`, token, { title })).id;
    },
    async shareDraft(ownerToken, draftId, memberToken, role) {
      const link = CreateShareLinkResponseSchema.parse(
        await postJson(`${haproxy.url}${apiPaths.links(draftId)}`, ownerToken, { role }),
      );
      await postJson(`${haproxy.url}${apiPaths.join}`, memberToken, { secret: link.secret });
    },
    async storedDoc(room) {
      reader ??= await openPostgresStorage({ url: postgres.url });
      const stored = await reader.documents.loadDocument(room);
      const doc = new Y.Doc();
      if (stored?.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const { update } of stored?.updates ?? []) Y.applyUpdate(doc, update);
      return doc;
    },
    async stop() {
      await reader?.close().catch(() => undefined);
      for (const child of processes) child.kill('SIGTERM');
      await Promise.all(processes.map((child) => child.exited.catch(() => undefined)));
      await haproxy.stop();
      await redis.stop();
      postgres.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return cluster;
}

/** One paragraph appended to the draft's content, as the editor would write it. */
export function appendParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const content = doc.getXmlFragment(DRAFT_CONTENT_FIELD);
  content.insert(content.length, [paragraph]);
}

/** The same document state: same updates seen, same deletions. */
export function sameState(a: Y.Doc, b: Y.Doc): boolean {
  return Y.equalSnapshots(Y.snapshot(a), Y.snapshot(b));
}
