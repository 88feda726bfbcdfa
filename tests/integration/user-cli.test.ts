/** `npm run user` against a running server: the printed token and sign-in link work at once. */
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MeResponseSchema } from '../../shared/protocol/api';
import { connectClient, destroyAllClients } from './support/sync-client';
import { startTestServer, type TestServer } from './support/test-server';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

let server: TestServer;

beforeEach(async () => {
  server = await startTestServer();
});

afterEach(async () => {
  destroyAllClients();
  await server.dispose();
});

function runUserCli(...args: string[]) {
  const port = new URL(server.url()).port;
  return promisify(execFile)(TSX, ['server/cli/user.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DAMPINGI_DATA_DIR: server.dataDir, DAMPINGI_PORT: port, DAMPINGI_HOST: '127.0.0.1' },
  });
}

describe('the user command', () => {
  it('adding a user while the server runs prints a token and sign-in link that work right away', async () => {
    const { stdout } = await runUserCli('add', 'Bu Sari');
    const link = /Sign-in link: (\S+)/.exec(stdout)?.[1] ?? '';
    const token = new URL(link).searchParams.get('token') ?? '';
    expect(link).toBe(`${server.url()}/editor.html?token=${token}`);
    expect(stdout).toContain(`Token: ${token}`);

    const me = await fetch(`${server.url()}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(MeResponseSchema.parse(await me.json()).name).toBe('Bu Sari');
    const draft = await server.createDraft(token, 'Fotosintesis');
    const client = connectClient(server.url(), draft.id, token);
    await client.whenSynced();

    const { stdout: listing } = await runUserCli('list');
    expect(listing).toContain('Bu Sari');
    expect(listing).not.toContain(token);
  });

  it('a name is required', async () => {
    await expect(runUserCli('add', '   ')).rejects.toMatchObject({ code: 2 });
    await expect(runUserCli('hapus')).rejects.toMatchObject({ code: 2 });
  });
});
