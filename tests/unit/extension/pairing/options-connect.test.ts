import { describe, expect, it } from 'vitest';
import { connectFromOptions } from '../../../../extension/pairing/options-connect';

const SECRET = 'Zq3kP9xW_2mN-8vT4bR7yL1cH6jD0fGsAeUo';
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const user = { id: 'u1', name: 'Bu Sari', email: null, isAdmin: false };
const never: typeof fetch = async () => {
  throw new Error('no request expected');
};

describe('"Simpan" on the options page connects the way the pasted text says', () => {
  it('an empty field saves only the (trimmed) server address', async () => {
    expect(await connectFromOptions(' http://127.0.0.1:8787/ ', '', never)).toEqual({
      kind: 'address',
      serverUrl: 'http://127.0.0.1:8787',
    });
  });

  it('a pairing code is exchanged at the address given for the extension’s token', async () => {
    const requests: string[] = [];
    const server: typeof fetch = async (url, init) => {
      requests.push(`${init?.method} ${url} ${init?.body}`);
      return json(200, { token: { token: 'ext', expiresAt: '2027-01-01T00:00:00.000Z' }, user });
    };
    expect(await connectFromOptions('http://127.0.0.1:8787', 'abcd-ef23', server)).toEqual({
      kind: 'connected',
      connected: { ok: true, serverUrl: 'http://127.0.0.1:8787', token: 'ext', name: 'Bu Sari' },
    });
    expect(requests).toEqual(['POST http://127.0.0.1:8787/api/extension/pair {"code":"ABCDEF23"}']);
  });

  it('a sign-in link is redeemed by POST at its own server, for the extension', async () => {
    const requests: string[] = [];
    const server: typeof fetch = async (url, init) => {
      requests.push(`${init?.method} ${url} ${init?.body}`);
      return json(200, {
        status: 'signed-in',
        user,
        draftId: null,
        token: { token: 'ext', expiresAt: '2027-01-01T00:00:00.000Z' },
      });
    };
    const outcome = await connectFromOptions(
      'http://localhost:8787',
      `https://dampingi.sekolah.sch.id/editor.html?signin=${SECRET}`,
      server,
    );
    expect(outcome).toMatchObject({ kind: 'connected', connected: { serverUrl: 'https://dampingi.sekolah.sch.id' } });
    expect(requests).toEqual([
      `POST https://dampingi.sekolah.sch.id/api/auth/redeem {"secret":"${SECRET}","client":"extension"}`,
    ]);
  });

  it('refusals say why: a used code, a used link, an unknown token, a bad address, text it cannot read', async () => {
    const gone = async () => json(410, { error: { code: 'gone', message: 'used' } });
    expect(await connectFromOptions('http://127.0.0.1:8787', 'ABCDEF23', gone)).toMatchObject({
      kind: 'refused',
      reason: 'code-refused',
    });
    expect(await connectFromOptions('', `http://127.0.0.1:8787/editor.html?signin=${SECRET}`, gone)).toMatchObject({
      kind: 'refused',
      reason: 'link-refused',
    });
    const unknownToken = async () => json(401, { error: { code: 'unauthorized', message: 'unknown token' } });
    expect(
      await connectFromOptions(
        'http://127.0.0.1:8787',
        'http://127.0.0.1:8787/editor.html?token=old-token',
        unknownToken,
      ),
    ).toMatchObject({ kind: 'refused', reason: 'token-refused' });
    expect(await connectFromOptions('localhost', 'ABCDEF23', never)).toMatchObject({
      kind: 'refused',
      reason: 'invalid-server',
    });
    expect(await connectFromOptions('http://127.0.0.1:8787', 'ABC', never)).toMatchObject({
      kind: 'refused',
      reason: 'not-understood',
    });
    const offline: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await connectFromOptions('http://127.0.0.1:8787', 'ABCDEF23', offline)).toMatchObject({
      kind: 'refused',
      reason: 'network',
    });
  });
});
