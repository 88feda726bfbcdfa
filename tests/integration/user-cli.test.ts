/** `npm run user` against a running server: the printed one-time link and token work at once. */
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DraftInfoSchema, MeResponseSchema } from '../../shared/protocol/api';
import { SigninResponseSchema } from '../../shared/protocol/auth-api';
import { connectClient, destroyAllClients } from './support/sync-client';
import { startTestServer, type TestServer } from './support/test-server';
import { waitFor } from './support/wait-for';

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
  it('adding a user while the server runs prints a one-time sign-in link that works once, right away', async () => {
    const { stdout } = await runUserCli('add', 'Bu Sari', '--email', 'sari@sekolah.sch.id');
    const link = /Sign-in link: (\S+)/.exec(stdout)?.[1] ?? '';
    const secret = new URL(link).searchParams.get('signin') ?? '';
    expect(link).toBe(`${server.url()}/editor.html?signin=${secret}`);
    expect(stdout).not.toContain('Token:');

    const redeem = () =>
      fetch(`${server.url()}/api/auth/redeem`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ secret, client: 'extension' }),
      });
    const first = await redeem();
    expect(first.status).toBe(200);
    const signedIn = SigninResponseSchema.parse(await first.json());
    if (signedIn.status !== 'signed-in' || !signedIn.token) throw new Error('expected a token');
    expect(signedIn.user).toMatchObject({ name: 'Bu Sari', email: 'sari@sekolah.sch.id', isAdmin: false });
    const token = signedIn.token.token;
    // Once only: a link forwarded or left in a mailbox is worth nothing afterwards.
    expect((await redeem()).status).toBe(410);

    const me = await fetch(`${server.url()}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(MeResponseSchema.parse(await me.json()).name).toBe('Bu Sari');
    const draft = await server.createDraft(token, 'Fotosintesis');
    const client = connectClient(server.url(), draft.id, token);
    await client.whenSynced();

    const { stdout: listing } = await runUserCli('list');
    expect(listing).toContain('Bu Sari');
    expect(listing).toContain('sari@sekolah.sch.id');
    expect(listing).not.toContain(secret);
  });

  it('revoking stops every token of the user at once; a new one works', async () => {
    const { stdout } = await runUserCli('add', 'Pak Budi');
    const id = /\(id ([A-Za-z0-9_-]+)\)/.exec(stdout)?.[1] ?? '';
    const { stdout: issued } = await runUserCli('token', id);
    const token = /Token: (\S+)/.exec(issued)?.[1] ?? '';
    const me = (bearer: string) => fetch(`${server.url()}/api/me`, { headers: { authorization: `Bearer ${bearer}` } });
    expect((await me(token)).status).toBe(200);

    await runUserCli('revoke', id);
    // Revoking moves the start of the user's valid tokens to the next whole second (tokens carry
    // their time in seconds): a token issued before then would be refused too. Wait for that second.
    const validFrom = (Math.floor(Date.now() / 1000) + 1) * 1000;
    expect((await me(token)).status).toBe(401);
    await waitFor(() => Date.now() >= validFrom, 'the second the revocation counts from');
    const { stdout: renewed } = await runUserCli('token', id);
    const fresh = /Token: (\S+)/.exec(renewed)?.[1] ?? '';
    expect(fresh).not.toBe(token);
    expect((await me(fresh)).status).toBe(200);
  });

  it('a teacher belongs to a workspace and creates drafts in it, not in one she does not belong to', async () => {
    const { stdout } = await runUserCli('add', 'Bu Sari');
    const userId = /\(id ([A-Za-z0-9_-]+)\)/.exec(stdout)?.[1] ?? '';
    const token = /Token: (\S+)/.exec((await runUserCli('token', userId)).stdout)?.[1] ?? '';
    const created = await runUserCli('workspace', 'create', 'SMPN 1 Kupang');
    const workspaceId = /\(id ([A-Za-z0-9_-]+)\)/.exec(created.stdout)?.[1] ?? '';
    const other = await runUserCli('workspace', 'create', 'SDN 3 Ende');
    const otherId = /\(id ([A-Za-z0-9_-]+)\)/.exec(other.stdout)?.[1] ?? '';
    await runUserCli('workspace', 'add', workspaceId, userId);
    await expect(runUserCli('workspace', 'add', workspaceId, 'nobody-there')).rejects.toMatchObject({ code: 2 });

    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const me = MeResponseSchema.parse(await (await fetch(`${server.url()}/api/me`, { headers })).json());
    expect(me.workspaces).toEqual([{ id: workspaceId, name: 'SMPN 1 Kupang' }]);
    const create = (id: string) =>
      fetch(`${server.url()}/api/drafts`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ title: 'LKPD', workspaceId: id }),
      });
    const inOwn = await create(workspaceId);
    expect(inOwn.status).toBe(201);
    expect(DraftInfoSchema.parse(await inOwn.json()).workspaceId).toBe(workspaceId);
    expect((await create(otherId)).status).toBe(403);
    expect((await runUserCli('workspace', 'list')).stdout).toContain('SDN 3 Ende');
  });

  it('a name is required', async () => {
    await expect(runUserCli('add', '   ')).rejects.toMatchObject({ code: 2 });
    await expect(runUserCli('hapus')).rejects.toMatchObject({ code: 2 });
  });
});
