/**
 * What another website, a curious visitor and a flood of joins meet over HTTP: every answer says
 * "no framing, no referrer, no sniffing" (the editor's pages with a strict CSP), only this server's
 * and the extension's pages may read the API, /metrics is for operators, and /api/join is limited.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { apiPaths, CreateShareLinkResponseSchema } from '../../shared/protocol/api';
import { startTestServer, type TestServer } from './support/test-server';

const EVIL = 'https://evil.example';
const EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const METRICS_TOKEN = 'metrics-token-for-this-test-0123';

let server: TestServer | null = null;
afterEach(async () => {
  await server?.dispose();
  server = null;
});

async function serverWith(env: Record<string, string> = {}): Promise<TestServer> {
  server = await startTestServer({ env });
  writeFileSync(
    join(server.config.webDir, 'editor.html'),
    '<!doctype html><title>Dampingi</title><div id="root"></div>',
  );
  return server;
}

function expectHardened(response: Response, what: string): void {
  expect(response.headers.get('content-security-policy'), what).toMatch(/frame-ancestors 'none'/);
  expect(response.headers.get('referrer-policy'), what).toBe('no-referrer');
  expect(response.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(response.headers.get('x-frame-options'), what).toBe('DENY');
}

async function shareLink(running: TestServer, ownerToken: string, draftId: string): Promise<string> {
  const response = await fetch(`${running.url()}${apiPaths.links(draftId)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ownerToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ role: 'commenter' }),
  });
  return CreateShareLinkResponseSchema.parse(await response.json()).secret;
}

function joinDraft(running: TestServer, body: { secret: string; name?: string }, token?: string): Promise<Response> {
  return fetch(`${running.url()}${apiPaths.join}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

describe('security headers', () => {
  it('the editor page, API answers, errors, 404s, /health and /metrics all forbid framing, referrers and sniffing', async () => {
    const running = await serverWith();
    const page = await fetch(`${running.url()}/editor.html`);
    expect(page.status).toBe(200);
    expectHardened(page, 'editor page');
    const csp = page.headers.get('content-security-policy') ?? '';
    const host = new URL(running.url()).host;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(csp).toContain(`connect-src 'self' ws://${host} wss://${host}`);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("form-action 'self'");

    const answers = {
      'API answer': await fetch(`${running.url()}/api/me`),
      'API 404': await fetch(`${running.url()}/api/nothing-here`),
      'static 404': await fetch(`${running.url()}/missing.js`),
      health: await fetch(`${running.url()}/health`),
      metrics: await running.fetchMetrics(),
      'metrics refused': await fetch(`${running.url()}/metrics`),
    };
    expect(answers['API answer'].status).toBe(401);
    expect(answers['static 404'].status).toBe(404);
    for (const [what, response] of Object.entries(answers)) expectHardened(response, what);
  });
});

describe('CORS: who may read the API', () => {
  it("the server's own origin and an extension page are allowed, by name and never *; answers vary by Origin", async () => {
    const running = await serverWith();
    for (const origin of [running.url(), EXTENSION]) {
      const answer = await fetch(`${running.url()}/health`, { headers: { origin } });
      expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
      expect(answer.headers.get('vary')).toMatch(/origin/i);
      const preflight = await fetch(`${running.url()}${apiPaths.drafts}`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
      expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    }
  });

  it('another website gets no CORS headers, and its preflight is refused', async () => {
    const running = await serverWith();
    const answer = await fetch(`${running.url()}/health`, { headers: { origin: EVIL } });
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    expect(answer.headers.get('vary')).toMatch(/origin/i);
    const preflight = await fetch(`${running.url()}${apiPaths.join}`, {
      method: 'OPTIONS',
      headers: {
        origin: EVIL,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('with DAMPINGI_EXTENSION_ORIGINS set, only the listed extension is allowed', async () => {
    const running = await serverWith({ DAMPINGI_EXTENSION_ORIGINS: EXTENSION });
    const listed = await fetch(`${running.url()}/health`, { headers: { origin: EXTENSION } });
    expect(listed.headers.get('access-control-allow-origin')).toBe(EXTENSION);
    const other = 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba';
    const unlisted = await fetch(`${running.url()}/health`, { headers: { origin: other } });
    expect(unlisted.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('/metrics is for operators', () => {
  it('with neither a metrics token nor a metrics port, /metrics is not found', async () => {
    const running = await serverWith({ DAMPINGI_METRICS_TOKEN: '' });
    const response = await fetch(`${running.url()}/metrics`, { headers: { authorization: 'Bearer anything' } });
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('dampingi_');
  });

  it('with a token: refused (401) without it or with a wrong one, served with it', async () => {
    const running = await serverWith({ DAMPINGI_METRICS_TOKEN: METRICS_TOKEN });
    const url = `${running.url()}/metrics`;
    const without = await fetch(url);
    expect(without.status).toBe(401);
    expect(without.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await without.text()).not.toContain('dampingi_');
    expect((await fetch(url, { headers: { authorization: `Bearer ${METRICS_TOKEN}x` } })).status).toBe(401);
    const served = await fetch(url, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(served.status).toBe(200);
    expect(await served.text()).toContain('dampingi_connections');
  });

  it('with a metrics port: served there on 127.0.0.1 without a token, and not on the public port', async () => {
    const running = await serverWith({ DAMPINGI_METRICS_TOKEN: '', DAMPINGI_METRICS_PORT: '0' });
    const metricsUrl = running.metricsUrl();
    expect(metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    const served = await fetch(metricsUrl ?? '');
    expect(served.status).toBe(200);
    expect(await served.text()).toContain('dampingi_connections');
    expect((await fetch(`${running.url()}/metrics`)).status).toBe(404);
  });
});

describe('/api/join limits', () => {
  it('the 11th join from one address within a minute is refused: 429, retry-after and a rate-limited JSON error', async () => {
    const running = await serverWith({ DAMPINGI_JOIN_RATE_PER_ADDRESS: '10' });
    const owner = await running.addUser('Bu Sari');
    const draft = await running.createDraft(owner.token, 'Fotosintesis');
    const secret = await shareLink(running, owner.token, draft.id);
    for (let index = 1; index <= 10; index += 1) {
      expect((await joinDraft(running, { secret, name: `Tamu ${index}` })).status, `join ${index}`).toBe(200);
    }
    const refused = await joinDraft(running, { secret, name: 'Tamu 11' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ error: { code: 'rate-limited', message: expect.any(String) } });
  });

  it('a link makes at most DAMPINGI_GUESTS_PER_LINK guest accounts; signed-in members are not counted and still join', async () => {
    const running = await serverWith({ DAMPINGI_GUESTS_PER_LINK: '2' });
    const owner = await running.addUser('Bu Sari');
    const mentor = await running.addUser('Pak Budi');
    const colleague = await running.addUser('Bu Rina');
    const draft = await running.createDraft(owner.token, 'Fotosintesis');
    const secret = await shareLink(running, owner.token, draft.id);
    expect((await joinDraft(running, { secret }, mentor.token)).status).toBe(200);
    expect((await joinDraft(running, { secret, name: 'Tamu 1' })).status).toBe(200);
    expect((await joinDraft(running, { secret, name: 'Tamu 2' })).status).toBe(200);
    const third = await joinDraft(running, { secret, name: 'Tamu 3' });
    expect(third.status).toBe(403);
    expect(await third.json()).toMatchObject({ error: { code: 'guest-limit' } });
    expect((await joinDraft(running, { secret }, colleague.token)).status).toBe(200);
    // Another link of the same draft has a cap of its own.
    const secondLink = await shareLink(running, owner.token, draft.id);
    expect((await joinDraft(running, { secret: secondLink, name: 'Tamu 3' })).status).toBe(200);
  });

  it('guest joins through one link are limited per hour (429 with retry-after); another link is not affected', async () => {
    const running = await serverWith({ DAMPINGI_JOIN_RATE_PER_LINK: '2' });
    const owner = await running.addUser('Bu Sari');
    const draft = await running.createDraft(owner.token, 'Fotosintesis');
    const secret = await shareLink(running, owner.token, draft.id);
    expect((await joinDraft(running, { secret, name: 'Tamu 1' })).status).toBe(200);
    expect((await joinDraft(running, { secret, name: 'Tamu 2' })).status).toBe(200);
    const refused = await joinDraft(running, { secret, name: 'Tamu 3' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(60);
    expect(await refused.json()).toMatchObject({ error: { code: 'rate-limited' } });
    const otherLink = await shareLink(running, owner.token, draft.id);
    expect((await joinDraft(running, { secret: otherLink, name: 'Tamu 3' })).status).toBe(200);
  });
});
