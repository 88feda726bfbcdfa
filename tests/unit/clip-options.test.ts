import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../extension/api/api-client';
import { clipPreferences } from '../../extension/clip/clip-preferences';
import { loadAccount, loadDraftChoices } from '../../extension/clip/draft-choices';
import { checkSignIn } from '../../extension/clip/sign-in';
import type { KeyValueArea } from '../../extension/settings/app-settings';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const unauthorized = () => json(401, { error: { code: 'unauthorized', message: 'unknown token' } });
const offline: typeof fetch = async () => {
  throw new TypeError('Failed to fetch');
};

function memoryArea(): KeyValueArea {
  const items: Record<string, unknown> = {};
  return { get: async (key) => ({ [key]: items[key] }), set: async (patch) => void Object.assign(items, patch) };
}

describe('options page: "Simpan" checks the token with the server', () => {
  it('a known token signs in with the name the server gives', async () => {
    const fetchMe: typeof fetch = async (url, init) => {
      expect(String(url)).toBe('http://localhost:8787/api/me');
      expect(new Headers(init?.headers).get('authorization')).toBe('Bearer rahasia');
      return json(200, { id: 'u1', name: 'Bu Sari' });
    };
    expect(await checkSignIn(' http://localhost:8787/ ', ' rahasia ', fetchMe)).toEqual({
      outcome: 'signed-in',
      save: true,
      serverUrl: 'http://localhost:8787',
      token: 'rahasia',
      name: 'Bu Sari',
    });
  });

  it('a refused token is not saved and the reason is the unauthorized message', async () => {
    expect(await checkSignIn('http://localhost:8787', 'salah', async () => unauthorized())).toEqual({
      outcome: 'refused',
      save: false,
      reasonKey: 'error.unauthorized',
    });
  });

  it('an unreachable server saves the settings unverified (setting up offline works)', async () => {
    expect(await checkSignIn('http://localhost:8787', 'rahasia', offline)).toMatchObject({
      outcome: 'unverified',
      save: true,
    });
  });

  it('a bad address or an empty token is refused before asking anyone', async () => {
    const never: typeof fetch = async () => {
      throw new Error('must not be called');
    };
    expect(await checkSignIn('localhost', 'x', never)).toMatchObject({ reasonKey: 'clip.options.invalidServerUrl' });
    expect(await checkSignIn('javascript:alert(1)', 'x', never)).toMatchObject({
      reasonKey: 'clip.options.invalidServerUrl',
    });
    expect(await checkSignIn('http://localhost:8787', '  ', never)).toMatchObject({
      reasonKey: 'clip.options.tokenRequired',
    });
  });
});

describe('popup: drafts and account when the server answers and when it does not', () => {
  const drafts = {
    drafts: [
      {
        id: 'draft-0001',
        title: 'Bahan bacaan',
        ownerId: 'u1',
        ownerName: 'Bu Sari',
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
        role: 'owner',
      },
    ],
  };

  it('offline, the last listed drafts and the last known name are used', async () => {
    const preferences = clipPreferences(memoryArea());
    const online = createApiClient('http://localhost:8787', 'tok', async (url) =>
      String(url).endsWith('/api/me') ? json(200, { id: 'u1', name: 'Bu Sari' }) : json(200, drafts),
    );
    expect(await loadDraftChoices(online, preferences, 'http://localhost:8787')).toMatchObject({ source: 'server' });
    expect(await loadAccount(online, preferences, 'http://localhost:8787')).toEqual({
      name: 'Bu Sari',
      verified: true,
    });

    const down = createApiClient('http://localhost:8787', 'tok', offline);
    expect(await loadDraftChoices(down, preferences, 'http://localhost:8787/')).toEqual({
      drafts: [
        { id: 'draft-0001', title: 'Bahan bacaan', ownerName: 'Bu Sari', updatedAt: '2026-01-01T00:00:00.000Z' },
      ],
      source: 'saved',
      reason: 'network',
    });
    expect(await loadAccount(down, preferences, 'http://localhost:8787')).toEqual({ name: 'Bu Sari', verified: false });
  });

  it('a refused token is shown as such, not hidden behind the saved list', async () => {
    const preferences = clipPreferences(memoryArea());
    await preferences.setCachedDrafts('http://localhost:8787/', [{ id: 'draft-0001', title: 'Lama' }]);
    const refused = createApiClient('http://localhost:8787', 'tok', async () => unauthorized());
    expect(await loadDraftChoices(refused, preferences, 'http://localhost:8787')).toEqual({
      drafts: null,
      source: 'none',
      reason: 'unauthorized',
    });
    expect(await loadAccount(refused, preferences, 'http://localhost:8787')).toEqual({
      name: null,
      reason: 'unauthorized',
    });
  });
});
