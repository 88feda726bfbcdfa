/** The server on PostgreSQL (DAMPINGI_DATABASE_URL): drafts outlive a restart, and a bad database stops it at start. */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startTestPostgres, type TestPostgres } from '../../scripts/dev/throwaway-postgres';
import { type RunningServer, startServer } from '../../server/app';
import { configFromEnv, type ServerConfig } from '../../server/config';
import { openPostgresStorage } from '../../server/storage/postgres/postgres-storage';
import { draftPlainText } from '../../shared/model/draft-doc';
import { DRAFT_CONTENT_FIELD } from '../../shared/model/draft-extensions';
import { connectClient, destroyAllClients } from './support/sync-client';
import { waitFor } from './support/wait-for';

const TOKEN_SECRET = 'a-test-secret-that-is-at-least-32-characters-long';
const ROOT = resolve(import.meta.dirname, '../..');

let postgres: TestPostgres;
const dirs: string[] = [];
beforeAll(async () => {
  postgres = await startTestPostgres();
}, 120_000);
afterAll(async () => {
  destroyAllClients();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  await postgres?.stop();
}, 60_000);

function configFor(databaseUrl: string): ServerConfig {
  const dataDir = mkdtempSync(join(tmpdir(), 'dampingi-it-pg-'));
  dirs.push(dataDir);
  const loaded = configFromEnv({
    DAMPINGI_PORT: '0',
    DAMPINGI_DATA_DIR: dataDir,
    DAMPINGI_WEB_DIR: join(dataDir, 'web'),
    DAMPINGI_DATABASE_URL: databaseUrl,
    DAMPINGI_TOKEN_SECRET: TOKEN_SECRET,
    LOG_LEVEL: 'silent',
  });
  if (!loaded.ok) throw new Error(loaded.message);
  return { ...loaded.config, roomUnloadDelayMs: 50 };
}

describe('the server on PostgreSQL', () => {
  it('a draft written through the server is in PostgreSQL and there for a new client after a restart', async () => {
    const databaseUrl = await postgres.createDatabase();
    const config = configFor(databaseUrl);
    // `npm run user` with the same configuration creates the teacher in PostgreSQL.
    const { stdout } = await promisify(execFile)(
      join(ROOT, 'node_modules/.bin/tsx'),
      ['server/cli/user.ts', 'add', 'Bu Sari', '--token'],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          DAMPINGI_DATA_DIR: config.dataDir,
          DAMPINGI_DATABASE_URL: databaseUrl,
          DAMPINGI_TOKEN_SECRET: TOKEN_SECRET,
        },
      },
    );
    const token = /Token: (\S+)/.exec(stdout)?.[1] ?? '';
    const userId = /\(id ([^)]+)\)/.exec(stdout)?.[1] ?? '';
    const admin = await openPostgresStorage({ url: databaseUrl });
    expect(await admin.users.getUser(userId)).toMatchObject({ name: 'Bu Sari' });
    const logger = pino({ level: 'silent' });

    let server: RunningServer = await startServer(config, { logger });
    try {
      const created = await fetch(`${server.url}/api/drafts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Fotosintesis' }),
      });
      expect(created.status).toBe(201);
      const { id: room } = (await created.json()) as { id: string };
      expect(await admin.drafts.getDraftForMember(room, userId)).toMatchObject({ role: 'owner' });

      const writer = connectClient(server.url, room, token);
      await writer.whenSynced();
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('Daun menangkap cahaya.')]);
      writer.doc.getXmlFragment(DRAFT_CONTENT_FIELD).insert(0, [paragraph]);
      // The server stores before it broadcasts, so once a witness sees it, it is in PostgreSQL.
      const witness = connectClient(server.url, room, token);
      await waitFor(() => draftPlainText(witness.doc).includes('Daun menangkap cahaya.'), 'the witness to see it');
      const stored = await admin.documents.loadDocument(room);
      expect(stored?.updates.length).toBeGreaterThan(0);
      destroyAllClients();

      await server.close();
      server = await startServer(config, { logger });
      const reader = connectClient(server.url, room, token);
      await reader.whenSynced();
      expect(draftPlainText(reader.doc)).toBe('Daun menangkap cahaya.');
    } finally {
      destroyAllClients();
      await server.close();
      await admin.close();
    }
  });

  it('an unreachable database stops the server at start with a message naming its host, not its password', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dampingi-it-pg-'));
    dirs.push(dataDir);
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: {
        ...process.env,
        DAMPINGI_PORT: '0',
        DAMPINGI_DATA_DIR: dataDir,
        DAMPINGI_DATABASE_URL: 'postgres://dampingi:geheim-sandi@127.0.0.1:1/dampingi',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const code = await new Promise<number | null>((done) => child.once('exit', (exitCode) => done(exitCode)));
    expect(code).toBe(1);
    expect(output).toContain('Dampingi could not start: PostgreSQL at 127.0.0.1:1/dampingi');
    expect(output).not.toContain('geheim-sandi');
  });
});
