/**
 * Who may do what, end to end through the real server: each role × (read, edit content, write
 * feedback, manage members), plus strangers, expired, forged and revoked tokens, revoked share
 * links, and a role changed while connected. Clients are the stock y-websocket provider.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createSessionTokens } from '../../server/auth/session-tokens';
import { loadTokenSecret } from '../../server/auth/token-secret';
import { revokeTokens } from '../../server/cli/user-commands';
import type { GrantableRole, Role } from '../../shared/auth/roles';
import { addThread, threadsMap } from '../../shared/mentoring/threads';
import { apiPaths, CreateShareLinkResponseSchema, type DraftInfo } from '../../shared/protocol/api';
import { CloseCode } from '../../shared/protocol/close-codes';
import { roomName } from '../../shared/protocol/rooms';
import { connectClient, destroyAllClients, openRawSocket, type SyncClient } from './support/sync-client';
import { startTestServer, type TestServer } from './support/test-server';
import { waitFor } from './support/wait-for';

let server: TestServer;
let draft: DraftInfo;
const tokens = {} as Record<Role | 'stranger', string>;
const userIds = {} as Record<Role | 'stranger', string>;

const allowed: Record<Role, { edit: boolean; feedback: boolean; manage: boolean }> = {
  owner: { edit: true, feedback: true, manage: true },
  editor: { edit: true, feedback: true, manage: false },
  commenter: { edit: false, feedback: true, manage: false },
  viewer: { edit: false, feedback: false, manage: false },
};

async function call(path: string, token: string | null, init: { method?: string; body?: unknown } = {}) {
  const response = await fetch(`${server.url()}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function storedDoc(name: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const stored = await server.storedDocument(name);
  if (stored?.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const { update } of stored?.updates ?? []) Y.applyUpdate(doc, update);
  return doc;
}

async function synced(room: string, token: string): Promise<SyncClient> {
  const client = connectClient(server.url(), room, token);
  await client.whenSynced();
  return client;
}

beforeAll(async () => {
  server = await startTestServer();
  for (const role of ['owner', 'editor', 'commenter', 'viewer', 'stranger'] as const) {
    const user = await server.addUser(`Pengguna ${role}`);
    tokens[role] = user.token;
    userIds[role] = user.id;
  }
  draft = await server.createDraft(tokens.owner, 'Modul ajar fotosintesis');
  for (const role of ['editor', 'commenter', 'viewer'] as const) {
    await server.shareDraft(tokens.owner, draft.id, tokens[role], role);
  }
  const owner = await synced(draft.id, tokens.owner);
  owner.doc.getText('t').insert(0, 'Tumbuhan membuat makanan. ');
  await waitFor(async () => (await storedDoc(draft.id)).getText('t').length > 0, 'the first text to be stored');
  owner.destroy();
});
afterEach(() => destroyAllClients());
afterAll(async () => {
  await server?.dispose();
});

describe.each(['owner', 'editor', 'commenter', 'viewer'] as const)('a %s', (role) => {
  it('reads the draft, and everyone sees them online', async () => {
    const observer = await synced(draft.id, tokens.owner);
    const client = await synced(draft.id, tokens[role]);
    expect(client.doc.getText('t').toString()).toContain('Tumbuhan membuat makanan.');
    client.provider.awareness.setLocalStateField('marker', role);
    await waitFor(
      () => [...observer.provider.awareness.getStates().values()].some((state) => state.marker === role),
      `${role} to appear online`,
    );
  });

  it(`${allowed[role].edit ? 'edits' : 'cannot edit'} the content`, async () => {
    const observer = await synced(draft.id, tokens.owner);
    const client = await synced(draft.id, tokens[role]);
    const mark = ` [isi dari ${role}]`;
    client.doc.getText('t').insert(client.doc.getText('t').length, mark);
    if (allowed[role].edit) {
      await waitFor(() => observer.doc.getText('t').toString().includes(mark), 'the edit to reach the owner');
      expect((await storedDoc(draft.id)).getText('t').toString()).toContain(mark);
      expect(client.refusals).toEqual([]);
      return;
    }
    await waitFor(() => client.refusals.length > 0, 'the server to refuse the edit');
    expect(client.refusals[0]).toEqual({ code: 'read-only', role, room: draft.id });
    // A later edit by the owner arrives, the refused one never does, and nothing refused is stored.
    observer.doc.getText('t').insert(0, '>');
    await waitFor(() => client.doc.getText('t').toString().startsWith('>'), 'the owner edit to arrive');
    expect(observer.doc.getText('t').toString()).not.toContain(mark);
    expect((await storedDoc(draft.id)).getText('t').toString()).not.toContain(mark);
    expect(client.provider.wsconnected).toBe(true);
  });

  it(`${allowed[role].feedback ? 'writes' : 'cannot write'} feedback`, async () => {
    const feedbackRoom = roomName(draft.id, 'mentoring');
    const client = await synced(feedbackRoom, tokens[role]);
    // A well-formed thread in the writer's own name: the feedback rules refuse anything else.
    const anchor = { start: 'AQID', end: 'AQIE', quote: 'Tumbuhan', prefix: '', suffix: ' membuat' };
    const body = { kind: 'strength' as const, anchor, body: 'Bagian pembuka sudah menarik.' };
    addThread(client.doc, body, { id: userIds[role], name: `Pengguna ${role}` }, new Date(), `dari-${role}`);
    if (allowed[role].feedback) {
      await waitFor(
        async () => threadsMap(await storedDoc(feedbackRoom)).has(`dari-${role}`),
        'the feedback to be stored',
      );
      expect(client.refusals).toEqual([]);
    } else {
      await waitFor(() => client.refusals.length > 0, 'the server to refuse the feedback');
      expect(client.refusals[0]).toMatchObject({ code: 'read-only', role, room: feedbackRoom });
      expect(threadsMap(await storedDoc(feedbackRoom)).has(`dari-${role}`)).toBe(false);
    }
  });

  it(`${allowed[role].manage ? 'manages' : 'cannot manage'} members and share links`, async () => {
    const expected = allowed[role].manage ? [200, 201] : [403, 403];
    const links = await call(apiPaths.links(draft.id), tokens[role]);
    const created = await call(apiPaths.links(draft.id), tokens[role], { method: 'POST', body: { role: 'viewer' } });
    expect([links.status, created.status]).toEqual(expected);
    const members = await call(apiPaths.members(draft.id), tokens[role]);
    expect(members.status).toBe(200);
    if (role !== 'owner') {
      const ownerId = (members.body.members as { userId: string; role: string }[]).find(
        (m) => m.role === 'owner',
      )?.userId;
      const demote = await call(apiPaths.member(draft.id, ownerId ?? ''), tokens[role], {
        method: 'PUT',
        body: { role: 'viewer' },
      });
      expect(demote.status).toBe(403);
    }
  });
});

describe('people without a valid right', () => {
  it('a signed-in stranger can neither open, list nor connect to the draft', async () => {
    expect((await call(apiPaths.draft(draft.id), tokens.stranger)).status).toBe(404);
    expect((await call(apiPaths.members(draft.id), tokens.stranger)).status).toBe(404);
    expect((await call(apiPaths.drafts, tokens.stranger)).body.drafts).toEqual([]);
    const socket = await openRawSocket(server.url(), draft.id, tokens.stranger);
    expect((await socket.closed).code).toBe(CloseCode.Forbidden);
  });

  it('expired, forged, unsigned and revoked tokens are refused by the API (401) and by sync (4401)', async () => {
    const secret = loadTokenSecret({ dataDir: server.dataDir, secret: null });
    const ownerId = ((await call(apiPaths.me, tokens.owner)).body as { id: string }).id;
    const expired = await createSessionTokens({ secret, ttlSeconds: 60, now: () => Date.now() - 3_600_000 }).issue(
      ownerId,
    );
    const forged = await createSessionTokens({
      secret: new TextEncoder().encode('x'.repeat(48)),
      ttlSeconds: 3600,
    }).issue(ownerId);
    const [, payload] = forged.token.split('.');
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
    const revokedUser = await server.addUser('Pak Lama');
    await server.shareDraft(tokens.owner, draft.id, revokedUser.token, 'editor');
    expect(await revokeTokens({ dataDir: server.dataDir }, revokedUser.id)).toBe(true);

    const cases = [
      ['expired', expired.token, /expired/],
      ['forged', forged.token, /unknown or malformed/],
      ['unsigned', unsigned, /unknown or malformed/],
      ['revoked', revokedUser.token, /ended/],
    ] as const;
    for (const [what, token, message] of cases) {
      const reply = await call(apiPaths.drafts, token);
      expect(reply.status, what).toBe(401);
      expect((reply.body.error as { message: string }).message, what).toMatch(message);
      const socket = await openRawSocket(server.url(), draft.id, token);
      expect((await socket.closed).code, what).toBe(CloseCode.Unauthorized);
    }
  });
});

describe('share links and roles over time', () => {
  async function newLink(role: GrantableRole): Promise<{ id: string; secret: string }> {
    const reply = await call(apiPaths.links(draft.id), tokens.owner, { method: 'POST', body: { role } });
    const { link, secret } = CreateShareLinkResponseSchema.parse(reply.body);
    return { id: link.id, secret };
  }

  it('revoking a link closes the open connections it allowed, and the link no longer lets anyone in', async () => {
    const { token } = await server.addUser('Bu Rina');
    const link = await newLink('commenter');
    expect((await call(apiPaths.join, token, { method: 'POST', body: { secret: link.secret } })).status).toBe(200);
    const socket = await openRawSocket(server.url(), draft.id, token);

    expect((await call(apiPaths.link(draft.id, link.id), tokens.owner, { method: 'DELETE' })).status).toBe(200);
    expect(await socket.closed).toMatchObject({ code: CloseCode.Forbidden });
    expect((await call(apiPaths.draft(draft.id), token)).status).toBe(404);
    const again = await call(apiPaths.join, token, { method: 'POST', body: { secret: link.secret } });
    expect(again.status).toBe(410);
    expect(again.body.error).toMatchObject({ code: 'gone' });
    const stranger = await call(apiPaths.join, null, { method: 'POST', body: { secret: link.secret, name: 'Tamu' } });
    expect(stranger.status).toBe(410);
  });

  it('a mentor without an account joins by link with just a name, and gets a working token', async () => {
    const link = await newLink('commenter');
    const joined = await call(apiPaths.join, null, {
      method: 'POST',
      body: { secret: link.secret, name: 'Pak Mentor', client: 'extension' },
    });
    expect(joined.status).toBe(200);
    const session = joined.body.session as { token: string; user: { name: string } };
    expect(session.user.name).toBe('Pak Mentor');
    expect((joined.body.draft as DraftInfo).role).toBe('commenter');
    const client = await synced(draft.id, session.token);
    expect(client.doc.getText('t').toString()).toContain('Tumbuhan');
    const refreshed = await call(apiPaths.refreshSession, session.token, { method: 'POST' });
    expect(refreshed.status).toBe(200);
    expect((await call(apiPaths.me, (refreshed.body as { token: string }).token)).status).toBe(200);
  });

  it('a weaker link never lowers a role, and a role the owner changes applies to an open connection at once', async () => {
    const { token, id } = await server.addUser('Bu Dewi');
    await server.shareDraft(tokens.owner, draft.id, token, 'commenter');
    const viewerLink = await newLink('viewer');
    const joined = await call(apiPaths.join, token, { method: 'POST', body: { secret: viewerLink.secret } });
    expect((joined.body.draft as DraftInfo).role).toBe('commenter');

    const observer = await synced(draft.id, tokens.owner);
    const refused = await synced(draft.id, token);
    refused.doc.getText('t').insert(0, '[ditolak]');
    await waitFor(() => refused.refusals.length === 1, 'the commenter edit to be refused');
    // Later edits of that client build on the refused one, so the editor drops its copy (as here).
    refused.destroy();

    const client = await synced(draft.id, token);
    const promoted = await call(apiPaths.member(draft.id, id), tokens.owner, {
      method: 'PUT',
      body: { role: 'editor' },
    });
    expect(promoted.body).toMatchObject({ role: 'editor', viaLink: false });
    client.doc.getText('t').insert(0, '[diterima]');
    await waitFor(() => observer.doc.getText('t').toString().includes('[diterima]'), 'the editor edit to arrive');
    expect(client.provider.wsconnected).toBe(true);

    expect((await call(apiPaths.member(draft.id, id), tokens.owner, { method: 'DELETE' })).status).toBe(200);
    await waitFor(
      () => !client.provider.wsconnected || client.provider.wsLastMessageReceived === 0,
      'the removed member to be cut off',
    );
    expect((await call(apiPaths.draft(draft.id), token)).status).toBe(404);
  });
});
