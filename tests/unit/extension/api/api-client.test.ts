import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../../extension/api/api-client';
import type { DraftInfo, Member, ShareLink } from '../../../../shared/protocol/api';

const SERVER = 'http://dampingi.test';
const draft: DraftInfo = {
  id: 'draft-0001',
  title: 'LKPD',
  ownerId: 'u-sari',
  ownerName: 'Bu Sari',
  createdAt: '2026-11-23T08:00:00.000Z',
  updatedAt: '2026-11-23T09:00:00.000Z',
  mediaKind: 'blank' as const,
  role: 'commenter',
};
const member: Member = {
  userId: 'u-budi',
  name: 'Pak Budi',
  guest: false,
  role: 'viewer',
  viaLink: true,
  addedAt: '2026-11-23T08:00:00.000Z',
};
const link: ShareLink = {
  id: 'link-1',
  role: 'commenter',
  createdAt: '2026-11-23T08:00:00.000Z',
  expiresAt: null,
  revokedAt: null,
  members: 0,
};
const SECRET = 'abcdefghijklmnopqrstuvwxyz_-0123';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

interface Seen {
  method: string;
  path: string;
  body: unknown;
  auth: string | null;
}

/** A fetch that records each request and answers with `reply`. */
function recording(reply: (seen: Seen) => Response) {
  const requests: Seen[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const seen: Seen = {
      method: init?.method ?? 'GET',
      path: new URL(String(input)).pathname,
      body: init?.body ? JSON.parse(String(init.body)) : null,
      auth: new Headers(init?.headers).get('authorization'),
    };
    requests.push(seen);
    return reply(seen);
  }) as typeof fetch;
  return { requests, fetchImpl };
}

describe('the API client for roles and sharing', () => {
  it('asks for one draft and its members, links and changes at the documented paths', async () => {
    const { requests, fetchImpl } = recording(({ method, path }) => {
      if (path.endsWith('/members') && method === 'GET') return json(200, { members: [member] });
      if (path.includes('/members/') && method === 'PUT') return json(200, { ...member, role: 'editor' });
      if (path.includes('/members/') && method === 'DELETE') return json(200, { removed: true });
      if (path.endsWith('/links') && method === 'GET') return json(200, { links: [link] });
      if (path.endsWith('/links') && method === 'POST') return json(201, { link, secret: SECRET });
      if (path.includes('/links/') && method === 'DELETE') return json(200, { ...link, revokedAt: link.createdAt });
      return json(200, draft);
    });
    const api = createApiClient(SERVER, 'tok', fetchImpl);
    expect(await api.getDraft('draft-0001')).toEqual({ ok: true, value: draft });
    expect(await api.members('draft-0001')).toEqual({ ok: true, value: [member] });
    expect(await api.changeMember('draft-0001', 'u-budi', 'editor')).toMatchObject({
      ok: true,
      value: { role: 'editor' },
    });
    expect(await api.removeMember('draft-0001', 'u-budi')).toEqual({ ok: true, value: undefined });
    expect(await api.links('draft-0001')).toEqual({ ok: true, value: [link] });
    expect(await api.createLink('draft-0001', { role: 'commenter', expiresInDays: 7 })).toEqual({
      ok: true,
      value: { link, secret: SECRET },
    });
    expect(await api.revokeLink('draft-0001', 'link-1')).toMatchObject({
      ok: true,
      value: { revokedAt: link.createdAt },
    });
    expect(requests.map(({ method, path, body }) => [method, path, body])).toEqual([
      ['GET', '/api/drafts/draft-0001', null],
      ['GET', '/api/drafts/draft-0001/members', null],
      ['PUT', '/api/drafts/draft-0001/members/u-budi', { role: 'editor' }],
      ['DELETE', '/api/drafts/draft-0001/members/u-budi', null],
      ['GET', '/api/drafts/draft-0001/links', null],
      ['POST', '/api/drafts/draft-0001/links', { role: 'commenter', expiresInDays: 7 }],
      ['DELETE', '/api/drafts/draft-0001/links/link-1', null],
    ]);
    expect(requests.every((request) => request.auth === 'Bearer tok')).toBe(true);
  });

  it('joining without a token sends the name and returns the new session; a revoked link is "gone"', async () => {
    const session = { token: 'jwt', expiresAt: '2026-12-23T08:00:00.000Z', user: { id: 'u-new', name: 'Bu Ani' } };
    const { requests, fetchImpl } = recording(({ body }) =>
      (body as { secret: string }).secret === SECRET
        ? json(200, { draft, session })
        : json(410, { error: { code: 'gone', message: 'link revoked' } }),
    );
    const api = createApiClient(SERVER, null, fetchImpl);
    expect(await api.join({ secret: SECRET, name: 'Bu Ani' })).toEqual({ ok: true, value: { draft, session } });
    expect(requests[0]).toEqual({
      method: 'POST',
      path: '/api/join',
      body: { secret: SECRET, name: 'Bu Ani' },
      auth: null,
    });
    expect(await api.join({ secret: `x${SECRET}` })).toMatchObject({ ok: false, reason: 'gone' });
  });

  it('an error without our JSON body is still named by its status (410 is gone, 403 forbidden)', async () => {
    const answers = [new Response('Gone', { status: 410 }), new Response('<html>', { status: 403 })];
    const api = createApiClient(SERVER, 'tok', (async () => answers.shift()) as unknown as typeof fetch);
    expect(await api.join({ secret: SECRET })).toMatchObject({ ok: false, reason: 'gone' });
    expect(await api.members('draft-0001')).toMatchObject({ ok: false, reason: 'forbidden' });
  });

  it('refreshing the session posts with the current token and returns the new one', async () => {
    const session = {
      token: 'new-jwt',
      expiresAt: '2026-12-23T08:00:00.000Z',
      user: { id: 'u-sari', name: 'Bu Sari' },
    };
    const { requests, fetchImpl } = recording(() => json(200, session));
    expect(await createApiClient(SERVER, 'old-jwt', fetchImpl).refreshSession()).toEqual({ ok: true, value: session });
    expect(requests[0]).toMatchObject({ method: 'POST', path: '/api/session/refresh', auth: 'Bearer old-jwt' });
  });
});
