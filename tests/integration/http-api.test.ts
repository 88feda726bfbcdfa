/** The JSON API and the static web editor, over real HTTP. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ApiErrorResponseSchema,
  DraftInfoSchema,
  DraftListResponseSchema,
  HealthResponseSchema,
  MeResponseSchema,
} from '../../shared/protocol/api';
import { connectClient, destroyAllClients } from './support/sync-client';
import { startTestServer, type TestServer } from './support/test-server';
import { waitFor } from './support/wait-for';

let server: TestServer | null = null;

afterEach(async () => {
  destroyAllClients();
  await server?.dispose();
  server = null;
});

async function started(options: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
  server = await startTestServer(options);
  return server;
}

function api(base: string, path: string, token: string | null, init: RequestInit = {}) {
  return fetch(`${base}${path}`, {
    ...init,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(init.body ? { 'content-type': 'application/json' } : {}),
    },
  });
}

async function errorCode(response: Response): Promise<string> {
  return ApiErrorResponseSchema.parse(await response.json()).error.code;
}

describe('the JSON API', () => {
  it('health reports the storage and live rooms and connections without signing in', async () => {
    const s = await started();
    const response = await fetch(`${s.url()}/health`);
    expect(response.status).toBe(200);
    expect(HealthResponseSchema.parse(await response.json())).toMatchObject({
      ok: true,
      storage: 'sqlite',
      rooms: 0,
      connections: 0,
    });
  });

  it('a signed-in teacher sees who she is, creates drafts and lists them newest first', async () => {
    const s = await started();
    const { token, id, name } = await s.addUser('Bu Sari');
    const me = await api(s.url(), '/api/me', token);
    expect(MeResponseSchema.parse(await me.json())).toMatchObject({
      id,
      name,
      guest: false,
      workspaces: [],
      email: null,
      isAdmin: false,
      sessionKind: 'link',
    });

    const created = await api(s.url(), '/api/drafts', token, {
      method: 'POST',
      body: JSON.stringify({ title: '  Fotosintesis kelas 5 ' }),
    });
    expect(created.status).toBe(201);
    const first = DraftInfoSchema.parse(await created.json());
    expect(first).toMatchObject({ title: 'Fotosintesis kelas 5', ownerId: id, ownerName: 'Bu Sari' });
    expect(first.id.length).toBeGreaterThanOrEqual(16);
    const second = await s.createDraft(token, 'Pecahan');

    const list = await api(s.url(), '/api/drafts', token);
    const { drafts } = DraftListResponseSchema.parse(await list.json());
    expect(drafts.map((draft) => draft.id)).toEqual([second.id, first.id]);
    const one = await api(s.url(), `/api/drafts/${first.id}`, token);
    expect(DraftInfoSchema.parse(await one.json())).toEqual(first);
  });

  it('a draft is listed only for its members, each with their own role', async () => {
    const s = await started();
    const teacher = await s.addUser('Bu Sari');
    const mentor = await s.addUser('Pak Budi');
    const draft = await s.createDraft(teacher.token, 'Fotosintesis');
    const listFor = async (token: string) =>
      DraftListResponseSchema.parse(await (await api(s.url(), '/api/drafts', token)).json()).drafts;
    expect(await listFor(mentor.token)).toEqual([]);
    await s.shareDraft(teacher.token, draft.id, mentor.token, 'commenter');
    expect((await listFor(mentor.token)).map((entry) => [entry.id, entry.role])).toEqual([[draft.id, 'commenter']]);
    expect((await listFor(teacher.token)).map((entry) => [entry.id, entry.role])).toEqual([[draft.id, 'owner']]);
  });

  it('without a valid token the API answers 401 unauthorized', async () => {
    const s = await started();
    for (const token of [null, 'salah']) {
      for (const path of ['/api/me', '/api/drafts']) {
        const response = await api(s.url(), path, token);
        expect(response.status, `${path} with ${token}`).toBe(401);
        expect(await errorCode(response)).toBe('unauthorized');
      }
    }
  });

  it('a bad draft body is 400 bad-request, a huge one 413, and unknown paths 404 — all as JSON errors', async () => {
    const s = await started();
    const { token } = await s.addUser('Bu Sari');
    for (const body of [
      '{"title":""}',
      '{"judul":"x"}',
      '[]',
      '{not json',
      JSON.stringify({ title: 'x'.repeat(201) }),
    ]) {
      const response = await api(s.url(), '/api/drafts', token, { method: 'POST', body });
      expect(response.status, body).toBe(400);
      expect(await errorCode(response)).toBe('bad-request');
    }
    const huge = await api(s.url(), '/api/drafts', token, {
      method: 'POST',
      body: JSON.stringify({ title: 'x'.repeat(200 * 1024) }),
    });
    expect(huge.status).toBe(413);
    expect(await errorCode(huge)).toBe('payload-too-large');
    const missing = await api(s.url(), '/api/nothing', token);
    expect(missing.status).toBe(404);
    expect(await errorCode(missing)).toBe('not-found');
    const noDraft = await api(s.url(), '/api/drafts/tidak-ada-draf', token);
    expect(noDraft.status).toBe(404);
  });

  it('extension pages on another origin may call the API (CORS preflight)', async () => {
    const s = await started();
    const response = await fetch(`${s.url()}/api/drafts`, {
      method: 'OPTIONS',
      headers: { origin: 'chrome-extension://abc', 'access-control-request-headers': 'authorization' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
  });
});

describe('the web editor files', () => {
  function buildWebDir(s: TestServer): void {
    const dir = s.config.webDir;
    mkdirSync(join(dir, 'chunks'), { recursive: true });
    writeFileSync(join(dir, 'editor.html'), '<!doctype html><title>Dampingi</title>');
    writeFileSync(join(dir, 'chunks', 'editor-Ab12Cd34.js'), 'console.log(1)');
    writeFileSync(join(dir, 'web-sw.js'), 'self.addEventListener("fetch", () => {})');
    writeFileSync(join(dir, 'site.webmanifest'), '{}');
    writeFileSync(join(s.dataDir, 'secret.txt'), 'rahasia');
  }

  it('/ leads to the editor, and files come with the right type and caching', async () => {
    const s = await started();
    buildWebDir(s);
    const root = await fetch(`${s.url()}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/editor.html');

    const expectations: [string, string, string][] = [
      ['/editor.html', 'text/html', 'no-cache'],
      ['/web-sw.js', 'text/javascript', 'no-cache'],
      ['/chunks/editor-Ab12Cd34.js', 'text/javascript', 'immutable'],
      ['/site.webmanifest', 'application/manifest+json', 'no-cache'],
    ];
    for (const [path, type, cache] of expectations) {
      const response = await fetch(`${s.url()}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toContain(type);
      expect(response.headers.get('cache-control'), path).toContain(cache);
    }
  });

  it('files outside the web directory cannot be reached', async () => {
    const s = await started();
    buildWebDir(s);
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/chunks/..%2f..%2fsecret.txt']) {
      const response = await fetch(`${s.url()}${path}`);
      expect(response.status, path).toBe(404);
    }
  });

  it('without a build, / explains how to build the editor', async () => {
    const s = await started();
    rmSync(s.config.webDir, { recursive: true, force: true });
    const response = await fetch(`${s.url()}/`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build');
  });
});

describe('logs', () => {
  it('tokens never reach the log, not even from the sync URL', async () => {
    let logged = '';
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logged += chunk;
        done();
      },
    });
    const s = await started({ logger: pino({ level: 'trace' }, sink) });
    const { token } = await s.addUser('Bu Sari');
    const draft = await s.createDraft(token, 'Fotosintesis');
    const client = connectClient(s.url(), draft.id, token);
    await client.whenSynced();
    connectClient(s.url(), draft.id, 'token-palsu-yang-salah');
    await waitFor(() => logged.includes('sync connection refused'), 'the refusal to be logged');
    await api(s.url(), '/api/me?token=bocor', token);
    await fetch(`${s.url()}/editor.html?token=${token}`);
    destroyAllClients();
    await s.stop();
    expect(logged).toContain('connection joined');
    expect(logged).not.toContain(token);
    expect(logged).not.toContain('token-palsu-yang-salah');
    expect(logged).not.toContain('bocor');
  });
});
